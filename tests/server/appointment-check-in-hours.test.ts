import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentDayList } from '../../protocol/appointments.js';
import type { TestHall } from '../support/hall-server.js';
import { expectRefused } from './db-fingerprint.js';
import { HallClock, idNumber, startHall } from './test-hall.js';

const today = '2026-03-10'; // a Tuesday; the demo hall works every day, round the clock, until the admin says otherwise
const pension = 1; // 社保参保登记 (A): 30-minute slots

/**
 * The admin cuts the hall's hours to end at 16:00 after the day's bookings were made. A visitor who comes with a
 * booking's code once the windows have closed is refused at the kiosk as a walk-in is, rather than handed a number
 * nobody will call; the booking stays booked in the supervisors' list.
 */
describe('checking in a booking after the hall has closed for the day', () => {
  const clock = new HallClock(`${today} 08:40`);
  let t: TestHall;
  let admin: string;
  let morning = { id: 0, code: '' };
  let evening = { id: 0, code: '' };
  let late = { id: 0, code: '' };
  let early = { id: 0, code: '' };

  const book = async (slotStart: string, name: string, sequence: string) => {
    const res = await t.api('POST', '/api/appointments', { body: { serviceId: pension, date: today, slotStart, identity: { name, idNumber: idNumber('19800402', sequence) } } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: number; code: string };
  };
  const checkIn = (code: string) => t.api('POST', '/api/appointments/check-in', { token: t.kioskToken, body: { code } });

  beforeAll(async () => {
    t = await startHall({ clock });
    admin = await t.login('admin');
    morning = await book('09:00', '郑十一', '061');
    late = await book('09:30', '冯十二', '071');
    early = await book('15:30', '卫十四', '091');
    evening = await book('16:30', '陈十三', '081');
    const settings = (await t.api('GET', '/api/settings', { cookie: admin })).body;
    const hours = { days: [1, 2, 3, 4, 5, 6, 7], sessions: [{ start: '09:00', end: '16:00' }] };
    const saved = await t.api('PUT', '/api/settings', { cookie: admin, body: { ...settings, hours } });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  });
  afterAll(async () => t?.stop());

  it('still checks in a visitor within the hours, late for their slot or early for a later one', async () => {
    clock.jumpTo(`${today} 15:10`);
    expect((await checkIn(late.code)).body.ticket).toMatchObject({ number: 'A001', channel: 'appointment' });
    expect((await checkIn(early.code)).body.ticket).toMatchObject({ number: 'A002', channel: 'appointment' });
  });

  it('refuses a booking whose slot lies after the shortened hours, and one of the morning at 17:05, changing nothing', async () => {
    clock.jumpTo(`${today} 16:31`);
    const refused = await expectRefused(t.config.databasePath, 409, 'CHECK_IN_CLOSED', () => checkIn(evening.code));
    expect(refused.body.message).toEqual({
      zh: '该业务今日办理时间已结束，预约不能再签到', en: 'The service has closed for today; the appointment can no longer be checked in',
    });

    clock.jumpTo(`${today} 17:05`);
    await expectRefused(t.config.databasePath, 409, 'SERVICE_CLOSED', () => t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: pension } }));
    await expectRefused(t.config.databasePath, 409, 'CHECK_IN_CLOSED', () => checkIn(morning.code));

    const day = (await t.api('GET', `/api/appointments?date=${today}&serviceId=${pension}`, { cookie: admin })).body as AppointmentDayList;
    const bookings = day.services[0].slots.flatMap((s) => s.bookings);
    expect(bookings.map((b) => [b.id, b.status, b.ticketNumber])).toEqual([
      [morning.id, 'booked', null], [late.id, 'checked_in', 'A001'], [early.id, 'checked_in', 'A002'], [evening.id, 'booked', null],
    ]);
  });
});
