import type { PrinterLink } from './printer-link.js';
import {
  decodeStatus,
  isStatusReplyByte,
  needsErrorCause,
  statusRequestBytes,
  type PrinterStatus,
  type StatusReplies,
  type StatusRequest,
} from './printer-status.js';

export type StatusReading =
  | { kind: 'status'; status: PrinterStatus; replies: StatusReplies }
  /** The printer did not answer within the deadline: powered off, cable out, or stuck. */
  | { kind: 'timeout' }
  /** The link itself is down; nothing could be asked. */
  | { kind: 'not-open' };

/**
 * Asks DLE EOT 1, 2 and 4 (and 3 when the printer reports an error), one at a time, each answered by one byte.
 * Must be used by one caller at a time (the driver's request queue sees to that).
 */
export class StatusReader {
  private waiter: ((byte: number) => void) | null = null;
  private readonly onData = (chunk: Buffer): void => {
    for (const byte of chunk) {
      // Bytes with no request waiting (a reply that came after its deadline) are dropped, so they cannot be
      // taken for the answer to the next request.
      if (this.waiter && isStatusReplyByte(byte)) {
        const resolve = this.waiter;
        this.waiter = null;
        resolve(byte);
      }
    }
  };

  constructor(
    private readonly link: PrinterLink,
    private readonly timeoutMs: number,
  ) {
    link.on('data', this.onData);
  }

  async read(): Promise<StatusReading> {
    if (!this.link.isOpen) return { kind: 'not-open' };
    try {
      const printer = await this.ask(1);
      const offlineCause = await this.ask(2);
      const paper = await this.ask(4);
      const replies: StatusReplies = { printer, offlineCause, paper };
      if (needsErrorCause(offlineCause)) replies.errorCause = await this.ask(3);
      return { kind: 'status', status: decodeStatus(replies), replies };
    } catch (err) {
      return err === TIMED_OUT ? { kind: 'timeout' } : { kind: 'not-open' };
    }
  }

  private ask(n: StatusRequest): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(TIMED_OUT);
      }, this.timeoutMs);
      this.waiter = (byte) => {
        clearTimeout(timer);
        resolve(byte);
      };
      this.link.write(statusRequestBytes(n)).catch((err: unknown) => {
        clearTimeout(timer);
        this.waiter = null;
        reject(err);
      });
    });
  }
}

const TIMED_OUT = Symbol('status reply timed out');
