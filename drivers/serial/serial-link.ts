import { EventEmitter } from 'node:events';
import { stat } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import { pino, type Logger } from 'pino';
import { SerialLinkError, type SerialErrorCode } from './serial-errors.js';

export interface SerialLinkOptions {
  path: string;
  baudRate: number;
  /** First retry delay after a failed open or a lost port; doubles up to reconnectMaxMs. */
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
  /** How often an open link looks whether its path still names the device it opened. */
  pathCheckMs?: number;
}

export interface SerialLinkEvents {
  open: [];
  close: [];
  data: [chunk: Buffer];
  error: [error: SerialLinkError];
}

const DEFAULT_RECONNECT_MIN_MS = 250;
const DEFAULT_RECONNECT_MAX_MS = 5_000;
const DEFAULT_PATH_CHECK_MS = 1_000;

/**
 * One serial device path, kept open for as long as the owner wants it: opens, and after any failure or
 * loss keeps reopening with backoff until stop(). Knows nothing about what the bytes mean.
 *
 * The port is configured by path only: SerialPort.list() needs udevadm, which halls' PCs and containers
 * often lack. Modem lines (set({ dtr, rts })) are never touched because that call fails on a pty.
 */
export class SerialLink extends EventEmitter<SerialLinkEvents> {
  private readonly log: Logger;
  private readonly minDelayMs: number;
  private readonly maxDelayMs: number;
  private port: SerialPort | null = null;
  private opened = false;
  private running = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private nextDelayMs: number;
  private lastErrorText: string | null = null;
  /** Bumped whenever a port is abandoned, so late callbacks from it cannot touch the current one. */
  private generation = 0;
  /** The device node the open port was opened through, as its path named it then. */
  private openedNode: { ino: number; rdev: number } | null = null;
  private pathTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly opts: SerialLinkOptions,
    log?: Logger,
  ) {
    super();
    this.log = (log ?? pino({ level: 'silent' })).child({ serialPath: opts.path });
    this.minDelayMs = opts.reconnectMinMs ?? DEFAULT_RECONNECT_MIN_MS;
    this.maxDelayMs = Math.max(this.minDelayMs, opts.reconnectMaxMs ?? DEFAULT_RECONNECT_MAX_MS);
    this.nextDelayMs = this.minDelayMs;
  }

  get isOpen(): boolean {
    return this.opened;
  }

  get path(): string {
    return this.opts.path;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.pathTimer = setInterval(() => this.checkPath(), this.opts.pathCheckMs ?? DEFAULT_PATH_CHECK_MS);
    this.pathTimer.unref();
    this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (this.pathTimer) clearInterval(this.pathTimer);
    this.pathTimer = null;
    const port = this.abandonPort();
    if (port) await closeQuietly(port);
  }

  write(data: Buffer): Promise<void> {
    const port = this.port;
    if (!this.opened || !port) return Promise.reject(new SerialLinkError('SERIAL_NOT_OPEN', this.opts.path));
    const generation = this.generation;
    return new Promise((resolve, reject) => {
      port.write(data, (err) => {
        if (!err) return resolve();
        const error = new SerialLinkError('SERIAL_WRITE_FAILED', this.opts.path, err);
        // A write that fails on a serial line means the device went away; waiting for it will not help.
        if (generation === this.generation) this.lose(error);
        reject(error);
      });
    });
  }

  /**
   * Close and reconnect. A pty (or USB adapter) whose other end died may give no close event at all, so
   * the driver, which notices that responses stopped, is the one who asks for this.
   */
  reopen(reason: string): void {
    if (!this.running || this.retryTimer) return;
    this.log.warn({ reason }, 'reopening serial port');
    const port = this.abandonPort();
    if (port) void closeQuietly(port);
    this.scheduleRetry(this.minDelayMs);
  }

  private connect(): void {
    this.retryTimer = null;
    if (!this.running) return;
    const generation = ++this.generation;
    const isCurrent = () => generation === this.generation;
    const port = new SerialPort({ path: this.opts.path, baudRate: this.opts.baudRate, autoOpen: false });
    this.port = port;
    port.on('data', (chunk: Buffer) => {
      if (isCurrent()) this.emit('data', chunk);
    });
    port.on('error', (err) => {
      if (isCurrent()) this.report(new SerialLinkError('SERIAL_PORT_ERROR', this.opts.path, err));
    });
    port.on('close', () => {
      if (isCurrent()) this.lose(null);
    });
    port.open((err) => {
      if (!isCurrent()) {
        if (!err) void closeQuietly(port);
        return;
      }
      if (err) {
        this.port = null;
        this.fail('SERIAL_OPEN_FAILED', err);
        return;
      }
      this.opened = true;
      this.nextDelayMs = this.minDelayMs;
      this.lastErrorText = null;
      this.log.info('serial port open');
      this.emit('open');
      void stat(this.opts.path).then((node) => {
        if (isCurrent()) this.openedNode = { ino: node.ino, rdev: node.rdev };
      }, () => undefined);
    });
  }

  /**
   * A device unplugged while its port is open may never report it (seen about once in 50 replugs of a pty under
   * load): Linux hangs the tty up, a read of a hung-up tty returns no bytes, and serialport's read on Linux tries
   * again on no bytes instead of closing; the close comes only when a poll happens to see the hang-up. So the link
   * looks at its path: gone, or naming another device node (the adapter plugged back, a by-id link moved, a pty made
   * anew), and the port is lost; the usual retries open whatever the path names next.
   */
  private checkPath(): void {
    const was = this.openedNode;
    if (!this.opened || !was) return;
    const generation = this.generation;
    const gone = (cause: unknown) => {
      if (generation === this.generation) this.lose(new SerialLinkError('SERIAL_PORT_GONE', this.opts.path, cause));
    };
    stat(this.opts.path).then((node) => {
      if (node.ino !== was.ino || node.rdev !== was.rdev) gone(new Error('the path names another device now'));
    }, gone);
  }

  private fail(code: SerialErrorCode, cause: unknown): void {
    this.report(new SerialLinkError(code, this.opts.path, cause));
    this.scheduleRetry(this.nextDelayMs);
    this.nextDelayMs = Math.min(this.nextDelayMs * 2, this.maxDelayMs);
  }

  private lose(error: SerialLinkError | null): void {
    if (error) this.report(error);
    else this.log.warn('serial port closed');
    const port = this.abandonPort();
    if (port) void closeQuietly(port);
    if (this.running) this.scheduleRetry(this.minDelayMs);
  }

  /** Detaches the current port (emitting 'close' if it was open) and returns it for closing. */
  private abandonPort(): SerialPort | null {
    this.generation++;
    this.openedNode = null;
    const port = this.port;
    const wasOpen = this.opened;
    this.port = null;
    this.opened = false;
    if (wasOpen) this.emit('close');
    return port;
  }

  private scheduleRetry(delayMs: number): void {
    if (!this.running || this.retryTimer) return;
    this.retryTimer = setTimeout(() => this.connect(), delayMs);
  }

  /** A device that stays unplugged fails the same way every retry; say so once, not every few seconds. */
  private report(error: SerialLinkError): void {
    if (error.message === this.lastErrorText) return;
    this.lastErrorText = error.message;
    this.log.error({ code: error.code, err: error.cause }, error.message);
    if (this.listenerCount('error') > 0) this.emit('error', error);
  }
}

function closeQuietly(port: SerialPort): Promise<void> {
  return new Promise((resolve) => {
    if (!port.isOpen) return resolve();
    // Closing a port whose device vanished reports an error; it is closed either way.
    port.close(() => resolve());
  });
}
