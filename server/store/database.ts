import Database from 'better-sqlite3';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WalSync, type SyncFile } from './wal-sync.js';

export type Db = Database.Database;

export const journalSizeLimitBytes = 128 * 1024 * 1024;
export type Synchronous = 'FULL' | 'NORMAL';

const sqlDir = join(dirname(fileURLToPath(import.meta.url)), '../../sql');

/**
 * Opens the hall database. WAL lets screens read while a command writes. SQLite itself runs with
 * synchronous=NORMAL (a commit does not wait for the disk; checkpoints still sync): the hall's durability setting
 * is kept by `walSyncFor`, which syncs the WAL off the event loop before anyone is told a command is done.
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A rush leaves the journal file as long as the rush made it (hundreds of MB after kiosks flat out); SQLite keeps
  // the file and writes over it. With a limit, the first commit after the journal begins anew cuts the file back to
  // it, so a calm hall gives the disk back. The limit is far above what a journal holds between two restarts at a
  // hall's pace: at 32 MB, kiosks flat out had the file cut and grown again at every restart, and the highest
  // sustained issue rate fell by a fifth (bench c: 2,430 to 2,570/s against 2,980 to 3,240/s without a limit).
  db.pragma(`journal_size_limit = ${journalSizeLimitBytes}`);
  migrate(db);
  return db;
}

/**
 * FULL (the default) makes an acknowledged ticket survive a power cut, because a visitor holding a paper ticket the
 * hall has forgotten is worse than a slower reply; NORMAL survives a crash of the server but not of the machine.
 */
export function walSyncFor(db: Db, synchronous: Synchronous, syncFile?: SyncFile): WalSync {
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  return new WalSync(synchronous === 'FULL' && !db.memory ? `${db.name}-wal` : null, () => totalChanges.get() as number, syncFile);
}

/** Numbered .sql files in sql/, each applied once in its own transaction. */
export function migrate(db: Db): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)');
  const done = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const applied: number[] = [];
  for (const file of readdirSync(sqlDir).filter((f) => /^\d+_.*\.sql$/.test(f)).sort()) {
    const version = Number.parseInt(file, 10);
    if (done.has(version)) continue;
    const sql = readFileSync(join(sqlDir, file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(version, Date.now());
    })();
    applied.push(version);
  }
  return applied;
}
