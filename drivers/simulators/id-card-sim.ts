import { EventEmitter } from 'node:events';
import { encodeResponse, FrameReassembler, parseRequest, type Request } from '../id-card/frame.js';
import { encodeIdentityText, type CardText } from '../id-card/identity-encoder.js';
import { maskName } from '../id-card/mask.js';
import {
  COMMANDS,
  FIND_OK_DATA_BYTES,
  READ_REPLY,
  SELECT_OK_DATA_BYTES,
  SW3_FIND_OK,
  SW3_NO_CARD,
  SW3_SUCCESS,
  type CommandName,
} from '../id-card/protocol-constants.js';
import { encodeReadReplyData } from '../id-card/read-reply.js';
import { RequestQueue } from '../serial/request-queue.js';
import { SerialLink } from '../serial/serial-link.js';
import { FIXTURE_IDENTITIES, fixturePhoto } from './fixtures/id-card-identities.js';
import { isMainModule } from './main-module.js';

export interface IdCardSimulatorOptions {
  /** The device end of the cable (a pty's `devicePath`). */
  path: string;
  /** Replies are written in chunks of 1..maxChunkBytes bytes, like a real UART feeding a USB adapter. */
  maxChunkBytes?: number;
  chunkDelayMs?: number;
  /** How long the card read takes before the reply starts (about a second on real readers). */
  readDelayMs?: number;
  /** Seed for chunk sizes, so a failing run can be replayed. */
  seed?: number;
}

/** Commands whose next replies can be forced to a failure status. */
export type InjectableCommand = 'samStatus' | 'findCard' | 'selectCard' | 'readTextAndPhoto';

interface InsertedCard {
  text: Buffer;
  photo: Buffer;
  label: string;
  /** A card the reader finds but cannot read (a worn or damaged chip): every read answers 0x41. */
  unreadable?: boolean;
}

/**
 * Byte-exact stand-in for a GA 467 reader on the far end of a pty. Answers SAM status, find, select and
 * read from a card that tests insert and remove, and lets them force failure statuses or silence.
 */
export class IdCardSimulator extends EventEmitter<{ request: [name: CommandName | 'unknown'] }> {
  private readonly link: SerialLink;
  private readonly reassembler = new FrameReassembler();
  private readonly replies = new RequestQueue();
  private readonly maxChunk: number;
  private readonly chunkDelayMs: number;
  private readonly readDelayMs: number;
  private random: number;
  private card: InsertedCard | null = null;
  private samFailure: number | null = null;
  private silent = false;
  private readonly injected = new Map<InjectableCommand, number[]>();
  /** Every request received, by command name, in order. */
  readonly received: Array<CommandName | 'unknown'> = [];

  constructor(opts: IdCardSimulatorOptions) {
    super();
    this.link = new SerialLink({ path: opts.path, baudRate: 115_200, reconnectMinMs: 20, reconnectMaxMs: 200 });
    this.maxChunk = Math.max(1, opts.maxChunkBytes ?? 64);
    this.chunkDelayMs = opts.chunkDelayMs ?? 1;
    this.readDelayMs = opts.readDelayMs ?? 20;
    this.random = (opts.seed ?? 1) >>> 0 || 1;
    this.link.on('data', (chunk) => {
      for (const frame of this.reassembler.push(chunk)) void this.replies.run(() => this.answer(parseRequest(frame)));
    });
    this.link.on('open', () => this.reassembler.reset());
  }

  /** Opens the device end; resolves once it is open. */
  async start(): Promise<void> {
    const opened = new Promise<void>((done) => this.link.once('open', () => done()));
    this.link.start();
    await opened;
  }

  stop(): Promise<void> {
    return this.link.stop();
  }

  /** After the cable was replugged (pty pair restarted): the old pty is dead even if no event said so. */
  reattach(): void {
    this.link.reopen('cable replugged');
  }

  /** Places a fixture card (by index), a card made from given fields, or a raw 256-byte text block. */
  insert(card: number | CardText | Buffer, photo?: Buffer): void {
    if (typeof card === 'number') {
      const identity = FIXTURE_IDENTITIES[card];
      if (!identity) throw new RangeError(`no fixture card ${card}`);
      this.card = { text: encodeIdentityText(identity), photo: photo ?? fixturePhoto(card), label: maskName(identity.name) };
    } else if (Buffer.isBuffer(card)) {
      this.card = { text: card, photo: photo ?? fixturePhoto(99), label: 'raw text block' };
    } else {
      this.card = { text: encodeIdentityText(card), photo: photo ?? fixturePhoto(98), label: maskName(card.name) };
    }
  }

  /** Places a fixture card whose chip cannot be read: found and selected, then every read fails (0x41). */
  insertUnreadable(fixture: number): void {
    this.insert(fixture);
    this.card = { ...this.card!, unreadable: true };
  }

  remove(): void {
    this.card = null;
  }

  get cardLabel(): string | null {
    return this.card?.label ?? null;
  }

  /** The next `times` requests of this command are answered with `sw3` (e.g. 0x41 read failed). */
  failNext(command: InjectableCommand, sw3: number, times = 1): void {
    const queue = this.injected.get(command) ?? [];
    queue.push(...Array<number>(times).fill(sw3));
    this.injected.set(command, queue);
  }

  /** A broken security module answers every command with this status (0x60 self-test failed); null heals it. */
  setSamFailure(sw3: number | null): void {
    this.samFailure = sw3;
  }

  get samFailing(): boolean {
    return this.samFailure !== null;
  }

  /** A hung reader: requests are received but never answered. */
  setSilent(silent: boolean): void {
    this.silent = silent;
  }

  countOf(name: CommandName): number {
    return this.received.filter((received) => received === name).length;
  }

  private async answer(request: Request): Promise<void> {
    const name = commandNameOf(request);
    this.received.push(name);
    this.emit('request', name);
    if (this.silent) return;
    const reply = await this.replyTo(name);
    await this.writeInChunks(reply);
  }

  private async replyTo(name: CommandName | 'unknown'): Promise<Buffer> {
    if (name === 'unknown') return encodeResponse(0x21);
    if (this.samFailure !== null) return encodeResponse(this.samFailure);
    const forced = this.injected.get(name as InjectableCommand)?.shift();
    if (forced !== undefined) return encodeResponse(forced);
    const card = this.card;
    switch (name) {
      case 'samStatus':
        return encodeResponse(SW3_SUCCESS);
      case 'samId':
        return encodeResponse(SW3_SUCCESS, Buffer.from('0501202601010000', 'ascii'));
      case 'findCard':
        return card ? encodeResponse(SW3_FIND_OK, Buffer.alloc(FIND_OK_DATA_BYTES)) : encodeResponse(SW3_NO_CARD);
      case 'selectCard':
        return card ? encodeResponse(SW3_SUCCESS, Buffer.alloc(SELECT_OK_DATA_BYTES)) : encodeResponse(0x81);
      case 'readExtraAddress':
        return encodeResponse(0x91);
      case 'readTextAndPhoto':
      case 'readWithFingerprint': {
        await sleep(this.readDelayMs);
        if (!card || card.unreadable) return encodeResponse(0x41);
        const fingerprint = name === 'readWithFingerprint' ? Buffer.alloc(READ_REPLY.fingerprintBytes) : undefined;
        return encodeResponse(SW3_SUCCESS, encodeReadReplyData({ text: card.text, photo: card.photo, fingerprint }));
      }
    }
  }

  private async writeInChunks(reply: Buffer): Promise<void> {
    for (let at = 0; at < reply.length; ) {
      const size = 1 + (this.nextRandom() % this.maxChunk);
      // A reply cut short by an unplugged cable is what a real reader produces too.
      const written = await this.link.write(reply.subarray(at, at + size)).then(() => true, () => false);
      if (!written) return;
      at += size;
      if (at < reply.length && this.chunkDelayMs > 0) await sleep(this.chunkDelayMs);
    }
  }

  private nextRandom(): number {
    // xorshift32: deterministic per seed, good enough to vary chunk sizes.
    let x = this.random;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.random = x >>> 0;
    return this.random;
  }
}

function commandNameOf(request: Request): CommandName | 'unknown' {
  const entry = Object.entries(COMMANDS).find(([, c]) => c.cmd === request.cmd && c.para === request.para);
  return entry ? (entry[0] as CommandName) : 'unknown';
}

function sleep(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

/** Starts a simulator on `path` and resolves once its end of the cable is open. */
export async function startIdCardSimulator(opts: IdCardSimulatorOptions): Promise<IdCardSimulator> {
  const simulator = new IdCardSimulator(opts);
  await simulator.start();
  return simulator;
}

async function main(args: string[]): Promise<void> {
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const path = option('--port');
  if (!path) {
    console.error('usage: npx tsx drivers/simulators/id-card-sim.ts --port /path/to/device-end [--cycle-ms 6000]');
    process.exit(2);
  }
  const sim = await startIdCardSimulator({ path, readDelayMs: 300 });
  const show = () => console.log(`card: ${sim.cardLabel ?? '(none)'}`);
  console.log(`ID card reader simulator on ${path}`);
  console.log(`keys: 1-${FIXTURE_IDENTITIES.length} insert card, r remove, f fail next read (0x41), s toggle SAM failure, q quit`);
  const cycleMs = Number(option('--cycle-ms') ?? 0);
  let next = 0;
  if (cycleMs > 0 || !process.stdin.isTTY) {
    // Without a keyboard: place each fixture card in turn, lift it half way through the cycle.
    setInterval(() => {
      sim.insert(next++ % FIXTURE_IDENTITIES.length);
      show();
      setTimeout(() => (sim.remove(), show()), (cycleMs || 6_000) / 2);
    }, cycleMs || 6_000);
  }
  if (!process.stdin.isTTY) return;
  process.stdin.setRawMode(true);
  process.stdin.on('data', async (key: Buffer) => {
    const k = key.toString();
    if (k === 'q' || k === '\u0003') {
      await sim.stop();
      process.exit(0);
    }
    if (/^[1-9]$/.test(k) && Number(k) <= FIXTURE_IDENTITIES.length) sim.insert(Number(k) - 1);
    if (k === 'r') sim.remove();
    if (k === 'f') sim.failNext('readTextAndPhoto', 0x41);
    if (k === 's') sim.setSamFailure(sim.samFailing ? null : 0x60);
    show();
  });
}

if (isMainModule(import.meta.url)) {
  void main(process.argv.slice(2));
}
