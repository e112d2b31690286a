import { IdCardReader, type IdCardReaderOptions } from '../../../drivers/id-card/reader.js';
import { startIdCardSimulator, type IdCardSimulator } from '../../../drivers/simulators/id-card-sim.js';
import { openPtyPair, type PtyPair } from '../../support/pty-pair.js';

/** Timings scaled down from the real reader's (1 s poll, 3 s SAM check, 5 s timeout) so tests run fast. */
export const FAST: Omit<IdCardReaderOptions, 'path'> = {
  pollMs: 40,
  samCheckMs: 250,
  responseTimeoutMs: 300,
  reconnectMinMs: 20,
  reconnectMaxMs: 200,
};

export interface RecordedEvent {
  type: 'card' | 'card-removed' | 'status' | 'error';
  payload?: unknown;
}

export interface Bench {
  pair: PtyPair;
  sim: IdCardSimulator;
  reader: IdCardReader;
  events: RecordedEvent[];
  of(type: RecordedEvent['type']): RecordedEvent[];
  close(): Promise<void>;
}

/** A simulator on the device end of a fresh pty pair and a started reader on the host end. */
export async function openBench(options: Partial<IdCardReaderOptions> = {}): Promise<Bench> {
  const pair = await openPtyPair();
  let sim: IdCardSimulator | null = null;
  try {
    sim = await startIdCardSimulator({ path: pair.devicePath, maxChunkBytes: 97, chunkDelayMs: 1, readDelayMs: 15 });
  } catch (err) {
    await pair.close();
    throw err;
  }
  const reader = new IdCardReader({ ...FAST, ...options, path: pair.hostPath });
  const events: RecordedEvent[] = [];
  for (const type of ['card', 'card-removed', 'status', 'error'] as const) {
    reader.on(type, (payload?: unknown) => events.push({ type, payload }));
  }
  reader.start();
  const started = sim;
  return {
    pair,
    sim: started,
    reader,
    events,
    of: (type) => events.filter((event) => event.type === type),
    async close() {
      await reader.stop().catch(() => undefined);
      await started.stop().catch(() => undefined);
      await pair.close();
    },
  };
}

/** Polls `condition` until it holds; fails with `what` after `ms`. */
export async function until(what: string, condition: () => boolean, ms = 3_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
