import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../server/store/database.js';
import { loadState } from '../../server/store/load-state.js';
import { at, hallSettings } from '../core/hall-fixture.js';

/**
 * A hall keeps its tickets for years (a city centre: two million). A start reads today's and the ones still open,
 * through indexes; a read that fell back to scanning the table would make every start slower with every day kept.
 * tickets_open is a partial index: SQLite uses it only while the start-up asks for exactly the statuses it holds.
 */
describe('a start of a hall that has kept every ticket it issued', () => {
  it('reads tickets only through indexes, never by scanning the table', () => {
    const db = new Database(':memory:');
    migrate(db);
    const prepared: string[] = [];
    const prepare = db.prepare.bind(db);
    db.prepare = ((sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    }) as typeof db.prepare;

    loadState(db, at('2026-11-20 08:00'), hallSettings());

    const ticketReads = prepared.filter((sql) => /\bFROM tickets\b/.test(sql));
    expect(ticketReads.length).toBeGreaterThanOrEqual(2);
    for (const sql of ticketReads) {
      const parameters = new Array((sql.match(/\?/g) ?? []).length).fill(null);
      const plan = (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[]).map((row) => row.detail);
      expect(plan, sql).not.toContain('SCAN tickets');
    }
    db.close();
  });
});
