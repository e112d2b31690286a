import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { Checkpointer, type CheckpointReport } from '../../server/store/checkpointer.js';
import { journalSizeLimitBytes, openDatabase, type Db } from '../../server/store/database.js';

const log = pino({ level: 'silent' });
const payload = JSON.stringify({ note: 'x'.repeat(4_000) });

/**
 * A commit every millisecond or so, as a rush of kiosks and pads gives: the passive copy, a second's worth of frames
 * at a time, never finishes in a gap between two writes, so SQLite alone never starts the journal again. Returns
 * the largest size the journal file reached.
 */
async function rush(db: Db, walPath: string, commits: number): Promise<number> {
  const append = db.prepare('INSERT INTO events (at, type, actor, payload) VALUES (?, ?, ?, ?)');
  let largest = 0;
  for (let i = 0; i < commits; i++) {
    db.transaction(() => append.run(i, 'test.rush', '{}', payload))();
    if (i % 20 === 0) largest = Math.max(largest, statSync(walPath).size);
    await sleep(1);
  }
  return Math.max(largest, statSync(walPath).size);
}

describe('the journal under writes that never pause', () => {
  const dirs: string[] = [];
  const open: { db: Db; checkpoints: Checkpointer }[] = [];
  afterEach(async () => {
    for (const { db, checkpoints } of open.splice(0)) {
      await checkpoints.close();
      db.close();
    }
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  async function hallDatabase(restartAtFrames: number) {
    const dir = mkdtempSync(join(tmpdir(), 'hall-checkpoints-'));
    dirs.push(dir);
    const path = join(dir, 'hall.db');
    const db = openDatabase(path);
    const checkpoints = new Checkpointer(db, log, { everyMs: 100, restartAtFrames });
    checkpoints.start();
    open.push({ db, checkpoints });
    const reports: CheckpointReport[] = [];
    const watch = setInterval(() => { if (checkpoints.last && reports.at(-1) !== checkpoints.last) reports.push(checkpoints.last); }, 5);
    // The rush begins once the thread has loaded and copied once, as in a hall that has been open a while: how long
    // a thread takes to start on a busy machine is not what this measures.
    for (let waited = 0; checkpoints.runs === 0; waited += 5) {
      if (waited > 10_000) throw new Error('the checkpoint thread never reported');
      await sleep(5);
    }
    return { db, walPath: `${path}-wal`, reports, stopWatching: () => clearInterval(watch) };
  }

  it('is started again once it is long, so it stays short and every row is kept', async () => {
    const commits = 2_000;
    // The same rush with passive copies alone: the journal only grows, and ends holding all that the rush wrote.
    const passiveOnly = await hallDatabase(Number.POSITIVE_INFINITY);
    const written = await rush(passiveOnly.db, passiveOnly.walPath, commits);
    passiveOnly.stopWatching();
    expect(passiveOnly.reports.some((r) => r.restarted)).toBe(false);

    const restarting = await hallDatabase(256); // 1 MB
    const largest = await rush(restarting.db, restarting.walPath, commits);
    restarting.stopWatching();
    expect(restarting.reports.some((r) => r.restarted)).toBe(true);
    expect(restarting.reports.every((r) => r.ok)).toBe(true);
    // About 2 MB here (100 ms of writes between two copies), against some 40 MB written. The bound is loose because
    // a busy machine stretches the time between copies; a journal that restarted only now and then would exceed it.
    expect(largest).toBeLessThan(written / 4);
    expect(restarting.db.prepare("SELECT COUNT(*) FROM events WHERE type = 'test.rush'").pluck().get()).toBe(commits);
  });

  it('is cut back to its limit by the first commit that begins it anew after a rush', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-checkpoints-'));
    dirs.push(dir);
    const path = join(dir, 'hall.db');
    const db = openDatabase(path);
    // No copies during the rush, as when every copy of one was cut short: the file grows with all the rush writes.
    db.pragma('wal_autocheckpoint = 0');
    const append = db.prepare('INSERT INTO events (at, type, actor, payload) VALUES (?, ?, ?, ?)');
    const large = JSON.stringify({ note: 'x'.repeat(64_000) });
    for (let i = 0; i < 2_000; i++) db.transaction(() => append.run(i, 'test.rush', '{}', large))();
    const grown = statSync(`${path}-wal`).size;
    expect(grown).toBeGreaterThan(journalSizeLimitBytes);
    // Calm: a copy takes in the whole journal, and the next commit begins it anew.
    db.pragma('wal_checkpoint(PASSIVE)');
    expect(statSync(`${path}-wal`).size).toBe(grown);
    append.run(0, 'test.calm', '{}', '{}');
    expect(statSync(`${path}-wal`).size).toBeLessThanOrEqual(journalSizeLimitBytes);
    expect(db.prepare("SELECT COUNT(*) FROM events WHERE type LIKE 'test.%'").pluck().get()).toBe(2_001);
    db.close();
  });
});
