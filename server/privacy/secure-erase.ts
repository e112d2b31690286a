import type { Db } from '../store/database.js';

/**
 * SQLite leaves the old bytes of an updated or deleted row in the page's free space and the old page in the WAL.
 * Erasing a person runs with secure_delete on (freed space is zeroed) and ends with a truncating checkpoint, so
 * the file and its WAL hold the person neither in live rows nor in leftovers. Backups taken before still do,
 * until rotation removes them.
 */
export function withSecureDelete<T>(db: Db, work: () => T): T {
  const before = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    return work();
  } finally {
    db.pragma(`secure_delete = ${before}`);
  }
}

/** Copies the WAL's pages into the file and empties it, so earlier versions of erased pages are gone from it. */
export function truncateWal(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
