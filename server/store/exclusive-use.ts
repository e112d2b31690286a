import Database from 'better-sqlite3';

/**
 * For the tools an operator runs with the hall stopped (restore, admin reset): folds the WAL into the file and leaves
 * WAL mode, which SQLite allows only to the one connection on the file. So `false` means someone else holds it (a
 * hall still running, whose in-memory state and event numbering a second writer would collide with). The hall
 * returns the file to WAL mode when it next opens it.
 */
export function takeDatabaseAlone(path: string): boolean {
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
