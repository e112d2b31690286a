import { EventEmitter } from 'node:events';
import { pino, type Logger } from 'pino';
import { SerialLink } from '../serial/serial-link.js';
import { decodeIdentityText, type Identity } from './identity.js';
import { maskIdNumber, maskName } from './mask.js';
import { COMMANDS, SW3_FIND_OK, SW3_NO_CARD, SW3_SUCCESS, type Command } from './protocol-constants.js';
import { decodeReadReply } from './read-reply.js';
import { ReaderTransport } from './reader-transport.js';
import { errorForStatus, IdCardError, type IdCardErrorCode } from './status-codes.js';

export interface IdCardReaderOptions {
  path: string;
  /** 115200 on every reader seen; a pty ignores it. */
  baudRate?: number;
  /** How often to look for a card (about 1 s on the readers' own software). */
  pollMs?: number;
  /** How often to re-check the security module (SAM). */
  samCheckMs?: number;
  /** Deadline for each reply; the read reply takes up to about 2 s on a real reader. */
  responseTimeoutMs?: number;
  /** Consecutive unanswered requests after which the port is reopened. */
  timeoutsBeforeReopen?: number;
  /** Read attempts per card insertion before waiting for the card to be placed again. */
  readAttemptsPerCard?: number;
  reconnectMinMs?: number;
  reconnectMaxMs?: number;
}

export interface CardRead {
  identity: Identity;
  /** WLT-compressed photo exactly as the card holds it; decoding needs the vendor's licensed library. */
  photo: Buffer;
}

export interface ReaderStatus {
  /** The port is open and the reader answers. */
  connected: boolean;
  /** The security module reported itself ready at the last check. */
  samOk: boolean;
}

export interface IdCardReaderEvents {
  card: [read: CardRead];
  'card-removed': [];
  status: [status: ReaderStatus];
  error: [error: IdCardError];
}

/** Failures that come from the card's content, not from the moment: retrying the same card cannot help. */
const FINAL_FOR_THIS_CARD = new Set<IdCardErrorCode>([
  'ID_CARD_BAD_TEXT',
  'ID_CARD_CHECK_DIGIT',
  'ID_CARD_UNSUPPORTED_CARD',
  'ID_CARD_UNKNOWN_CARD_TYPE',
  'ID_CARD_BAD_REPLY',
]);

type CardState = { present: false } | { present: true; attempts: number; finished: boolean };

/**
 * A GA 467 ID card reader on a serial port. Reads each card once per insertion and reports it; knows
 * nothing about what the hall does with it. 'error' is emitted only when someone listens.
 */
export class IdCardReader extends EventEmitter<IdCardReaderEvents> {
  private readonly log: Logger;
  private readonly link: SerialLink;
  private readonly transport: ReaderTransport;
  private readonly pollMs: number;
  private readonly samCheckMs: number;
  private readonly timeoutsBeforeReopen: number;
  private readonly readAttemptsPerCard: number;
  private current: ReaderStatus = { connected: false, samOk: false };
  private card: CardState = { present: false };
  private lastSamCheckAt = Number.NEGATIVE_INFINITY;
  private consecutiveTimeouts = 0;
  /** A silent reader times out every poll; one error per outage is enough. */
  private outageReported = false;
  private lastFindErrorCode: string | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(opts: IdCardReaderOptions, log?: Logger) {
    super();
    this.log = (log ?? pino({ level: 'silent' })).child({ device: 'id-card' });
    this.pollMs = opts.pollMs ?? 1_000;
    this.samCheckMs = opts.samCheckMs ?? 3_000;
    this.timeoutsBeforeReopen = opts.timeoutsBeforeReopen ?? 2;
    this.readAttemptsPerCard = opts.readAttemptsPerCard ?? 3;
    this.link = new SerialLink(
      {
        path: opts.path,
        baudRate: opts.baudRate ?? 115_200,
        reconnectMinMs: opts.reconnectMinMs,
        reconnectMaxMs: opts.reconnectMaxMs,
      },
      this.log,
    );
    this.transport = new ReaderTransport(this.link, opts.responseTimeoutMs ?? 5_000, this.log);
    this.link.on('open', () => this.onLinkOpen());
    this.link.on('close', () => this.onLinkClosed());
  }

  get status(): ReaderStatus {
    return { ...this.current };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.link.start();
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    this.transport.abort();
    await this.loop;
    await this.link.stop();
  }

  private async run(): Promise<void> {
    while (this.running) {
      if (this.link.isOpen) await this.tick().catch((err: unknown) => this.onFailure(err));
      await this.pause(this.pollMs);
    }
  }

  private async tick(): Promise<void> {
    if (Date.now() - this.lastSamCheckAt >= this.samCheckMs) await this.checkSam();
    if (this.current.samOk) await this.pollCard();
  }

  private async checkSam(): Promise<void> {
    const reply = await this.request(COMMANDS.samStatus);
    this.lastSamCheckAt = Date.now();
    const samOk = reply.sw3 === SW3_SUCCESS;
    if (!samOk && this.current.samOk !== samOk) this.report(errorForStatus(reply.sw3));
    if (!samOk && this.card.present) this.cardGone();
    this.setStatus({ connected: true, samOk });
  }

  private async pollCard(): Promise<void> {
    const found = await this.request(COMMANDS.findCard);
    if (found.sw3 === SW3_NO_CARD || found.sw3 === SW3_FIND_OK) this.lastFindErrorCode = null;
    if (found.sw3 === SW3_NO_CARD) return this.cardGone();
    if (found.sw3 !== SW3_FIND_OK) {
      const error = errorForStatus(found.sw3);
      // The same fault answers every poll; report it once until the reader says something else.
      if (error.code !== this.lastFindErrorCode) this.report(error);
      this.lastFindErrorCode = error.code;
      return;
    }
    if (!this.card.present) this.card = { present: true, attempts: 0, finished: false };
    const card = this.card;
    if (card.finished || card.attempts >= this.readAttemptsPerCard) return;
    card.attempts++;
    const { identity, photo } = await this.readCard().catch((err: unknown) => {
      // A card the driver cannot decode will not decode on a second try either.
      if (err instanceof IdCardError && FINAL_FOR_THIS_CARD.has(err.code)) card.finished = true;
      throw err;
    });
    card.finished = true;
    this.log.info({ idNumber: maskIdNumber(identity.idNumber), name: maskName(identity.name) }, 'card read');
    this.emit('card', { identity, photo });
  }

  private async readCard(): Promise<CardRead> {
    const selected = await this.request(COMMANDS.selectCard);
    if (selected.sw3 !== SW3_SUCCESS) throw errorForStatus(selected.sw3);
    const read = await this.request(COMMANDS.readTextAndPhoto);
    if (read.sw3 !== SW3_SUCCESS) throw errorForStatus(read.sw3);
    const blocks = decodeReadReply(read.data);
    return { identity: decodeIdentityText(blocks.text), photo: blocks.photo };
  }

  private async request(command: Command) {
    const reply = await this.transport.request(command);
    this.consecutiveTimeouts = 0;
    this.outageReported = false;
    return reply;
  }

  private onFailure(err: unknown): void {
    if (!(err instanceof IdCardError)) {
      this.log.error({ err }, 'unexpected failure in the ID card reader loop');
      return;
    }
    if (err.code === 'ID_CARD_NOT_CONNECTED') return; // the link's own events tell the story
    if (err.code !== 'ID_CARD_TIMEOUT') return this.report(err);
    this.consecutiveTimeouts++;
    if (!this.outageReported) this.report(err);
    this.outageReported = true;
    if (this.consecutiveTimeouts >= this.timeoutsBeforeReopen) {
      // A reader whose cable was pulled may leave the port looking open; only silence gives it away.
      this.consecutiveTimeouts = 0;
      this.link.reopen('ID card reader stopped answering');
    }
  }

  private onLinkOpen(): void {
    this.lastSamCheckAt = Number.NEGATIVE_INFINITY;
    this.consecutiveTimeouts = 0;
    this.lastFindErrorCode = null;
    this.wake?.();
  }

  private onLinkClosed(): void {
    this.transport.abort();
    this.cardGone();
    this.setStatus({ connected: false, samOk: false });
  }

  private cardGone(): void {
    const wasPresent = this.card.present;
    this.card = { present: false };
    if (wasPresent) this.emit('card-removed');
  }

  private setStatus(next: ReaderStatus): void {
    if (next.connected === this.current.connected && next.samOk === this.current.samOk) return;
    this.current = next;
    this.log.info(next, 'ID card reader status');
    this.emit('status', { ...next });
  }

  private report(error: IdCardError): void {
    this.log.warn({ code: error.code, sw3: error.sw3 }, error.message);
    if (this.listenerCount('error') > 0) this.emit('error', error);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }
}
