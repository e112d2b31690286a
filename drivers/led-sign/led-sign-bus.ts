import { EventEmitter } from 'node:events';
import { pino, type Logger } from 'pino';
import { RequestQueue } from '../serial/request-queue.js';
import type { SerialLink } from '../serial/serial-link.js';
import { withTimeout } from '../serial/with-timeout.js';
import { ledSignError, type LedSignErrorCode, type LedSignResult } from './errors.js';
import type { Encoded, Framer, ReplyReader, SignReply } from './framer.js';

export type LedSignLink = Pick<SerialLink, 'write' | 'isOpen' | 'reopen' | 'on' | 'off'>;

export interface LedSignBusOptions {
  /** Longest wait for a frame to be handed to the port (and for a closed port to come back). */
  writeTimeoutMs?: number;
  /** Longest wait for a sign's answer, when the framer's signs answer. */
  replyTimeoutMs?: number;
  /**
   * Unanswered writes in a row (to any addresses) after which the line itself is presumed dead and the
   * port reopened: a pty or USB adapter whose far end died gives no close event. One silent sign among
   * answering ones never reaches this, because every answer resets the count.
   */
  reopenAfterSilentWrites?: number;
  log?: Logger;
}

export type LedSignOperation = 'show' | 'clear' | 'brightness';

export interface LedSignBusEvents {
  /** Every finished operation, for the hall monitor. */
  result: [operation: LedSignOperation, result: LedSignResult];
}

interface ReplyWaiter {
  address: number;
  replyKey: string;
  settle(reply: SignReply | null): void;
}

/**
 * Many signs on one RS-485 line, told apart by address. One frame is on the line at a time (a reply
 * carries no request id), every operation resolves to a typed result, and nothing here throws for a
 * device condition.
 */
export class LedSignBus extends EventEmitter<LedSignBusEvents> {
  private readonly queue = new RequestQueue();
  private readonly reader: ReplyReader | null;
  private readonly writeTimeoutMs: number;
  private readonly replyTimeoutMs: number;
  private readonly reopenAfter: number;
  private readonly log: Logger;
  private waiter: ReplyWaiter | null = null;
  private silentStreak = 0;
  private stopped = false;
  private readonly onData = (chunk: Buffer): void => {
    if (!this.reader) return;
    for (const reply of this.reader.push(chunk)) {
      const w = this.waiter;
      // A late answer to an earlier, timed-out write must not satisfy the current one.
      if (w && reply.address === w.address && reply.replyKey === w.replyKey) w.settle(reply);
    }
  };

  constructor(
    private readonly link: LedSignLink,
    readonly framer: Framer,
    options: LedSignBusOptions = {},
  ) {
    super();
    this.reader = framer.createReplyReader?.() ?? null;
    this.writeTimeoutMs = options.writeTimeoutMs ?? 1_000;
    this.replyTimeoutMs = options.replyTimeoutMs ?? 500;
    this.reopenAfter = options.reopenAfterSilentWrites ?? 3;
    this.log = (options.log ?? pino({ level: 'silent' })).child({ framer: framer.name });
    link.on('data', this.onData);
  }

  show(address: number, lines: readonly string[]): Promise<LedSignResult> {
    return this.send('show', address, () => this.framer.encodeShow(address, lines));
  }

  clear(address: number): Promise<LedSignResult> {
    return this.send('clear', address, () => this.framer.encodeClear(address));
  }

  /** `level` runs from 1 (dimmest) to 16 (brightest) for every framer. */
  brightness(address: number, level: number): Promise<LedSignResult> {
    return this.send('brightness', address, () => this.framer.encodeBrightness(address, level));
  }

  /** Detaches from the link (which the owner stops); queued operations resolve LED_BUS_STOPPED. */
  stop(): void {
    this.stopped = true;
    this.link.off('data', this.onData);
    this.waiter?.settle(null);
  }

  private async send(operation: LedSignOperation, address: number, encode: () => Encoded): Promise<LedSignResult> {
    // Bad input is answered at once instead of waiting behind other signs' writes.
    const encoded = this.stopped ? null : encode();
    const result =
      encoded === null
        ? fail(address, 'LED_BUS_STOPPED')
        : !encoded.ok
          ? { ok: false as const, address, error: encoded.error }
          : await this.queue.run(() => this.transmit(address, encoded));
    this.emit('result', operation, result);
    return result;
  }

  private async transmit(address: number, encoded: Extract<Encoded, { ok: true }>): Promise<LedSignResult> {
    const startedAt = performance.now();
    if (this.stopped) return fail(address, 'LED_BUS_STOPPED');
    if (!(await this.waitForOpen())) return fail(address, 'LED_PORT_NOT_OPEN');
    this.reader?.reset();
    // Registered before writing: a fast sign may answer before write() resolves.
    const reply = this.reader ? this.expectReply(address, encoded.replyKey) : null;
    try {
      await withTimeout(this.link.write(encoded.frame), this.writeTimeoutMs, () => new Error('write timeout'));
    } catch (err) {
      this.waiter?.settle(null);
      const timedOut = err instanceof Error && err.message === 'write timeout';
      this.noteSilence(address);
      return timedOut
        ? fail(address, 'LED_TIMEOUT', `write not done in ${this.writeTimeoutMs} ms`)
        : fail(address, 'LED_WRITE_FAILED', err instanceof Error ? err.message : String(err));
    }
    if (!reply) return { ok: true, address, elapsedMs: performance.now() - startedAt };
    const answer = await reply;
    if (this.stopped) return fail(address, 'LED_BUS_STOPPED');
    if (!answer) {
      this.noteSilence(address);
      return fail(address, 'LED_TIMEOUT', `no answer in ${this.replyTimeoutMs} ms`);
    }
    this.silentStreak = 0;
    if (answer.status !== 0) {
      return fail(address, 'LED_DEVICE_REJECTED', `status 0x${answer.status.toString(16).padStart(2, '0')}`);
    }
    return { ok: true, address, elapsedMs: performance.now() - startedAt };
  }

  private expectReply(address: number, replyKey: string): Promise<SignReply | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => waiter.settle(null), this.replyTimeoutMs);
      const waiter: ReplyWaiter = {
        address,
        replyKey,
        settle: (reply) => {
          clearTimeout(timer);
          if (this.waiter === waiter) this.waiter = null;
          resolve(reply);
        },
      };
      this.waiter = waiter;
    });
  }

  /** A port being reopened comes back within moments; a write should not fail just for that. */
  private waitForOpen(): Promise<boolean> {
    if (this.link.isOpen) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (open: boolean) => {
        clearTimeout(timer);
        this.link.off('open', onOpen);
        resolve(open);
      };
      const onOpen = () => done(true);
      const timer = setTimeout(() => done(this.link.isOpen), this.writeTimeoutMs);
      this.link.on('open', onOpen);
    });
  }

  private noteSilence(address: number): void {
    this.silentStreak++;
    this.log.warn({ address, silentStreak: this.silentStreak }, 'sign did not answer');
    if (this.silentStreak >= this.reopenAfter) {
      this.silentStreak = 0;
      this.link.reopen(`${this.reopenAfter} sign writes in a row went unanswered`);
    }
  }
}

function fail(address: number, code: LedSignErrorCode, detail?: string): LedSignResult {
  return { ok: false, address, error: ledSignError(code, detail, address) };
}
