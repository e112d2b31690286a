import { EventEmitter } from 'node:events';
import { PrinterTypes, ThermalPrinter } from 'node-thermal-printer';
import { pino, type Logger } from 'pino';
import { RequestQueue } from '../serial/request-queue.js';
import { blockingProblem, problem, type PrintResult, type StatusResult } from './print-result.js';
import { thermalPrinterInterface, type PrinterLink } from './printer-link.js';
import { SILENT_PRINTER_STATUS, sameStatus, type PrinterStatus } from './printer-status.js';
import { StatusReader, type StatusReading } from './status-reader.js';

export interface TicketPrinterOptions {
  /** Name used in logs and reported to node-thermal-printer. */
  name?: string;
  /** Deadline for each one-byte status reply; a silent printer is reported after this long. */
  statusTimeoutMs?: number;
  /**
   * Wait between sending a ticket and the status check after it. A real printer answers DLE EOT at once, even
   * with the ticket still in its buffer, so a paper-out that happens while printing shows only after this delay.
   */
  settleMs?: number;
  /**
   * A printer gone silent has its link reopened at once, then at most this often, the pause doubling up to
   * reopenMaxMs until it answers again.
   */
  reopenMinMs?: number;
  reopenMaxMs?: number;
}

export interface TicketPrinterEvents {
  /** The serial port or TCP connection is up (the printer itself may still be silent). */
  connected: [];
  disconnected: [];
  /** Emitted when the status read differs from the previous one (a silent printer counts as offline). */
  status: [status: PrinterStatus];
}

const DEFAULT_STATUS_TIMEOUT_MS = 500;
const DEFAULT_REOPEN_MIN_MS = 500;
const DEFAULT_REOPEN_MAX_MS = 10_000;

/**
 * An ESC/POS ticket printer. It prints bytes it is given (see ticket-layout.ts) and knows nothing of queues.
 * Every device condition comes back as a typed result; nothing here throws because of the printer.
 */
export class TicketPrinter extends EventEmitter<TicketPrinterEvents> {
  private readonly queue = new RequestQueue();
  private readonly reader: StatusReader;
  private readonly thermal: ThermalPrinter;
  private readonly log: Logger;
  private last: PrinterStatus | null = null;
  /** Whether the printer answered its last status request; a link that closes since clears it. */
  private answering = false;
  /** A printer that stopped answering: since when, when its link may next be reopened, the pause after that. */
  private outage: { since: number; reopenAt: number; pauseMs: number } | null = null;

  constructor(
    private readonly link: PrinterLink,
    private readonly opts: TicketPrinterOptions = {},
    log?: Logger,
  ) {
    super();
    const name = opts.name ?? 'ticket-printer';
    this.log = (log ?? pino({ level: 'silent' })).child({ printer: name });
    this.reader = new StatusReader(link, opts.statusTimeoutMs ?? DEFAULT_STATUS_TIMEOUT_MS);
    link.on('open', () => this.emit('connected'));
    link.on('close', () => {
      this.answering = false;
      this.emit('disconnected');
    });
    // The typings only allow a string interface; at run time node-thermal-printer takes any object with
    // getPrinterName / isPrinterConnected / execute and sends through it.
    this.thermal = new ThermalPrinter({
      type: PrinterTypes.EPSON,
      interface: thermalPrinterInterface(link, name) as unknown as string,
    });
  }

  start(): void {
    this.link.start();
  }

  async stop(): Promise<void> {
    await this.link.stop();
  }

  /** The link (serial port or TCP connection) is open; the printer itself may still be silent. */
  get isConnected(): boolean {
    return this.link.isOpen;
  }

  /**
   * The printer answered its last status request and its link is still open: what the hall monitor shows. It
   * stays false through an outage, whatever the link does while it is being retried.
   */
  get isAnswering(): boolean {
    return this.answering && this.link.isOpen;
  }

  /** Real-time status (DLE EOT); queued behind any print in progress. */
  getStatus(): Promise<StatusResult> {
    return this.queue.run(async () => {
      const reading = await this.readStatus();
      if (reading.kind !== 'status') return problem(reading.kind === 'timeout' ? 'TIMEOUT' : 'OFFLINE', SILENT_PRINTER_STATUS);
      return { ok: true, status: reading.status };
    });
  }

  /**
   * Checks the printer, sends the ticket only if it can print, then checks again. A printer out of paper,
   * with its cover open, in error or silent never receives the ticket.
   */
  print(ticket: Buffer): Promise<PrintResult> {
    return this.queue.run(async () => {
      const before = await this.readStatus();
      if (before.kind !== 'status') return this.failed(before, false);
      const blocked = blockingProblem(before.status);
      if (blocked) return { ...problem(blocked, before.status), sent: false };

      try {
        await this.thermal.raw(ticket);
      } catch (err) {
        this.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'sending ticket failed');
        return { ...problem('WRITE_FAILED', before.status), sent: false };
      }

      if (this.opts.settleMs) await sleep(this.opts.settleMs);
      const after = await this.readStatus();
      if (after.kind !== 'status') return this.failed(after, true);
      const stopped = blockingProblem(after.status);
      if (stopped) return { ...problem(stopped, after.status), sent: true };
      return { ok: true, status: after.status };
    });
  }

  private failed(reading: Exclude<StatusReading, { kind: 'status' }>, sent: boolean): PrintResult {
    return { ...problem(reading.kind === 'timeout' ? 'TIMEOUT' : 'OFFLINE', SILENT_PRINTER_STATUS), sent };
  }

  private async readStatus(): Promise<StatusReading> {
    const reading = await this.reader.read();
    this.answering = reading.kind === 'status';
    if (reading.kind === 'status') this.endOutage();
    else this.noteOutage(reading.kind);
    const status = reading.kind === 'status' ? reading.status : SILENT_PRINTER_STATUS;
    if (!this.last || !sameStatus(this.last, status)) {
      this.last = status;
      if (reading.kind === 'status') this.log.info({ status, replies: reading.replies }, 'printer status');
      this.emit('status', status);
    }
    return reading;
  }

  /**
   * A printer that does not answer, silent or with its link down, is logged once per outage. A silent one has its
   * link reopened (a dead pty or half-open socket looks exactly like this and never reports itself closed): at
   * once the first time, then no more often than a pause that doubles, so a printer left off does not cost a
   * reconnection and a warning twice a second. A link that is down retries by itself.
   */
  private noteOutage(kind: 'timeout' | 'not-open'): void {
    const now = Date.now();
    if (!this.outage) {
      this.outage = { since: now, reopenAt: now, pauseMs: this.opts.reopenMinMs ?? DEFAULT_REOPEN_MIN_MS };
      this.log.warn({ cause: kind === 'timeout' ? 'no status reply' : 'link down' }, 'printer not answering; retrying quietly until it does');
    }
    if (kind !== 'timeout' || now < this.outage.reopenAt) return;
    this.link.reopen('status reply timeout');
    this.outage.reopenAt = now + this.outage.pauseMs;
    this.outage.pauseMs = Math.min(this.outage.pauseMs * 2, this.opts.reopenMaxMs ?? DEFAULT_REOPEN_MAX_MS);
  }

  private endOutage(): void {
    if (!this.outage) return;
    this.log.info({ outageMs: Date.now() - this.outage.since }, 'printer answers again');
    this.outage = null;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
