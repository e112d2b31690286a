import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../support/hall-server.js';
import { TestSocket } from '../support/ws-client.js';
import { HallClock, startHall } from './test-hall.js';

/**
 * Midnight in Beijing is 16:00 UTC: the hall's day turns while the UTC date stays the same, so a reset that
 * followed the server's zone (or UTC) would not happen here.
 */
describe('the hall day turning at midnight in the hall zone', () => {
  const clock = new HallClock('2026-03-10 23:50');
  let t: TestHall;
  let staff: string;
  const issueF = async () => (await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 6 } })).body.ticket;

  beforeAll(async () => {
    t = await startHall({ clock });
    staff = await t.login('1001');
  });
  afterAll(async () => t.stop());

  it('restarts numbering at 001 on the new hall day, then closes yesterday, cancelling its leftovers', async () => {
    await t.api('POST', '/api/windows/8/status', { cookie: staff, body: { status: 'open' } });
    const [a, b, c] = [await issueF(), await issueF(), await issueF()];
    expect([a.number, b.number, c.number]).toEqual(['F001', 'F002', 'F003']);
    expect(a.hallDay).toBe('2026-03-10');
    await t.api('POST', '/api/windows/8/call-next', { cookie: staff });
    await t.api('POST', '/api/windows/8/start', { cookie: staff });
    await t.api('POST', '/api/windows/8/finish', { cookie: staff });
    await t.api('POST', '/api/windows/8/call-next', { cookie: staff }); // b is left called at the counter

    clock.jumpTo('2026-03-11 00:05');
    expect(new Date(clock.now()).getUTCDate()).toBe(10);
    const board = await TestSocket.open(t.wsUrl, { token: t.boardToken, follow: { scope: 'hall' } });
    await board.next((m) => m.type === 'snapshot');

    const fresh = await issueF();
    expect(fresh).toMatchObject({ number: 'F001', hallDay: '2026-03-11' });
    expect((await issueF()).number).toBe('F002');

    const closed = t.hall.ctx.runner.run('closeDay', {}, { kind: 'system' });
    expect(closed).toMatchObject({ ok: true, result: { hallDay: '2026-03-11', ended: 2 } });

    const db = new Database(t.config.databasePath, { readonly: true });
    const rows = db.prepare('SELECT number, hall_day AS day, status FROM tickets ORDER BY id').all();
    db.close();
    expect(rows).toEqual([
      { number: 'F001', day: '2026-03-10', status: 'done' },
      { number: 'F002', day: '2026-03-10', status: 'cancelled' },
      { number: 'F003', day: '2026-03-10', status: 'cancelled' },
      { number: 'F001', day: '2026-03-11', status: 'waiting' },
      { number: 'F002', day: '2026-03-11', status: 'waiting' },
    ]);

    // Screens start the new day from a fresh snapshot: only today's tickets wait, the window is shut.
    const snapshot = await board.next((m) => m.type === 'snapshot' && m.data.hall.hallDay === '2026-03-11' && m.seq > board.messages[0].seq);
    expect(snapshot.data.waiting.map((w: any) => `${w.number} ${w.hallDay}`)).toEqual(['F001 2026-03-11', 'F002 2026-03-11']);
    expect(snapshot.data.windows.find((w: any) => w.number === 8)).toMatchObject({ status: 'closed', currentTicket: null });
    board.close();

    // Closing twice changes nothing more.
    expect(t.hall.ctx.runner.run('closeDay', {}, { kind: 'system' })).toMatchObject({ ok: true, result: { ended: 0 } });
  });

  it('never gives a number twice on a day, even when the clock steps back across midnight', async () => {
    clock.jumpTo('2026-03-11 00:10');
    const before = await issueF();
    clock.jumpTo('2026-03-10 23:58');
    const after = await issueF();
    expect(after.hallDay).toBe(before.hallDay);
    expect(Number(after.number.slice(1))).toBe(Number(before.number.slice(1)) + 1);
  });
});

describe('a restart on the next hall day', () => {
  it('finds nothing to close when yesterday ended tidily, and writes no empty day.closed', async () => {
    const clock = new HallClock('2026-03-10 16:00');
    const dir = mkdtempSync(join(tmpdir(), 'hall-nextday-'));
    const first = await startHall({ clock, dir });
    const staff = await first.openWindow('1001', 8);
    await first.api('POST', '/api/tickets', { token: first.kioskToken, body: { serviceId: 6 } });
    for (const step of ['call-next', 'start', 'finish']) expect((await first.api('POST', `/api/windows/8/${step}`, { cookie: staff })).status).toBe(200);
    await first.api('POST', '/api/windows/8/status', { cookie: staff, body: { status: 'closed' } });
    await first.stop();

    clock.jumpTo('2026-03-11 08:00');
    const second = await startHall({ clock, dir });
    try {
      const db = new Database(second.config.databasePath, { readonly: true });
      const closes = db.prepare("SELECT COUNT(*) FROM events WHERE type = 'day.closed'").pluck().get();
      db.close();
      expect(closes).toBe(0);
      expect(second.hall.ctx.runner.state.tickets.size).toBe(0);
    } finally {
      await second.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
