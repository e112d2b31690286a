/**
 * The forecast thread: a copy of the hall's state, kept by applying the same committed events with the same
 * `evolve`, and the forward run over it. A forecast at the peak takes milliseconds; here it holds up no call, no
 * ticket and no screen. A forecast starts a moment after the events that call for it, so it does not take the
 * machine's second core while their command is answered and shown on the screens (on two cores, the hall's
 * reply, the screens' clients and a forecast at once make one of them wait); events that arrive meanwhile are
 * applied together and one forecast covers them all. A ticket just issued asks for its forecast at once.
 */
import { parentPort } from 'node:worker_threads';
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
/** How long after a batch of events its forecast starts, unless one is wanted at once. */
const settleMs = 10;

let model: ForecastModel | null = null;
let asOf = 0;
let now = 0;
let dirty = false;
let wanted = false;
let nextAt = 0;
let timer: NodeJS.Timeout | null = null;
let timerAt = Infinity;

parentPort!.on('message', (m: ToForecastThread) => {
  if (m.type === 'start') {
    model = new ForecastModel(m.state);
    asOf = m.seq;
  } else if (m.type === 'events' && model) {
    // A thread started from memory has these already: memory takes a batch before the disk confirms it.
    if (m.seq <= asOf) return;
    for (const event of m.events) evolve(model.state, event);
    asOf = m.seq;
  }
  if (m.type !== 'events') wanted = true;
  now = m.now;
  model?.watch(now);
  dirty = true;
  schedule(wanted ? nextAt : Math.max(nextAt, performance.now() + settleMs));
});

/** One timer, for the earliest moment the next forecast may start; a want brings it forward. */
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
  wanted = false;
  const started = performance.now();
  const { forecasts, quotes, caseOverheadMs } = model.compute(now);
  const rows = ForecastTable.rowsOf(forecasts);
  const costMs = performance.now() - started;
  nextAt = started + costMs / cpuShare;
  const message: ForecastMessage = { rows, quotes, caseOverheadMs, asOf, computedAt: now, costMs };
  parentPort!.postMessage(message, [rows.buffer as ArrayBuffer]);
}
