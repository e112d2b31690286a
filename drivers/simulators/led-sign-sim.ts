import { EventEmitter } from 'node:events';
import { parseArgs } from 'node:util';
import { SerialPort } from 'serialport';
import { alphaSignSide } from '../led-sign/alpha-sign.js';
import type { DecodedFrame, SignCommand, SignSideCodec } from '../led-sign/framer.js';
import { onbonBx5kSignSide } from '../led-sign/onbon-bx5k-sign-side.js';
import { isMainModule } from './main-module.js';

/**
 * A line of LED window signs on the device end of a serial cable (a pty in tests). It decodes every
 * frame byte by byte with the chosen protocol's sign-side codec, keeps what each address shows, drops
 * frames whose checksum fails, and answers like a controller when the protocol has answers.
 */

export type SimFramer = 'onbon' | 'alpha';

const codecs: Record<SimFramer, SignSideCodec> = { onbon: onbonBx5kSignSide, alpha: alphaSignSide };

export interface LedSignSimOptions {
  port: string;
  framer: SimFramer;
  baudRate?: number;
  /** Signs present on the line; frames for other addresses go unanswered. Default: any address. */
  addresses?: number[];
  /** Signs that take commands but never answer (a failed transmitter). */
  mute?: number[];
  /** Per-address delay before answering, to play a sign that answers after the host gave up. */
  replyDelayMs?: Record<number, number>;
  /** Answers go out in chunks this small, with a pause between, so the host must reassemble. */
  replyChunkBytes?: number;
  replyChunkDelayMs?: number;
  /** Called with a human-readable line for every decoded frame. */
  print?: (line: string) => void;
}

export interface SignState {
  lines: string[];
  /** 1..16, or null until a brightness command arrives. */
  brightness: number | null;
}

export interface LedSignSimEvents {
  command: [address: number, command: SignCommand];
  dropped: [frame: Extract<DecodedFrame, { ok: false }>];
}

export interface LedSignSim extends EventEmitter<LedSignSimEvents> {
  readonly signs: Map<number, SignState>;
  readonly stats: { accepted: number; badChecksum: number; malformed: number; repliesSent: number };
  /** Resolves when `address` next receives a command of `kind` (for fire-and-forget protocols). */
  nextCommand(address: number, kind: SignCommand['kind'], timeoutMs?: number): Promise<SignCommand>;
  stop(): Promise<void>;
}

export async function startLedSignSim(options: LedSignSimOptions): Promise<LedSignSim> {
  const codec = codecs[options.framer];
  const reader = codec.createCommandReader();
  const present = options.addresses ? new Set(options.addresses) : null;
  const mute = new Set(options.mute ?? []);
  const chunkBytes = options.replyChunkBytes ?? 7;
  const chunkDelayMs = options.replyChunkDelayMs ?? 2;
  const print = options.print ?? (() => undefined);

  const port = new SerialPort({ path: options.port, baudRate: options.baudRate ?? 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));

  const sim = new EventEmitter<LedSignSimEvents>() as LedSignSim;
  const signs = new Map<number, SignState>();
  const stats = { accepted: 0, badChecksum: 0, malformed: 0, repliesSent: 0 };
  let replying: Promise<void> = Promise.resolve();

  const isPresent = (address: number) => present === null || present.has(address);
  const stateOf = (address: number): SignState => {
    let state = signs.get(address);
    if (!state) signs.set(address, (state = { lines: [], brightness: null }));
    return state;
  };

  const apply = (address: number, command: SignCommand) => {
    const state = stateOf(address);
    if (command.kind === 'show') state.lines = [...command.lines];
    else if (command.kind === 'clear') state.lines = [];
    else state.brightness = command.level;
    print(`address ${address}: ${describe(command)}`);
    sim.emit('command', address, command);
  };

  const reply = (address: number, bytes: Buffer) => {
    // Chained so two answers never interleave on the wire.
    replying = replying.then(async () => {
      const delay = options.replyDelayMs?.[address] ?? 0;
      if (delay > 0) await sleep(delay);
      for (let i = 0; i < bytes.length; i += chunkBytes) {
        if (!port.isOpen) return;
        port.write(bytes.subarray(i, i + chunkBytes));
        await sleep(chunkDelayMs);
      }
      stats.repliesSent++;
    });
  };

  port.on('data', (chunk: Buffer) => {
    for (const frame of reader.push(chunk)) {
      if (!frame.ok) {
        if (frame.reason === 'checksum') stats.badChecksum++;
        else stats.malformed++;
        print(`dropped frame (${frame.reason}): ${frame.detail}`);
        sim.emit('dropped', frame);
        continue;
      }
      stats.accepted++;
      // Address 0 is the broadcast address of protocols that have one: every sign present obeys.
      const targets = frame.address === 0 ? [...(present ?? signs.keys())] : isPresent(frame.address) ? [frame.address] : [];
      for (const address of targets) apply(address, frame.command);
      if (frame.wantsReply && codec.encodeReply && frame.address !== 0 && targets.length && !mute.has(frame.address)) {
        reply(frame.address, codec.encodeReply(frame.address, frame.command, 0));
      }
    }
  });
  port.on('error', () => undefined); // a vanished pty is the test's business, not a crash

  Object.assign(sim, {
    signs,
    stats,
    nextCommand(address: number, kind: SignCommand['kind'], timeoutMs = 2_000) {
      return new Promise<SignCommand>((resolve, reject) => {
        const timer = setTimeout(() => {
          sim.off('command', listener);
          reject(new Error(`no ${kind} for address ${address} within ${timeoutMs} ms`));
        }, timeoutMs);
        const listener = (a: number, command: SignCommand) => {
          if (a !== address || command.kind !== kind) return;
          clearTimeout(timer);
          sim.off('command', listener);
          resolve(command);
        };
        sim.on('command', listener);
      });
    },
    async stop() {
      await replying.catch(() => undefined);
      if (!port.isOpen) return;
      await new Promise<void>((resolve) => port.close(() => resolve()));
    },
  });
  return sim;
}

function describe(command: SignCommand): string {
  if (command.kind === 'show') return command.lines.join(' / ');
  if (command.kind === 'clear') return '(cleared)';
  return `brightness ${command.level}/16`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      framer: { type: 'string', default: 'onbon' },
      baud: { type: 'string', default: '9600' },
      addresses: { type: 'string' },
    },
  });
  const framer = values.framer as SimFramer;
  if (!values.port || !(framer in codecs)) {
    console.error('usage: led-sign-sim --port /dev/pts/N --framer onbon|alpha [--baud 9600] [--addresses 1,2,3]');
    process.exit(2);
  }
  const addresses = values.addresses?.split(',').map((a) => Number.parseInt(a, 10));
  const sim = await startLedSignSim({
    port: values.port,
    framer,
    baudRate: Number.parseInt(values.baud ?? '9600', 10),
    addresses,
    print: (line) => console.log(line),
  });
  console.log(`led sign simulator (${framer}) on ${values.port}`);
  const shutdown = () => void sim.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (isMainModule(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
