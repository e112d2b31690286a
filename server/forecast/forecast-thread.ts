import type { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import { startWorker } from '../worker-entry.js';
import type { ToForecastThread } from './forecast-messages.js';
import type { ForecastMessage } from './forecast-table.js';

/** A thread that keeps dying is started again at most this often, so a fault cannot spin the hall's CPU. */
const restartEveryMs = 1_000;

/**
 * The main thread's end of the forecast thread. The thread starts from a copy of the state (`startWith`, asked at
 * every start, so a restarted thread starts from the hall as it is then) and follows with every batch of events.
 * It never keeps the process alive.
 */
export class ForecastThread {
  private worker: Worker | null = null;
  private closed = false;
  private restartTimer: NodeJS.Timeout | null = null;
  private lastStartAt = -Infinity;
  /** Threads started so far: a restart shows here. */
  starts = 0;

  constructor(
    private readonly startWith: () => Extract<ToForecastThread, { type: 'start' }>,
    private readonly onForecast: (message: ForecastMessage) => void,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (this.closed || this.worker) return;
    this.lastStartAt = performance.now();
    this.starts++;
    const worker = startWorker(import.meta.url, 'forecast-worker');
    worker.unref();
    worker.on('message', (m: ForecastMessage) => { if (this.worker === worker) this.onForecast(m); });
    worker.on('error', (err) => this.log.error({ err }, 'forecast thread failed'));
    worker.on('exit', () => this.died(worker));
    this.worker = worker;
    worker.postMessage(this.startWith());
  }

  post(message: ToForecastThread): void {
    this.worker?.postMessage(message);
  }

  /** Ends the thread as a crash would (a test's way to kill it): it is started again. */
  async kill(): Promise<void> {
    await this.worker?.terminate();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private died(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = null;
    if (this.closed) return;
    const wait = Math.max(0, this.lastStartAt + restartEveryMs - performance.now());
    this.restartTimer = setTimeout(() => { this.restartTimer = null; this.start(); }, wait);
    this.restartTimer.unref();
  }
}
