import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { Db } from './database.js';

/**
 * The checkpoint thread's code, handed over as a string because the server runs from TypeScript sources (tsx,
 * vitest) and a worker would not get their loader; it needs only the installed driver, by the path the main
 * thread resolved. It opens its own connection: SQLite lets one connection checkpoint while another appends.
 */
const checkpointSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driverPath);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = ' + workerData.restartWaitMs);
const pause = new Int32Array(new SharedArrayBuffer(4));
parentPort.on('message', ({ restartAtFrames }) => {
  try {
    const [passive] = db.pragma('wal_checkpoint(PASSIVE)');
    let last = passive;
    let tries = 0;
    while (last.log >= restartAtFrames && tries < 50) {
      tries++;
      Atomics.wait(pause, 0, 0, 2);
      [last] = db.pragma('wal_checkpoint(PASSIVE)');
    }
    const report = { ok: true, walFrames: passive.log, copied: passive.checkpointed, tries, restarted: last.log < restartAtFrames && tries > 0 };
    if (last.log < restartAtFrames) return parentPort.postMessage(report);
    const started = performance.now();
    const [restart] = db.pragma('wal_checkpoint(RESTART)');
    parentPort.postMessage({ ...report, restarted: restart.busy === 0, restartMs: performance.now() - started });
  } catch (err) {
    parentPort.postMessage({ ok: false, error: String((err && err.message) || err) });
  }
});
`;

/**
 * The passive copy: `walFrames` in the journal, `copied` into the database file. `restarted`: the journal then began
 * anew, after `tries` more copies; `restartMs`, set only when it was forced: how long that held the hall's writes.
 */
export interface CheckpointReport { ok: boolean; walFrames?: number; copied?: number; restarted?: boolean; tries?: number; restartMs?: number; error?: string }

export interface CheckpointOptions {
  everyMs?: number;
  /** A journal this long (4 KB frames) after a passive checkpoint is made to begin anew: 4,096 frames are 16 MB. */
  restartAtFrames?: number;
  /** How long a forced restart may wait for the hall's write and for readers, holding up the hall's writes meanwhile. */
  restartWaitMs?: number;
}

/**
 * Copies the journal into the database file on a thread of its own. SQLite's automatic checkpoint runs inside
 * whichever commit crosses 1,000 pages and waits for two fsyncs there, which on the main thread holds up every
 * call and ticket behind it for as long as the disk likes; here it only costs the disk. PASSIVE never waits for
 * the hall's writes, so a checkpoint that finds the hall busy simply copies less and goes on next time.
 *
 * SQLite starts the journal again from its beginning only when a write begins with every frame already copied.
 * Under writes that never pause for a whole copy (a second's worth of frames, at hundreds of tickets a second) that
 * moment never came, and the journal grew without end: 2.9 GB after 30 s of the bench's kiosks flat out, which a
 * restart after SIGKILL then read for 25 s. So a journal still long after the passive copy is copied again, every
 * 2 ms: each copy is short, and one that ends between two writes lets the next write begin the journal anew (at
 * 200 tickets a second, within a few tries; the hall's writes never wait for this). Only if writes leave no such
 * gap for 100 ms (thousands a second) is it restarted by force (RESTART), which holds the hall's writes for the
 * copy and two syncs, and gives up after `restartWaitMs` if a report is still reading. At a hall's pace none of
 * this runs. A journal that begins anew is written over, not appended to, so its syncs change no file size.
 */
export class Checkpointer {
  private worker: Worker | null = null;
  private timer: NodeJS.Timeout | null = null;
  private inFlight = false;
  private closed = false;
  /** Checkpoints done, how many restarted the journal, and the last report: for the tests and the benchmarks. */
  runs = 0;
  restarts = 0;
  last: CheckpointReport | null = null;

  private readonly everyMs: number;
  private readonly restartAtFrames: number;
  private readonly restartWaitMs: number;

  constructor(private readonly db: Db, private readonly log: Logger, options: CheckpointOptions = {}) {
    this.everyMs = options.everyMs ?? 1_000;
    this.restartAtFrames = options.restartAtFrames ?? 4_096;
    this.restartWaitMs = options.restartWaitMs ?? 50;
  }

  start(): void {
    if (this.db.memory) return;
    this.db.pragma('wal_autocheckpoint = 0');
    this.spawn();
    this.timer = setInterval(() => this.checkpoint(), this.everyMs);
    this.timer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
    // Whoever keeps the connection after us checkpoints by itself again.
    if (this.db.open) this.db.pragma('wal_autocheckpoint = 1000');
  }

  private spawn(): void {
    const driverPath = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(checkpointSource, { eval: true, workerData: { driverPath, path: this.db.name, restartWaitMs: this.restartWaitMs } });
    worker.unref();
    worker.on('message', (report: CheckpointReport) => {
      this.inFlight = false;
      this.runs++;
      if (report.restarted) this.restarts++;
      this.last = report;
      if (!report.ok) this.log.warn({ error: report.error }, 'checkpoint failed; the journal grows until the next one succeeds');
    });
    worker.on('error', (err) => this.log.error({ err }, 'checkpoint thread failed'));
    worker.on('exit', () => {
      if (this.worker !== worker || this.closed) return;
      // A thread that died is replaced; the journal only grows meanwhile, nothing is lost.
      this.inFlight = false;
      this.spawn();
    });
    this.worker = worker;
  }

  private checkpoint(): void {
    if (this.inFlight || !this.worker) return;
    this.inFlight = true;
    this.worker.postMessage({ restartAtFrames: this.restartAtFrames });
  }
}
