import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../../support/hall-server.js';
import { HallClock, startHall } from '../../server/test-hall.js';
import { openWindow, schedulerOf, serveNext, tracesFound, tracesOf, visitor } from './privacy-fixture.js';

const pension = 1; // served first at window 1
const served = visitor('欧阳明月', '19560708', '113');
const noShow = visitor('上官飞燕', '19881122', '224');
const booked = visitor('诸葛青云', '19991231', '335');
const recent = visitor('司马长风', '20010101', '446');

/**
 * Visits older than retention.visitDays (30 here) lose their people at the scheduler's tick after the day turns:
 * ticket and appointment rows keep what the statistics count, the events lose the person fields, and the file
 * keeps no leftover bytes of them; younger visits are untouched.
 */
describe('retention of visitors\' personal data', () => {
  const clock = new HallClock('2026-01-05 09:00');
  let t: TestHall;
  // Sessions last 12 hours of the hall's clock, which jumps by days here: each read logs in afresh.
  const stats = async (day: string) => ({ ...(await t.api('GET', `/api/stats?from=${day}&to=${day}&by=day`, { cookie: await t.login('admin') })).body, generatedAt: 0 });

  beforeAll(async () => {
    t = await startHall({ clock, overrides: { retention: { visitDays: 30 } } });
  });
  afterAll(async () => t.stop());

  it('anonymises visits past the retention period and keeps their figures, in the rows and in the event log', async () => {
    const scheduler = schedulerOf(t);
    const staff = await t.login('1001');
    await openWindow(t, staff, 1);
    expect((await t.api('POST', '/api/tickets', { body: { serviceId: pension, identity: served } })).status).toBe(201);
    const first = await serveNext(t, staff, 1);
    expect((await t.api('POST', '/api/ratings', { cookie: staff, body: { ticketId: first.id, level: 5 } })).status).toBe(201);
    expect((await t.api('POST', '/api/tickets', { body: { serviceId: pension, identity: noShow } })).status).toBe(201);
    expect((await t.api('POST', '/api/windows/1/call-next', { cookie: staff })).status).toBe(200);
    expect((await t.api('POST', '/api/windows/1/no-show', { cookie: staff })).status).toBe(200);
    expect((await t.api('POST', '/api/appointments', { body: { serviceId: pension, date: '2026-01-06', slotStart: '09:30', identity: booked } })).status).toBe(201);

    clock.jumpTo('2026-01-06 09:40');
    scheduler.tick();
    // Figures of a day are final once it has closed.
    const firstDay = await stats('2026-01-05');
    expect(firstDay.total).toMatchObject({ tickets: 2, served: 1, noShow: 1, ratings: 1 });
    const staffNextDay = await t.login('1001');
    await openWindow(t, staffNextDay, 1);
    expect((await t.api('POST', '/api/appointments/check-in', { token: t.kioskToken, body: { identity: booked } })).status).toBe(201);
    await serveNext(t, staffNextDay, 1);

    clock.jumpTo('2026-02-05 10:00');
    scheduler.tick();
    const secondDay = await stats('2026-01-06');
    expect(secondDay.total).toMatchObject({ tickets: 1, served: 1, appointmentsKept: 1 });
    const staffLater = await t.login('1001');
    await openWindow(t, staffLater, 1);
    const recentTicket = (await t.api('POST', '/api/tickets', { body: { serviceId: pension, identity: recent } })).body.ticket;
    await serveNext(t, staffLater, 1);
    // 30 days on from 2026-01-05 its visitors are gone; those of 2026-01-06 have a day left.
    for (const v of [served, noShow]) expect(tracesFound(t.config.databasePath, tracesOf(t, v)), v.name).toEqual([]);
    expect(tracesFound(t.config.databasePath, { idHash: tracesOf(t, booked).idHash })).not.toEqual([]);

    clock.jumpTo('2026-02-10 08:00');
    scheduler.tick();

    const db = new Database(t.config.databasePath, { readonly: true });
    const tickets = db.prepare('SELECT hall_day AS day, status, id_hash AS idHash, json FROM tickets ORDER BY id').all() as { day: string; status: string; idHash: string | null; json: string }[];
    const appointment = db.prepare('SELECT id_hash AS idHash, status, json FROM appointments').get() as { idHash: string; status: string; json: string };
    const tokens = db.prepare('SELECT visit_id AS visitId FROM visit_tokens ORDER BY visit_id').pluck().all();
    const bookingLinks = db.prepare('SELECT COUNT(*) FROM appointment_tokens').pluck().get();
    const ratings = db.prepare('SELECT level FROM ratings').pluck().all();
    db.close();
    expect(tickets.map((r) => [r.day, r.status, r.idHash === null, JSON.parse(r.json).person === null])).toEqual([
      ['2026-01-05', 'done', true, true], ['2026-01-05', 'cancelled', true, true], ['2026-01-06', 'done', true, true],
      ['2026-02-05', 'done', false, false],
    ]);
    expect(appointment.idHash).toBe('');
    expect(appointment.status).toBe('checked_in');
    expect(JSON.parse(appointment.json).person).toEqual({ idHash: '', idMasked: '', nameMasked: '', birthDate: null });
    // The phone links of old visits go; the recent visitor keeps theirs.
    expect(tokens).toEqual([recentTicket.visitId]);
    expect(bookingLinks).toBe(0);
    expect(ratings).toEqual([5]);
    expect(await stats('2026-01-05')).toEqual(firstDay);
    expect(await stats('2026-01-06')).toEqual(secondDay);

    for (const v of [served, noShow, booked]) expect(tracesFound(t.config.databasePath, tracesOf(t, v)), v.name).toEqual([]);
    // The search itself works: the recent visitor is still there.
    expect(tracesFound(t.config.databasePath, { idHash: tracesOf(t, recent).idHash, idMasked: tracesOf(t, recent).idMasked })).toContain('idMasked in hall.db');
  });
});
