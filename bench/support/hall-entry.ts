import { createServer, type Socket } from 'node:net';
import { constants, monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { loadConfig } from '../../server/config.js';
import { createHall } from '../../server/hall.js';
import { RealtimeHub } from '../../server/realtime/hub.js';
import { PhoneFeed } from '../../server/realtime/phone-feed.js';
import { Forecaster } from '../../server/forecaster.js';
import { virtualAt, type ClockAnchor } from '../sim/clock.js';
import { summarize } from './stats.js';

/**
 * The hall as the benchmark runs it in a child process: the real createHall with HALL_* configuration, and
 * three additions that only a benchmark needs, none of them inside the server (methods are wrapped from here):
 * - a clock that may run faster than the wall clock (BENCH_CLOCK anchor, moved over IPC), so a simulated day
 *   keeps its hall-time meaning for handling times and waits;
 * - a memory probe (after a full GC);
 * - timing of the fan-out: how long the hub spends publishing to boards and pads and feeding phones, and how many
 *   WebSocket messages it sends meanwhile, from which the cost per client follows;
 * - the floor of that fan-out in the same process and minute: raw TCP connections the bench opens, and bursts of one
 *   message written to as many of them as a call's fan-out writes to.
 */
let anchor: ClockAnchor | null = process.env.BENCH_CLOCK ? JSON.parse(process.env.BENCH_CLOCK) : null;
const clock = () => (anchor ? Math.round(virtualAt(anchor, Date.now())) : Date.now());

interface FanoutStats { calls: number; ms: number; sends: number; maxMs: number }
/** What the forecast thread reports with each forecast: how long it took there. */
const thread = { forecasts: 0, costs: [] as number[] };
const received = (Forecaster.prototype as unknown as { received: (m: { costMs: number }) => void }).received;
(Forecaster.prototype as unknown as { received: (m: { costMs: number }) => void }).received = function (this: unknown, m: { costMs: number }) {
  thread.forecasts++;
  thread.costs.push(m.costMs);
  return received.call(this, m);
};
const fanout: Record<'boards' | 'phones' | 'forecast', FanoutStats> = { boards: { calls: 0, ms: 0, sends: 0, maxMs: 0 }, phones: { calls: 0, ms: 0, sends: 0, maxMs: 0 }, forecast: { calls: 0, ms: 0, sends: 0, maxMs: 0 } };
let counting: FanoutStats | null = null;

// Every message the hub writes to a client goes through its one write method.
const hubWrites = RealtimeHub.prototype as unknown as { write: (...args: unknown[]) => void };
const write = hubWrites.write;
hubWrites.write = function (this: unknown, ...args: unknown[]) {
  if (counting) counting.sends++;
  return write.apply(this, args);
};

/** Times methods exclusively: a phone push made inside the board fan-out counts for phones only. */
const frames: { stats: FanoutStats; inner: number }[] = [];
function timeMethods(proto: object, names: string[], stats: FanoutStats): void {
  for (const name of names) {
    const original = (proto as Record<string, unknown>)[name];
    if (typeof original !== 'function') continue;
    (proto as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
      const frame = { stats, inner: 0 };
      frames.push(frame);
      const outer = counting;
      counting = stats;
      const started = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const elapsed = performance.now() - started;
        frames.pop();
        stats.ms += elapsed - frame.inner;
        stats.maxMs = Math.max(stats.maxMs, elapsed - frame.inner);
        stats.calls++;
        if (frames.length > 0) frames[frames.length - 1].inner += elapsed;
        counting = outer;
      }
    };
  }
}
timeMethods(RealtimeHub.prototype, ['publish', 'flushOutbox'], fanout.boards);
// Whichever of these the phone feed has: the periodic pass, or its slices.
timeMethods(PhoneFeed.prototype, ['tick', 'forecastChanged', 'startPass', 'flushSlice', 'pushNow'], fanout.phones);
// Forecasts are worked out on their own thread; what the main thread spends is taking each one in, apart from fan-out.
timeMethods(Forecaster.prototype, ['get', 'received'], fanout.forecast);

/**
 * Inside the hall, each command a pad or screen sent over its WebSocket: from the moment the hub took the message
 * to the moment its reply was written (the disk's sync included). Beside what the pads measure, it tells time in
 * the hall from time spent before the message was read or after the reply left (the machine, the clients).
 */
const commandMs: number[] = [];
const hubProto = RealtimeHub.prototype as unknown as { command: (...args: unknown[]) => Promise<void> };
const command = hubProto.command;
hubProto.command = async function (this: unknown, ...args: unknown[]) {
  const started = performance.now();
  try {
    return await command.apply(this, args);
  } finally {
    commandMs.push(performance.now() - started);
  }
};

// What holds the event loop, for the tails: how late timers ran (a 1 ms resolution histogram) and the GC pauses.
const loopDelay = monitorEventLoopDelay({ resolution: 1 });
loopDelay.enable();
const gc = { pauses: 0, ms: 0, maxMs: 0, maxKind: '' };
// V8's kinds: a scavenge of the young generation, or a mark-compact of the whole heap (the others are its steps).
const gcKinds: Record<number, string> = { [constants.NODE_PERFORMANCE_GC_MINOR]: 'young', [constants.NODE_PERFORMANCE_GC_MAJOR]: 'full', [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental', [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak callbacks' };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc.pauses++;
    gc.ms += entry.duration;
    if (entry.duration > gc.maxMs) [gc.maxMs, gc.maxKind] = [entry.duration, gcKinds[(entry as unknown as { detail: { kind: number } }).detail.kind] ?? 'other'];
  }
}).observe({ entryTypes: ['gc'] });
/** Journal restarts hold the hall's next write for a few milliseconds (see Checkpointer): counted since the last report. */
let restartsBefore = 0;
const held = () => {
  const restarts = hall.checkpoints.restarts - restartsBefore;
  restartsBefore = hall.checkpoints.restarts;
  return { loopDelayMs: { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 }, gc: { ...gc }, journalRestarts: restarts };
};

const hall = await createHall(loadConfig(), { clock });
const url = await hall.listen();
const token = (role: string) => hall.seed?.devices.find((d) => d.role === role)?.token ?? '';
process.send!({ type: 'ready', url, seed: { kioskToken: token('kiosk'), boardToken: token('board') } });

const raw: Socket[] = [];
const rawServer = createServer((socket) => { socket.setNoDelay(true); socket.on('error', () => undefined); raw.push(socket); });

/** One message written to `count` raw connections in a loop, as a fan-out writes to its clients: µs per write. */
function rawBurst(count: number, bytes: number, round: number): number {
  const text = `{"type":"visit","seq":${round},"data":"${'x'.repeat(Math.max(0, bytes - 40))}"}`;
  const started = performance.now();
  for (let i = 0; i < count; i++) raw[(round * count + i) % raw.length].write(text);
  return ((performance.now() - started) * 1000) / count;
}

/**
 * Memory after full GCs, once the RSS has stopped falling: V8 gives freed pages back to the system on its own threads
 * some time after a GC, so a reading taken at once can be tens of MB above the next one (after the morning's rush,
 * 1,000 phones once appeared to cost -27 KB each).
 */
async function settledMemory(): Promise<NodeJS.MemoryUsage> {
  const gc = (globalThis as { gc?: () => void }).gc;
  let last = Infinity;
  for (let i = 0; i < 20; i++) {
    for (let j = 0; j < 3; j++) gc?.();
    const u = process.memoryUsage();
    if (Math.abs(last - u.rss) < 256 * 1024) return u;
    last = u.rss;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return process.memoryUsage();
}

process.on('message', async (m: { type: string; anchor?: ClockAnchor; count?: number; bytes?: number; round?: number }) => {
  if (m.type === 'anchor') {
    anchor = m.anchor ?? null;
    process.send!({ type: 'anchor' });
  } else if (m.type === 'memory') {
    const u = await settledMemory();
    process.send!({ type: 'memory', rss: u.rss, heapUsed: u.heapUsed, external: u.external, arrayBuffers: u.arrayBuffers, clients: hall.hub.clientCount });
  } else if (m.type === 'fanout') {
    process.send!({ type: 'fanout', ...structuredClone(fanout), held: held(), commandsInHallMs: summarize(commandMs), forecastThread: { forecasts: thread.forecasts, costMs: summarize(thread.costs) } });
    commandMs.length = 0;
    thread.forecasts = 0;
    thread.costs = [];
    for (const s of Object.values(fanout)) Object.assign(s, { calls: 0, ms: 0, sends: 0, maxMs: 0 });
    loopDelay.reset();
    Object.assign(gc, { pauses: 0, ms: 0, maxMs: 0, maxKind: '' });
  } else if (m.type === 'rawListen') {
    rawServer.listen(0, '127.0.0.1', () => process.send!({ type: 'rawListen', port: (rawServer.address() as { port: number }).port }));
  } else if (m.type === 'rawCount') {
    process.send!({ type: 'rawCount', count: raw.length });
  } else if (m.type === 'rawBurst') {
    process.send!({ type: 'rawBurst', usPerClient: rawBurst(m.count!, m.bytes!, m.round!) });
  } else if (m.type === 'stop') {
    await hall.close();
    process.exit(0);
  }
});
