import type { Statement } from 'better-sqlite3';
import type { Db } from './database.js';

/**
 * Prepared statements by their SQL, compiled once. Preparing costs more than running a small query, and the
 * lookups it serves (a device token, a visit token) run on every request.
 */
export function statementCache(db: Db): (sql: string) => Statement {
  const cache = new Map<string, Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
