import { closeSync, fdatasync, openSync } from 'node:fs';
import { StorageError } from './storage-error.js';

export type SyncFile = (fd: number, done: (err: NodeJS.ErrnoException | null) => void) => void;

/**
 * Group commit for synchronous=FULL. SQLite runs with synchronous=NORMAL, so a commit only hands its WAL frames
 * to the kernel; this class then fdatasyncs the WAL on libuv's thread pool and says when everything committed so
 * far is on disk. Nobody is told "done" before that (replies and screens wait for it), so an acknowledged command
 * survives a power cut exactly as with FULL, but the event loop never blocks on the disk and one sync covers every
 * command committed while the previous one ran: throughput is set by CPU, not by fsyncs per second.
 *
 * The WAL is never unlinked while the hall's connection is open (SQLite removes it only when the last connection
 * closes), so the descriptor stays valid across checkpoints and WAL restarts.
 */
export class WalSync {
  private fd: number | null = null;
  private written = 0;
  private synced = 0;
  private running = false;
  private waiters: { upTo: number; resolve: () => void; reject: (err: Error) => void }[] = [];
  private failure: StorageError | null = null;
  /** Syncs made, for the benchmarks and the tests. */
  syncs = 0;

  private changesSeen: number;

  /**
   * `walPath` null: nothing to sync (NORMAL, or an in-memory database), every write is "durable" at once.
   * `totalChanges` counts the rows the connection ever changed: how writes made outside the command runner (a
   * session, a pairing code, a sealed identity) are noticed without every writer having to say so.
   */
  constructor(private readonly walPath: string | null, private readonly totalChanges: () => number, private readonly syncFile: SyncFile = fdatasync) {
    this.changesSeen = totalChanges();
  }

  /** Called after each commit of the runner: one more write the next sync must cover. */
  markWritten(): void {
    if (!this.walPath) return;
    this.written++;
    this.changesSeen = this.totalChanges();
  }

  /** True while nothing committed is waiting for the disk. */
  get clean(): boolean {
    return this.synced === this.written;
  }

  /** After a failed sync the hall can no longer promise anything it stores; it refuses writes until restarted. */
  get failed(): StorageError | null {
    return this.failure;
  }

  /** Resolves once every write committed before this call is on disk; rejects if the disk failed. */
  durable(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.walPath && this.totalChanges() !== this.changesSeen) this.markWritten();
    if (this.synced === this.written) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ upTo: this.written, resolve, reject });
      this.syncNext();
    });
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  private syncNext(): void {
    if (this.running || this.synced === this.written || this.failure) return;
    const upTo = this.written;
    this.running = true;
    try {
      this.fd ??= openSync(this.walPath!, 'r');
    } catch (err) {
      return this.fail(err as Error);
    }
    this.syncFile(this.fd, (err) => {
      this.running = false;
      if (err) return this.fail(err);
      this.syncs++;
      this.synced = upTo;
      const ready = this.waiters.filter((w) => w.upTo <= upTo);
      this.waiters = this.waiters.filter((w) => w.upTo > upTo);
      for (const w of ready) w.resolve();
      this.syncNext();
    });
  }

  /**
   * A failed fsync may have dropped the pages it could not write (Linux marks them clean), so retrying proves
   * nothing: everyone waiting is told the write failed, and so is everyone after.
   */
  private fail(err: Error): void {
    this.running = false;
    this.failure = new StorageError(`the hall's journal could not be written to disk: ${err.message}`);
    for (const w of this.waiters) w.reject(this.failure);
    this.waiters = [];
  }
}
