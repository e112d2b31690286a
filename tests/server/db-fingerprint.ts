import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { expect } from 'vitest';

export interface Fingerprint { events: number; maxSeq: number; tables: string }

/**
 * What a refused request must not change, read through a separate read-only connection to the hall's file: the
 * event log's length and last seq, and a checksum of the tickets (plus window states and appointments).
 */
export function fingerprint(dbPath: string): Fingerprint {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const log = db.prepare('SELECT COUNT(*) AS events, COALESCE(MAX(seq), 0) AS maxSeq FROM events').get() as { events: number; maxSeq: number };
    const hash = createHash('sha256');
    for (const table of ['tickets ORDER BY id', 'window_runtime ORDER BY window_id', 'appointments ORDER BY id']) {
      for (const row of db.prepare(`SELECT * FROM ${table}`).iterate()) hash.update(JSON.stringify(row));
      hash.update('|');
    }
    return { ...log, tables: hash.digest('hex') };
  } finally {
    db.close();
  }
}

interface Response { status: number; body: any }

/**
 * Sends a request that must be refused with this status and code, a message in both languages, and no trace in
 * the database. Returns the refusal for further checks.
 */
export async function expectRefused(dbPath: string, status: number, code: string, request: () => Promise<Response>): Promise<Response> {
  const before = fingerprint(dbPath);
  const res = await request();
  expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });
  expect(res.body.message.zh).toMatch(/\S/);
  expect(res.body.message.en).toMatch(/\S/);
  expect(fingerprint(dbPath)).toEqual(before);
  return res;
}
