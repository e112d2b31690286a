import { EventEmitter } from 'node:events';
import { Socket } from 'node:net';
import { pino, type Logger } from 'pino';
import { DriverError } from '../serial/driver-error.js';
import type { PrinterLink } from './printer-link.js';

export interface TcpLinkOptions {
  host: string;
  /** Raw printing port; 9100 on nearly every network printer. */
  port?: number;
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
}

interface TcpLinkEvents {
  open: [];
  close: [];
  data: [chunk: Buffer];
}

const NOT_OPEN = { zh: '打印机网络连接未建立', en: 'The printer network connection is not open' };

/**
 * A kept-open raw TCP connection to a network printer. node-thermal-printer's own tcp:// interface opens a
 * connection per job and closes it, so a status reply could never come back on it.
 */
export class TcpLink extends EventEmitter<TcpLinkEvents> implements PrinterLink {
  private readonly log: Logger;
  private socket: Socket | null = null;
  private connected = false;
  private running = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private delayMs: number;

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
    return this.opts.reconnectMinMs ?? 250;
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

  reopen(reason: string): void {
    if (!this.running || this.retryTimer) return;
    this.log.warn({ reason }, 'reconnecting to printer');
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
      if (socket === this.socket) this.emit('data', chunk);
    });
    socket.on('error', (err) => {
      if (socket === this.socket) this.log.warn({ err: err.message }, 'printer connection error');
    });
    socket.on('close', () => {
      if (socket !== this.socket) return;
      this.drop();
      this.retry(this.delayMs);
      this.delayMs = Math.min(this.delayMs * 2, this.opts.reconnectMaxMs ?? 5_000);
    });
    socket.connect(this.port, this.opts.host, () => {
      if (socket !== this.socket) return;
      this.connected = true;
      this.delayMs = this.minDelay;
      this.emit('open');
    });
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
