/**
 * The forecast thread: a copy of the hall's state, kept by applying the same committed events with the same
 * `evolve`, and the forward run over it. A forecast at the peak takes milliseconds; here it holds up no call, no
 * ticket and no screen. It runs at background priority (the main thread, answering a kiosk, goes first), starts as
 * soon as events come (the main thread sends them together, a few milliseconds after the first), and takes at most
 * a small share of the thread's time, so under a rush one forecast covers many batches.
 */
import { parentPort } from 'node:worker_threads';
import { runInBackground } from '../background-thread.js';
import { evolve } from '../core/evolve.js';
import { ForecastModel } from './forecast-model.js';
import type { ToForecastThread } from './forecast-messages.js';
import { ForecastTable, type ForecastMessage } from './forecast-table.js';

/**
 * Of the time since its last forecast started, the thread forecasts at most this share. Under a rush of hundreds
 * of tickets a second that is still a forecast every few dozen milliseconds (phones take one a second; new tickets
 * are told their waits from the last one), and it leaves the second core to the hall's disk, checkpoints and
 * statistics: on two cores, a quarter of one spent forecasting put 2 ms on the slowest ticket replies.
 */
const cpuShare = 0.05;

runInBackground();

let model: ForecastModel | null = null;
let asOf = 0;
let now = 0;
let dirty = false;
let nextAt = 0;
let timer: NodeJS.Timeout | null = null;
let timerAt = Infinity;
/** The rows of the last forecast sent, kept to tell the main thread what changed since (a new thread: everything). */
let sent = new Float64Array(0);

parentPort!.on('message', (m: ToForecastThread) => {
  now = m.now;
  if (m.type === 'start') {
    model = new ForecastModel(m.state);
    model.recall(m.windowChanges);
    asOf = m.seq;
  } else if (m.type === 'events' && model) {
    // A thread started from memory has the events memory took before the disk confirmed them: those are skipped.
    // Watched after each event: the batches of several commands come together, and a window resumed and calling
    // at once would otherwise never be seen open, and its pause not learned.
    for (const { seq, event } of m.events) {
      if (seq <= asOf) continue;
      evolve(model.state, event);
      model.watch(now);
      asOf = seq;
    }
  }
  model?.watch(now);
  dirty = true;
  schedule(nextAt);
});

/** One timer, for the earliest moment the next forecast may start. */
function schedule(at: number): void {
  if (timer && timerAt <= at) return;
  if (timer) clearTimeout(timer);
  timerAt = at;
  timer = setTimeout(forecast, Math.max(0, at - performance.now()));
}

function forecast(): void {
  timer = null;
  timerAt = Infinity;
  if (!dirty || !model) return;
  dirty = false;
  const started = performance.now();
  const { forecasts, quotes, caseOverheadMs } = model.compute(now);
  const rows = ForecastTable.rowsOf(forecasts);
  const changed = ForecastTable.changes(sent, rows);
  sent = rows.slice();
  const costMs = performance.now() - started;
  nextAt = started + costMs / cpuShare;
  const message: ForecastMessage = { rows, changed, quotes, caseOverheadMs, asOf, computedAt: now, costMs };
  parentPort!.postMessage(message, [rows.buffer as ArrayBuffer, changed.buffer as ArrayBuffer]);
}
