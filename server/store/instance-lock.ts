import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * "A hall is running on this file": whoever holds `<database>.lock`. The lock is SQLite's own exclusive lock on that
 * small side file (fcntl on Linux), so the operating system drops it when the process dies, even by SIGKILL: no
 * PID file goes stale, and nothing of the database itself is touched (its journal stays as it is, so a restart
 * after a crash is as quick as before). The hall takes it before anything opens the database or starts a device,
 * and keeps it for the life of the process; the operator tools that need the hall stopped take it too.
 */
export interface InstanceLock {
  release(): void;
}

/** A second hall server on the same database: nothing was started and nothing changed. */
export class DatabaseInUseError extends Error {
  readonly code = 'DATABASE_IN_USE';
  readonly zh: string;
  readonly en: string;

  constructor(databasePath: string) {
    const path = resolve(databasePath);
    const zh = `另一个大厅服务正在使用数据库 ${path}，本服务未启动。请先停止那个服务，或给本服务另设数据库（HALL_DB）。`;
    const en = `Another hall server is using the database ${path}; this one did not start. Stop that server first, or give this one its own database (HALL_DB).`;
    super(`${zh}\n${en}`);
    this.zh = zh;
    this.en = en;
  }
}

export function lockFileOf(databasePath: string): string {
  return `${databasePath}.lock`;
}

/**
 * Held connections, kept reachable on purpose: better-sqlite3 closes a connection it garbage-collects, and with it
 * the lock would go while the hall still runs.
 */
const held = new Set<Database.Database>();

const noLock: InstanceLock = { release() {} };

/** The lock, or null when another process (or another hall in this one) holds it. Never waits. */
export function tryLockDatabase(databasePath: string): InstanceLock | null {
  if (databasePath === ':memory:') return noLock;
  mkdirSync(dirname(databasePath), { recursive: true });
  const db = new Database(lockFileOf(databasePath), { timeout: 0 });
  try {
    // No journal file beside it; in exclusive locking mode the lock taken by BEGIN EXCLUSIVE is kept after COMMIT,
    // until the connection closes.
    db.pragma('journal_mode = MEMORY');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE; COMMIT');
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) return null;
    throw err;
  }
  held.add(db);
  return {
    release() {
      if (!held.delete(db)) return;
      db.close();
    },
  };
}

/** The hall's start: the lock, or a refusal naming the database in Chinese and English. */
export function lockDatabase(databasePath: string): InstanceLock {
  const lock = tryLockDatabase(databasePath);
  if (!lock) throw new DatabaseInUseError(databasePath);
  return lock;
}
