import { EventEmitter } from 'node:events';
import { Socket } from 'node:net';
import { pino, type Logger } from 'pino';
import { DriverError } from '../serial/driver-error.js';
import type { PrinterLink } from './printer-link.js';

export interface TcpLinkOptions {
  host: string;
  /** Raw printing port; 9100 on nearly every network printer. */
  port?: number;
  /** First wait before connecting again; doubles up to reconnectMaxMs until the printer sends a byte. */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
}

interface TcpLinkEvents {
  open: [];
  close: [];
  data: [chunk: Buffer];
}

const DEFAULT_RECONNECT_MIN_MS = 500;
const DEFAULT_RECONNECT_MAX_MS = 10_000;

const NOT_OPEN = { zh: '打印机网络连接未建立', en: 'The printer network connection is not open' };

/**
 * A kept-open raw TCP connection to a network printer. node-thermal-printer's own tcp:// interface opens a
 * connection per job and closes it, so a status reply could never come back on it.
 *
 * A printer that is off, unplugged or refusing keeps failing the same way: the link tries again after a pause
 * that doubles up to a cap, and says so once per outage, not at every try. The pause starts over only once the
 * printer sends something, so one that accepts the connection and drops it is not reconnected twice a second
 * either. One that stays connected but silent is paced by the driver, which asks for reopen().
 */
export class TcpLink extends EventEmitter<TcpLinkEvents> implements PrinterLink {
  private readonly log: Logger;
  private socket: Socket | null = null;
  private connected = false;
  private running = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private delayMs: number;
  /** The error the current run of failed connections gave, logged once; null while the printer answers. */
  private lastErrorText: string | null = null;

  constructor(
    private readonly opts: TcpLinkOptions,
    log?: Logger,
  ) {
    super();
    this.log = (log ?? pino({ level: 'silent' })).child({ printerHost: opts.host, printerPort: this.port });
    this.delayMs = this.minDelay;
  }

  get isOpen(): boolean {
    return this.connected;
  }

  private get port(): number {
    return this.opts.port ?? 9100;
  }

  private get minDelay(): number {
    return this.opts.reconnectMinMs ?? DEFAULT_RECONNECT_MIN_MS;
  }

  private get maxDelay(): number {
    return Math.max(this.minDelay, this.opts.reconnectMaxMs ?? DEFAULT_RECONNECT_MAX_MS);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.drop();
  }

  write(data: Buffer): Promise<void> {
    const socket = this.socket;
    if (!this.connected || !socket) return Promise.reject(new DriverError('PRINTER_LINK_NOT_OPEN', NOT_OPEN));
    return new Promise((resolve, reject) => {
      socket.write(data, (err) => (err ? reject(err) : resolve()));
    });
  }

  /** The driver paces these (see TicketPrinter) and logs why, so the link reconnects soon and quietly. */
  reopen(reason: string): void {
    if (!this.running || this.retryTimer) return;
    this.log.debug({ reason }, 'reconnecting to printer');
    this.drop();
    this.retry(this.minDelay);
  }

  private connect(): void {
    this.retryTimer = null;
    if (!this.running) return;
    const socket = new Socket();
    this.socket = socket;
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      if (socket !== this.socket) return;
      this.delayMs = this.minDelay;
      this.emit('data', chunk);
    });
    socket.on('error', (err) => {
      if (socket === this.socket) this.report(err.message);
    });
    socket.on('close', () => {
      if (socket !== this.socket) return;
      this.drop();
      this.retry(this.delayMs);
      this.delayMs = Math.min(this.delayMs * 2, this.maxDelay);
    });
    socket.connect(this.port, this.opts.host, () => {
      if (socket !== this.socket) return;
      this.connected = true;
      if (this.lastErrorText !== null) this.log.info('printer connection open again');
      this.lastErrorText = null;
      this.emit('open');
    });
  }

  /** A printer that stays off fails the same way at every try: said once, not every few seconds. */
  private report(text: string): void {
    if (text === this.lastErrorText) return;
    this.lastErrorText = text;
    this.log.warn({ err: text }, 'printer connection error');
  }

  private drop(): void {
    const socket = this.socket;
    const wasOpen = this.connected;
    this.socket = null;
    this.connected = false;
    socket?.destroy();
    if (wasOpen) this.emit('close');
  }

  private retry(ms: number): void {
    if (this.running && !this.retryTimer) this.retryTimer = setTimeout(() => this.connect(), ms);
  }
}
