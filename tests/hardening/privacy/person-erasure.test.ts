import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../../support/hall-server.js';
import { expectRefused } from '../../server/db-fingerprint.js';
import { HallClock, startHall } from '../../server/test-hall.js';
import { openWindow, schedulerOf, serveNext, tracesFound, tracesOf, visitor } from './privacy-fixture.js';

const pension = 1; // window 1 serves it first
const card = 3; // 社保卡办理, where window 1's visitor is transferred
const asking = visitor('慕容秋水', '19620315', '517');
const other = visitor('东方既白', '19751001', '628');

/**
 * An admin, asked by a visitor, exports everything the hall keeps about them and then erases it: by the ID number
 * typed in, through the keyed hash. Erasure waits until the person has left the live queue; afterwards their
 * visits still count in the statistics, and neither the tables, nor the event log, nor leftover bytes in the
 * file or its WAL hold them.
 */
describe('exporting and erasing one person\'s data', () => {
  const clock = new HallClock('2026-03-10 09:00');
  let t: TestHall;
  const admin = () => t.login('admin');
  const exportOf = async (idNumber: string) => t.api('POST', '/api/privacy/export', { cookie: await admin(), body: { idNumber } });
  const erase = async (idNumber: string) => t.api('POST', '/api/privacy/erase', { cookie: await admin(), body: { idNumber, confirm: true } });
  const stats = async () => ({ ...(await t.api('GET', '/api/stats?from=2026-03-10&to=2026-03-12&by=day', { cookie: await admin() })).body, generatedAt: 0 });

  beforeAll(async () => {
    t = await startHall({ clock });
  });
  afterAll(async () => t.stop());

  it('exports the person\'s tickets, appointments and ratings, masked, without the hall\'s hash', async () => {
    const staff = await t.login('1001');
    await openWindow(t, staff, 1);
    expect((await t.api('POST', '/api/tickets', { body: { serviceId: pension, identity: asking } })).status).toBe(201);
    expect((await t.api('POST', '/api/tickets', { body: { serviceId: pension, identity: other } })).status).toBe(201);
    const served = await serveNext(t, staff, 1);
    expect((await t.api('POST', '/api/ratings', { cookie: staff, body: { ticketId: served.id, level: 4 } })).status).toBe(201);
    await t.api('POST', '/api/windows/1/call-next', { cookie: staff });
    const moved = await t.api('POST', `/api/tickets/${served.id + 1}/transfer`, { cookie: staff, body: { serviceId: card } });
    expect(moved.status).toBe(200);
    expect((await t.api('POST', '/api/appointments', { body: { serviceId: pension, date: '2026-03-12', slotStart: '10:00', identity: asking } })).status).toBe(201);

    const exported = await exportOf(asking.idNumber.toLowerCase());
    expect(exported.status).toBe(200);
    expect(exported.body.idMasked).toBe(tracesOf(t, asking).idMasked);
    expect(exported.body.tickets.map((x: any) => [x.number, x.status])).toEqual([[served.number, 'done']]);
    expect(exported.body.tickets[0].person).toEqual({ idMasked: tracesOf(t, asking).idMasked, nameMasked: '慕容**', birthDate: '1962-03-15' });
    expect(exported.body.appointments.map((a: any) => [a.date, a.slotStart, a.status])).toEqual([['2026-03-12', '10:00', 'booked']]);
    expect(exported.body.ratings.map((r: any) => [r.ticketId, r.level])).toEqual([[served.id, 4]]);
    expect(JSON.stringify(exported.body)).not.toContain(tracesOf(t, asking).idHash);
    expect(JSON.stringify(exported.body)).not.toContain(asking.name);
    // The other visitor's two legs (the transfer opened the second) are theirs alone.
    expect((await exportOf(other.idNumber)).body.tickets).toHaveLength(2);
  });

  it('refuses erasure to all but admins, for an ID number that fails its check, and while the person is in the live queue', async () => {
    const db = t.config.databasePath;
    const staff = await t.login('S01');
    await expectRefused(db, 403, 'FORBIDDEN', () => t.api('POST', '/api/privacy/erase', { cookie: staff, body: { idNumber: asking.idNumber, confirm: true } }));
    await expectRefused(db, 401, 'UNAUTHENTICATED', () => t.api('POST', '/api/privacy/export', { body: { idNumber: asking.idNumber } }));
    const badCheck = asking.idNumber.slice(0, 17) + (asking.idNumber[17] === '0' ? '1' : '0');
    await expectRefused(db, 422, 'ID_INVALID', async () => erase(badCheck));
    await expectRefused(db, 400, 'VALIDATION_FAILED', async () => t.api('POST', '/api/privacy/erase', { cookie: await admin(), body: { idNumber: asking.idNumber } }));
    const refused = await expectRefused(db, 409, 'PERSON_IN_QUEUE', async () => erase(asking.idNumber));
    expect(refused.body.message.zh).toContain('闭厅');
  });

  it('erases the person once their appointment is over and the day has closed, and leaves the figures and everyone else', async () => {
    const scheduler = schedulerOf(t);
    clock.jumpTo('2026-03-12 10:05');
    scheduler.tick();
    const staff = await t.login('1001');
    await openWindow(t, staff, 1);
    expect((await t.api('POST', '/api/appointments/check-in', { token: t.kioskToken, body: { identity: asking } })).status).toBe(201);
    await serveNext(t, staff, 1);
    await expectRefused(t.config.databasePath, 409, 'PERSON_IN_QUEUE', async () => erase(asking.idNumber));

    clock.jumpTo('2026-03-13 08:00');
    scheduler.tick();
    const figures = await stats();
    const eventsBefore = new Database(t.config.databasePath, { readonly: true });
    const eventCount = eventsBefore.prepare('SELECT COUNT(*) FROM events').pluck().get();
    eventsBefore.close();
    expect(tracesFound(t.config.databasePath, tracesOf(t, asking))).not.toEqual([]);

    const erased = await erase(asking.idNumber);
    expect(erased.status).toBe(200);
    // The phone links of both visits, and the one the phone keeps for the booking.
    expect(erased.body).toMatchObject({ tickets: 2, appointments: 1, phoneLinks: 3 });
    expect(erased.body.events).toBeGreaterThanOrEqual(5);

    const after = await exportOf(asking.idNumber);
    expect(after.body).toMatchObject({ tickets: [], appointments: [], ratings: [] });
    expect(await stats()).toEqual(figures);
    const db = new Database(t.config.databasePath, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(eventCount);
    expect(db.prepare('SELECT level FROM ratings').pluck().all()).toEqual([4]);
    expect(db.prepare("SELECT COUNT(*) FROM tickets WHERE json_extract(json, '$.person') IS NULL").pluck().get()).toBe(2);
    db.close();
    expect(tracesFound(t.config.databasePath, tracesOf(t, asking))).toEqual([]);
    expect(tracesFound(t.config.databasePath, { idHash: tracesOf(t, other).idHash })).toContain('idHash in hall.db');
    expect((await exportOf(other.idNumber)).body.tickets).toHaveLength(2);

    // Erasing again finds nothing and changes nothing.
    expect((await erase(asking.idNumber)).body).toMatchObject({ tickets: 0, appointments: 0, events: 0 });
  });
});
