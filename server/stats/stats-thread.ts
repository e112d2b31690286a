import type { Worker } from 'node:worker_threads';
import { startWorker } from '../worker-entry.js';
import type { StatsAnswers, StatsFacts, StatsRequest } from './stats-requests.js';

export interface StatsCall { id: number; facts: StatsFacts; request: StatsRequest }
export type StatsReply =
  | { id: number; ok: true; value: StatsAnswers[StatsRequest['kind']] }
  | { id: number; ok: false; error: { name: string; message: string; code: string | null } };

interface Pending { call: StatsCall; tries: number; resolve(value: unknown): void; reject(err: Error): void }

/**
 * The main thread's end of the statistics thread: one worker, started on the first request and again after it
 * dies, so a crash costs one restart rather than the hall's reports. One is enough: reports are rare, and the
 * hall's second core belongs to the commands. A request the dead worker held is sent once more to the new one;
 * one that kills two workers fails as an internal error.
 */
export class StatsThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;
  private lastError: (Error & { code?: unknown }) | null = null;
  private started = 0;

  constructor(private readonly databasePath: string) {}

  ask<K extends StatsRequest['kind']>(request: Extract<StatsRequest, { kind: K }>, facts: StatsFacts): Promise<StatsAnswers[K]> {
    if (this.closed) return Promise.reject(new Error('statistics closed'));
    return new Promise((resolve, reject) => {
      const p: Pending = { call: { id: this.nextId++, facts, request }, tries: 0, resolve: resolve as (v: unknown) => void, reject };
      this.pending.set(p.call.id, p);
      this.send(p);
    });
  }

  /** Workers started so far: a restart shows here. */
  get starts(): number {
    return this.started;
  }

  /** Requests sent and not yet answered. */
  get waiting(): number {
    return this.pending.size;
  }

  /** The running worker's thread id, or null when none runs. */
  get threadId(): number | null {
    return this.worker?.threadId ?? null;
  }

  /** Ends the worker as a crash would (a test's way to kill it); the next request starts another. */
  async kill(): Promise<void> {
    await this.worker?.terminate();
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    this.failAll(new Error('statistics closed'));
    await worker?.terminate();
  }

  private send(p: Pending): void {
    p.tries++;
    const worker = this.ensureWorker();
    worker.ref();
    worker.postMessage(p.call);
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(import.meta.url, 'stats-worker', { databasePath: this.databasePath });
    this.started++;
    this.lastError = null;
    worker.on('message', (reply: StatsReply) => this.settle(reply));
    // The exit that follows decides what becomes of the requests; the error says why, should they fail.
    worker.on('error', (err) => { this.lastError = err; });
    worker.on('exit', () => this.died(worker));
    this.worker = worker;
    return worker;
  }

  private settle(reply: StatsReply): void {
    const p = this.pending.get(reply.id);
    if (!p) return;
    this.pending.delete(reply.id);
    // Idle, the worker must not keep a closing process alive; with a request out, it must (a script awaiting it).
    if (this.pending.size === 0) this.worker?.unref();
    if (reply.ok) p.resolve(revive(reply.value));
    else p.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name, ...(reply.error.code ? { code: reply.error.code } : {}) }));
  }

  private died(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = null;
    if (this.closed) return;
    const retry = [...this.pending.values()];
    // An error from another thread can arrive as a bare object (a SqliteError does): keep what it says.
    const why = this.lastError;
    for (const p of retry) {
      if (p.tries < 2) continue;
      this.pending.delete(p.call.id);
      const err = new Error(`the statistics worker stopped while answering${why ? `: ${why.message ?? why.code}` : ''}`);
      p.reject(typeof why?.code === 'string' ? Object.assign(err, { code: why.code }) : err);
    }
    for (const p of retry) if (this.pending.has(p.call.id)) this.send(p);
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
  }
}

/** A file's bytes arrive as a Uint8Array; the HTTP layer and the exports' readers expect a Buffer. */
function revive(value: StatsAnswers[StatsRequest['kind']]): unknown {
  if (!('body' in value)) return value;
  const body: Uint8Array = value.body;
  return Buffer.isBuffer(body) ? value : { ...value, body: Buffer.from(body.buffer, body.byteOffset, body.byteLength) };
}
