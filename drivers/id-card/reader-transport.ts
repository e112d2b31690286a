import type { Logger } from 'pino';
import { RequestQueue } from '../serial/request-queue.js';
import type { SerialLink } from '../serial/serial-link.js';
import { encodeRequest, FrameReassembler, parseResponse, type Response } from './frame.js';
import type { Command } from './protocol-constants.js';
import { driverError, type IdCardError } from './status-codes.js';

interface Waiter {
  resolve(frame: Buffer): void;
  reject(error: IdCardError): void;
}

/**
 * Request/response over the link: one request on the wire at a time, each reply reassembled from the byte
 * stream and matched to the request waiting for it, with a deadline.
 */
export class ReaderTransport {
  private readonly queue = new RequestQueue();
  private readonly reassembler = new FrameReassembler();
  private waiter: Waiter | null = null;

  constructor(
    private readonly link: SerialLink,
    private readonly timeoutMs: number,
    private readonly log: Logger,
  ) {
    link.on('data', (chunk) => this.onData(chunk));
  }

  /** Sends a request and resolves with the reader's reply, whatever its status; rejects with IdCardError. */
  request(command: Command): Promise<Response> {
    return this.queue.run(() => this.exchange(command));
  }

  /** Drops a half-received frame and fails the request in flight; for link changes and shutdown. */
  abort(error: IdCardError = driverError('ID_CARD_NOT_CONNECTED')): void {
    this.reassembler.reset();
    this.waiter?.reject(error);
  }

  private async exchange(command: Command): Promise<Response> {
    if (!this.link.isOpen) throw driverError('ID_CARD_NOT_CONNECTED');
    const frame = await new Promise<Buffer>((resolve, reject) => {
      let settled = false;
      const settle = (finish: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (this.waiter === waiter) this.waiter = null;
        finish();
      };
      const waiter: Waiter = {
        resolve: (received) => settle(() => resolve(received)),
        reject: (error) => settle(() => reject(error)),
      };
      const timer = setTimeout(() => {
        // Bytes of a late reply must not be glued to the front of the next one.
        this.reassembler.reset();
        waiter.reject(driverError('ID_CARD_TIMEOUT', `no reply to command ${hex(command.cmd)} ${hex(command.para)}`));
      }, this.timeoutMs);
      this.waiter = waiter;
      this.link.write(encodeRequest(command)).catch(() => waiter.reject(driverError('ID_CARD_NOT_CONNECTED')));
    });
    const response = parseResponse(frame);
    if (!response) throw driverError('ID_CARD_BAD_REPLY', `reply of ${frame.length} bytes has no status`);
    return response;
  }

  private onData(chunk: Buffer): void {
    for (const frame of this.reassembler.push(chunk)) {
      if (this.waiter) this.waiter.resolve(frame);
      else this.log.debug({ bytes: frame.length }, 'dropped a reply nobody was waiting for');
    }
  }
}

function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0');
}
