/**
 * The statistics thread: its own read-only connection to the hall's database file (WAL lets it read while the
 * hall writes), answering one request at a time. A month's report is seconds of SQLite and spreadsheet work; here
 * it holds up nothing but other reports.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { runInBackground } from '../background-thread.js';
import { answer } from './stats-requests.js';
import type { StatsCall, StatsReply } from './stats-thread.js';

runInBackground();

let db: Database.Database | null = null;
/** Opened at the first request, so a file that cannot be opened is that request's error, with SQLite's code. */
function database(): Database.Database {
  if (db) return db;
  const opened = new Database((workerData as { databasePath: string }).databasePath, { readonly: true, fileMustExist: true });
  opened.pragma('busy_timeout = 5000');
  return (db = opened);
}

/** Requests are answered in turn: a spreadsheet being written must not let the next report start beside it. */
let queue = Promise.resolve();

parentPort!.on('message', (call: StatsCall) => {
  queue = queue.then(async () => {
    let reply: StatsReply;
    try {
      reply = { id: call.id, ok: true, value: await answer(database(), call.facts, call.request) };
    } catch (err) {
      const e = err as { name?: unknown; message?: unknown; code?: unknown };
      reply = { id: call.id, ok: false, error: { name: String(e?.name ?? 'Error'), message: String(e?.message ?? err), code: typeof e?.code === 'string' ? e.code : null } };
    }
    parentPort!.postMessage(reply);
  });
});
