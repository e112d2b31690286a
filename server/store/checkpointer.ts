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
db.pragma('busy_timeout = 5000');
parentPort.on('message', () => {
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, walFrames: result.log, copied: result.checkpointed });
  } catch (err) {
    parentPort.postMessage({ ok: false, error: String((err && err.message) || err) });
  }
});
`;

export interface CheckpointReport { ok: boolean; walFrames?: number; copied?: number; error?: string }

/**
 * Copies the journal into the database file on a thread of its own. SQLite's automatic checkpoint runs inside
 * whichever commit crosses 1,000 pages and waits for two fsyncs there, which on the main thread holds up every
 * call and ticket behind it for as long as the disk likes; here it only costs the disk. PASSIVE never waits for
 * the hall's writes, so a checkpoint that finds the hall busy simply copies less and goes on next time.
 */
export class Checkpointer {
  private worker: Worker | null = null;
  private timer: NodeJS.Timeout | null = null;
  private inFlight = false;
  private closed = false;
  /** Checkpoints done, and the last report, for the tests. */
  runs = 0;
  last: CheckpointReport | null = null;

  constructor(private readonly db: Db, private readonly log: Logger, private readonly everyMs = 1_000) {}

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
    const worker = new Worker(checkpointSource, { eval: true, workerData: { driverPath, path: this.db.name } });
    worker.unref();
    worker.on('message', (report: CheckpointReport) => {
      this.inFlight = false;
      this.runs++;
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
    this.worker.postMessage('checkpoint');
  }
}
