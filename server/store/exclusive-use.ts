import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { tryLockDatabase, type InstanceLock } from './instance-lock.js';

/**
 * For the tools an operator runs with the hall stopped (restore, admin reset). First the hall's own lock (see
 * instance-lock.ts), held until the tool releases it, so no hall starts on the file meanwhile. Then, if the file
 * exists, folds the WAL into it and leaves WAL mode, which SQLite allows only to the one connection on the file: that
 * also catches any other program holding it. `null` means someone else holds it (a hall still running, whose
 * in-memory state and event numbering a second writer would collide with). The hall returns the file to WAL mode
 * when it next opens it.
 */
export function takeDatabaseAlone(path: string): InstanceLock | null {
  const lock = tryLockDatabase(path);
  if (!lock) return null;
  let alone = false;
  try {
    alone = !existsSync(path) || leaveWalMode(path);
  } finally {
    if (!alone) lock.release();
  }
  return alone ? lock : null;
}

/**
 * Folds the WAL into the file and returns it to a plain rollback journal; false while another connection holds it.
 * A file left in WAL mode gets `-wal` and `-shm` files beside it from every reader, even a read-only one.
 */
export function leaveWalMode(path: string): boolean {
  const db = new Database(path, { fileMustExist: true, timeout: 200 });
  try {
    return db.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) return false;
    throw err;
  } finally {
    db.close();
  }
}
