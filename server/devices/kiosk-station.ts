import type { Logger } from 'pino';
import type { CardRead, IdCardError, ReaderStatus } from '../../drivers/id-card/index.js';
import type { IdCardReaderEvents } from '../../drivers/id-card/reader.js';
import { maskIdNumber, maskName } from '../../drivers/id-card/index.js';
import type { PaperWidth, PrinterStatus, TicketPrinter } from '../../drivers/printer/index.js';
import { buildHallTicket, type HallTicketData } from '../../drivers/printer/index.js';
import { blockingProblem, problem } from '../../drivers/printer/print-result.js';
import type { DeviceProblem, PrintOutcome } from '../../protocol/device-messages.js';
import type { HallState } from '../core/types.js';
import type { CardInbox } from '../privacy/card-inbox.js';
import { fullIdentityOf, kioskCardView } from './card-view.js';
import type { Notifier } from './notifier.js';

/** A card reader as the kiosk uses it: the GA 467 driver, or the in-process stand-in when simulating. */
export interface CardSource {
  on<K extends keyof IdCardReaderEvents>(event: K, listener: (...args: IdCardReaderEvents[K]) => void): unknown;
  start(): void;
  stop(): Promise<void>;
}

export interface KioskStationDeps {
  deviceId: number;
  /** For alerts: how staff know this kiosk ("1号取号机"). */
  name: () => string;
  reader: CardSource | null;
  printer: TicketPrinter | null;
  paperWidth: PaperWidth;
  printerPollMs: number;
  state: HallState;
  cards: CardInbox;
  clock: () => number;
  notifier: Notifier;
  log: Logger;
}

/** A port just opened at start, or being reopened, comes back within moments: a ticket waits that long for it. */
const CONNECT_WAIT_MS = 1_000;

/** The condition of a printer that cannot be reached (off, unplugged, silent). */
const OUTAGE = 'OFFLINE';

const PAPER_LOW = { code: 'PAPER_NEAR_END', zh: '打印机纸将用尽，请及时更换纸卷', en: 'The printer paper is running low' };

/**
 * One kiosk's peripherals. A card read goes into the CardInbox under a one-time token and only its masked form
 * reaches the kiosk's screen; tickets are printed on request; printer conditions reach the kiosk and supervisors.
 */
export class KioskStation {
  private readerStatus: ReaderStatus = { connected: false, samOk: false };
  /** The printer condition last told (a problem code, paper running low, or null): each change is told once. */
  private condition: string | null = null;
  /** The printer message last told, for a kiosk screen that connects after it was told. */
  private printerNews: { problem: DeviceProblem | null; paperNearEnd: boolean } = { problem: null, paperNearEnd: false };
  private poll: NodeJS.Timeout | null = null;
  private readonly log: Logger;

  constructor(private readonly d: KioskStationDeps) {
    this.log = d.log.child({ kioskDeviceId: d.deviceId });
  }

  get hasPrinter(): boolean {
    return this.d.printer !== null;
  }

  get paperWidth(): PaperWidth {
    return this.d.paperWidth;
  }

  /** For the hall monitor: is each peripheral there, and what is wrong with the printer. */
  status() {
    const { reader, printer } = this.d;
    return {
      deviceId: this.d.deviceId,
      reader: reader ? { ...this.readerStatus } : null,
      printer: printer ? { connected: printer.isAnswering, condition: this.condition } : null,
    };
  }

  /**
   * Tells a kiosk screen that just connected how its reader and printer are. News is pushed only on change, and a
   * screen that reconnects after a server restart missed the changes (the reader came back before the screen did):
   * without this it kept showing the reader as out of order, and visitors could not take ID tickets.
   */
  greet(): void {
    const { deviceId, reader, printer, notifier } = this.d;
    // The problem of the last read is not repeated: it was about a card, and that visitor has gone.
    if (reader) notifier.toKiosk(deviceId, { type: 'reader', connected: this.readerStatus.connected, samOk: this.readerStatus.samOk, problem: null });
    if (printer) notifier.toKiosk(deviceId, { type: 'printer', ...this.printerNews });
  }

  start(): void {
    const { reader, printer } = this.d;
    if (reader) {
      reader.on('card', (read) => this.onCard(read));
      reader.on('card-removed', () => this.d.notifier.toKiosk(this.d.deviceId, { type: 'cardRemoved' }));
      reader.on('status', (status) => this.onReaderStatus(status, null));
      reader.on('error', (err) => this.onReaderStatus(this.readerStatus, err));
      reader.start();
    }
    if (printer) {
      printer.on('status', (status) => this.onPrinterStatus(status));
      printer.on('connected', () => void printer.getStatus());
      // A dropped link is checked at once, so the monitor and the kiosk hear of it now rather than at the next poll.
      printer.on('disconnected', () => { if (this.poll) void printer.getStatus(); });
      printer.start();
      this.poll = setInterval(() => void printer.getStatus(), this.d.printerPollMs);
      this.poll.unref();
    }
  }

  async stop(): Promise<void> {
    if (this.poll) clearInterval(this.poll);
    this.poll = null; // the link closing now is a shutdown, not an outage to check
    await Promise.all([this.d.reader?.stop(), this.d.printer?.stop()]);
  }

  /** Prints one ticket. The ticket is stored whatever happens here; a failure is told, never thrown. */
  async print(data: Omit<HallTicketData, 'paperWidth'>): Promise<PrintOutcome> {
    const printer = this.d.printer;
    if (!printer) return { ok: false, problem: toProblem(problem('OFFLINE', offline())), sent: false };
    try {
      // Known to be down, the printer is asked at once: the visitor gets the answer now, not after a retry pause.
      if (this.condition !== OUTAGE) await connectedWithin(printer, CONNECT_WAIT_MS);
      const result = await printer.print(buildHallTicket({ ...data, paperWidth: this.d.paperWidth }));
      if (result.ok) {
        this.log.info({ number: data.number }, 'ticket printed');
        return { ok: true };
      }
      this.log.warn({ number: data.number, code: result.code, sent: result.sent }, 'ticket not printed');
      this.tell(toProblem(result), result.status.paperNearEnd);
      return { ok: false, problem: toProblem(result), sent: result.sent };
    } catch (err) {
      this.log.error({ err }, 'printing failed unexpectedly');
      const p = toProblem(problem('WRITE_FAILED', offline()));
      this.tell(p, false);
      return { ok: false, problem: p, sent: false };
    }
  }

  private onCard(read: CardRead): void {
    const identity = fullIdentityOf(read.identity);
    const token = this.d.cards.put(identity, this.d.deviceId);
    const card = kioskCardView(this.d.state, identity, token, this.d.clock());
    const screens = this.d.notifier.toKiosk(this.d.deviceId, { type: 'card', card });
    this.log.info({ nameMasked: maskName(identity.name), idMasked: maskIdNumber(identity.idNumber), screens }, 'card held for the kiosk');
  }

  private onReaderStatus(status: ReaderStatus, error: IdCardError | null): void {
    this.readerStatus = status;
    const p: DeviceProblem | null = error ? { code: error.code, message: error.text } : null;
    this.d.notifier.toKiosk(this.d.deviceId, { type: 'reader', connected: status.connected, samOk: status.samOk, problem: p });
  }

  private onPrinterStatus(status: PrinterStatus): void {
    const code = blockingProblem(status);
    this.tell(code ? toProblem(problem(code, status)) : null, status.paperNearEnd);
  }

  /** Tells the kiosk every change of printer condition, and supervisors every new problem. */
  private tell(p: DeviceProblem | null, paperNearEnd: boolean): void {
    // A printer off or unplugged reads as TIMEOUT or OFFLINE depending on where its link is in a retry: one outage.
    const code = p?.code === 'TIMEOUT' ? OUTAGE : p?.code;
    const key = code ?? (paperNearEnd ? PAPER_LOW.code : null);
    if (key === this.condition) return;
    this.condition = key;
    this.printerNews = { problem: p, paperNearEnd };
    this.d.notifier.toKiosk(this.d.deviceId, { type: 'printer', problem: p, paperNearEnd });
    if (!key) return this.log.info('printer ready again');
    const message = p?.message ?? { zh: PAPER_LOW.zh, en: PAPER_LOW.en };
    const name = this.d.name();
    this.d.notifier.alert(`PRINTER_${key}`, { zh: `${name}：${message.zh}`, en: `${name}: ${message.en}` }, this.d.deviceId);
    this.log.warn({ code: key }, 'printer needs attention');
  }
}

function connectedWithin(printer: TicketPrinter, ms: number): Promise<void> {
  if (printer.isConnected) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      printer.off('connected', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    printer.on('connected', done);
  });
}

function toProblem(p: { code: string; zh: string; en: string }): DeviceProblem {
  return { code: p.code, message: { zh: p.zh, en: p.en } };
}

function offline(): PrinterStatus {
  return { online: false, coverOpen: false, paperOut: false, paperNearEnd: false, error: false };
}
