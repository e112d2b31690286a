import { chmodSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { Db } from '../store/database.js';
import { leaveWalMode } from '../store/exclusive-use.js';
import { backupName, listBackups, partialSuffix, removeLeftovers, rotateBackups, sqliteSides, syncPath, type BackupFile } from './backup-files.js';

export interface BackupOptions {
  databasePath: string;
  /** Defaults to a "backups" folder beside the database. */
  dir?: string;
  /** 0: no scheduled backups (runNow still works). */
  everyMinutes: number;
  keep: number;
}

/**
 * Online backups of the hall's database with SQLite's backup API, which copies a consistent snapshot page by page
 * while the hall keeps working: better-sqlite3 copies a batch of pages per turn of the event loop, and commands
 * made on the same connection meanwhile are carried into the copy. A backup is written under a temporary name
 * and renamed when complete; after each one the oldest are removed beyond `keep`. A failed backup (a full disk)
 * is logged and leaves the earlier backups alone.
 */
export class HallBackups {
  readonly dir: string;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<BackupFile> | null = null;

  constructor(private readonly db: Db, private readonly options: BackupOptions, private readonly log: Logger, private readonly clock: () => number = Date.now) {
    this.dir = resolve(options.dir ?? join(dirname(options.databasePath), 'backups'));
  }

  get enabled(): boolean {
    return this.options.databasePath !== ':memory:';
  }

  start(): void {
    if (!this.enabled || this.options.everyMinutes <= 0) return;
    this.timer = setInterval(() => {
      this.runNow().catch(() => { /* logged in runNow; the next interval tries again */ });
    }, this.options.everyMinutes * 60_000);
    this.timer.unref();
  }

  /** Stops the schedule and waits for a backup in progress, so the database can be closed under nobody. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
  }

  list(): BackupFile[] {
    return listBackups(this.dir, this.options.databasePath);
  }

  /** Takes a backup now (or joins the one under way). */
  runNow(): Promise<BackupFile> {
    if (!this.enabled) return Promise.reject(new Error('an in-memory database has no backups'));
    this.running ??= this.take().finally(() => { this.running = null; });
    return this.running;
  }

  private async take(): Promise<BackupFile> {
    const started = this.clock();
    const name = backupName(this.options.databasePath, started);
    const finalPath = join(this.dir, name);
    const partial = finalPath + partialSuffix;
    try {
      // Backups hold the same keyed hashes and masked identities as the hall: readable by the server's user only.
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
      removeLeftovers(this.dir, this.options.databasePath);
      await this.db.backup(partial);
      // The copy carries the hall's WAL mode in its header; out of it, whoever opens the backup later (the restore,
      // an operator checking it) leaves no side files in the backup folder.
      if (!leaveWalMode(partial)) throw new Error(`backup copy ${partial} is held by another program`);
      chmodSync(partial, 0o600);
      syncPath(partial);
      renameSync(partial, finalPath);
      syncPath(this.dir);
    } catch (err) {
      for (const suffix of ['', ...sqliteSides]) rmSync(partial + suffix, { force: true });
      this.log.error({ err, dir: this.dir }, 'database backup failed');
      throw err;
    }
    const removed = rotateBackups(this.dir, this.options.databasePath, this.options.keep, name);
    const file = this.list().find((b) => b.name === name)!;
    this.log.info({ backup: file.path, bytes: file.bytes, ms: this.clock() - started, removed: removed.length }, 'database backed up');
    return file;
  }
}
