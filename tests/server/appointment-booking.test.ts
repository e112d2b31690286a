import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../support/hall-server.js';
import { expectRefused } from './db-fingerprint.js';
import { HallClock, idNumber, startHall } from './test-hall.js';

const today = '2026-03-10'; // a Tuesday; the demo hall works every day, round the clock
const pension = 1; // 社保参保登记 (A), area 社保医保: 30-minute slots, 4 places each

describe('a visitor booking, seeing and cancelling an appointment by its token', () => {
  const clock = new HallClock(`${today} 10:05`);
  let t: TestHall;
  let admin: string;
  const visitor = (name: string, sequence: string) => ({ name, idNumber: idNumber('19700315', sequence) });
  const book = (date: string, slotStart: string, identity: { name: string; idNumber: string }) =>
    t.api('POST', '/api/appointments', { body: { serviceId: pension, date, slotStart, identity } });
  const placesLeft = async (date: string, start: string) =>
    ((await t.api('GET', `/api/appointments/slots?serviceId=${pension}&date=${date}`)).body as { start: string; left: number }[]).find((s) => s.start === start)!.left;
  const settings = async () => (await t.api('GET', '/api/settings', { cookie: admin })).body;
  const saveSettings = async (patch: Record<string, unknown>) => {
    const res = await t.api('PUT', '/api/settings', { cookie: admin, body: { ...(await settings()), ...patch } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };

  beforeAll(async () => {
    t = await startHall({ clock });
    admin = await t.login('admin');
  });
  afterAll(async () => t.stop());

  it('tells the phone which services take appointments and how far ahead, and lists the bookable dates', async () => {
    const hall = (await t.api('GET', '/api/public/hall')).body;
    expect(hall.appointmentDaysAhead).toBe(7);
    expect(hall.services.find((s: { id: number }) => s.id === pension).takesAppointments).toBe(true);

    const days = (await t.api('GET', `/api/appointments/days?serviceId=${pension}`)).body;
    expect(days.today).toBe(today);
    expect(days.daysAhead).toBe(7);
    expect(days.days.map((d: { date: string }) => d.date)).toEqual(['2026-03-10', '2026-03-11', '2026-03-12', '2026-03-13', '2026-03-14', '2026-03-15', '2026-03-16', '2026-03-17']);
    // At 10:05 the slots from 00:00 to 10:00 are over: 28 of 48 are left today, 4 places each.
    expect(days.days[0]).toEqual({ date: today, weekday: 2, closed: null, left: 28 * 4 });
    expect(days.days[1]).toEqual({ date: '2026-03-11', weekday: 3, closed: null, left: 48 * 4 });
  });

  it('books with a token, shows the booking by it with a masked identity, and cancels it: the place is free again', async () => {
    const person = visitor('赵六', '011');
    const booked = await book('2026-03-12', '14:00', person);
    expect(booked.status).toBe(201);
    const token: string = booked.body.token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await placesLeft('2026-03-12', '14:00')).toBe(3);

    const seen = await t.api('GET', `/api/bookings/${token}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toEqual({
      id: booked.body.id, serviceId: pension, serviceName: { zh: '社保参保登记', en: 'Pension Enrolment' }, areaId: 1,
      areaName: { zh: '社保医保', en: 'Social Security' }, date: '2026-03-12', weekday: 4, slotStart: '14:00', slotEnd: '14:30',
      code: booked.body.code, status: 'booked', person: { nameMasked: '赵*', idMasked: `110105********${person.idNumber.slice(-4)}` }, cancellable: true, ticket: null,
    });
    expect(JSON.stringify(seen.body)).not.toContain(person.idNumber);

    const cancelled = await t.api('POST', `/api/bookings/${token}/cancel`, { body: {} });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellable: false });
    expect((await t.api('GET', `/api/bookings/${token}`)).body.status).toBe('cancelled');
    expect(await placesLeft('2026-03-12', '14:00')).toBe(4);

    const twice = await expectRefused(t.config.databasePath, 409, 'INVALID_TRANSITION', () => t.api('POST', `/api/bookings/${token}/cancel`, { body: {} }));
    expect(twice.body.message).toEqual({ zh: '预约当前状态为“已取消”，不能取消', en: 'The appointment is cancelled; cannot cancel it' });

    // The audit log records who cancelled: the visitor, with no staff member named.
    const events = (await t.api('GET', '/api/events?limit=1000', { cookie: admin })).body as { type: string; actor: unknown; payload: { appointment: { id: number } } }[];
    const cancel = events.find((e) => e.type === 'appointment.cancelled' && e.payload.appointment.id === booked.body.id);
    expect(cancel?.actor).toEqual({ kind: 'public' });
  });

  it('lets a supervisor cancel by id, recorded as theirs, and nobody below', async () => {
    const booked = await book('2026-03-12', '15:00', visitor('钱七', '021'));
    const clerk = await t.login('1001');
    await expectRefused(t.config.databasePath, 403, 'FORBIDDEN', () => t.api('POST', `/api/appointments/${booked.body.id}/cancel`, { cookie: clerk }));
    const supervisor = await t.login('S01');
    const res = await t.api('POST', `/api/appointments/${booked.body.id}/cancel`, { cookie: supervisor });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: booked.body.id, status: 'cancelled', ticket: null });
    const events = (await t.api('GET', '/api/events?limit=1000', { cookie: admin })).body as { type: string; actor: { kind: string; role?: string }; payload: { appointment: { id: number } } }[];
    expect(events.find((e) => e.type === 'appointment.cancelled' && e.payload.appointment.id === booked.body.id)?.actor).toMatchObject({ kind: 'staff', role: 'supervisor' });
  });

  it('refuses a date past the booking horizon, saying how far one may book, and changes nothing', async () => {
    const res = await expectRefused(t.config.databasePath, 422, 'SLOT_TOO_FAR', () => book('2026-03-18', '09:00', visitor('孙八', '031')));
    expect(res.body.message).toEqual({ zh: '只能预约今天起 7 天内的时段（最晚 2026-03-17）', en: 'Appointments can be booked up to 7 days ahead (until 2026-03-17)' });
    expect((await book('2026-03-17', '09:00', visitor('孙八', '031'))).status).toBe(201);
  });

  it('refuses a day that is not on the calendar, in both languages, and changes nothing', async () => {
    const res = await expectRefused(t.config.databasePath, 400, 'VALIDATION_FAILED', () => book('2026-02-30', '09:00', visitor('孙八', '032')));
    expect(res.body.message.zh).toContain('不存在（如 2 月 30 日）');
    expect(res.body.message.en).toContain('is not a day on the calendar');
  });

  it('answers a guessed token with 404, to see or to cancel', async () => {
    const guess = randomBytes(32).toString('base64url');
    expect((await t.api('GET', `/api/bookings/${guess}`)).body.code).toBe('NOT_FOUND');
    await expectRefused(t.config.databasePath, 404, 'NOT_FOUND', () => t.api('POST', `/api/bookings/${guess}/cancel`, { body: {} }));
  });

  it('gives the visitor their ticket\'s live page once the booking is checked in at the kiosk', async () => {
    const booked = await book(today, '10:30', visitor('周九', '041'));
    const checkedIn = await t.api('POST', '/api/appointments/check-in', { token: t.kioskToken, body: { code: booked.body.code } });
    expect(checkedIn.status).toBe(201);

    const seen = await t.api('GET', `/api/bookings/${booked.body.token}`);
    expect(seen.body).toMatchObject({ status: 'checked_in', cancellable: false, ticket: { number: checkedIn.body.ticket.number } });
    const visitToken: string = seen.body.ticket.visitToken;
    expect(visitToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(visitToken).not.toBe(checkedIn.body.token);
    const visit = await t.api('GET', `/api/visits/${visitToken}`);
    expect(visit.body.ticket).toMatchObject({ number: checkedIn.body.ticket.number, status: 'waiting', channel: 'appointment' });
    // The same link each time the phone asks.
    expect((await t.api('GET', `/api/bookings/${booked.body.token}`)).body.ticket.visitToken).toBe(visitToken);
    await expectRefused(t.config.databasePath, 409, 'INVALID_TRANSITION', () => t.api('POST', `/api/bookings/${booked.body.token}/cancel`, { body: {} }));
  });

  it('closes the holidays of the hall calendar in the settings to booking and to tickets', async () => {
    await saveSettings({ followUp: { contactHours: 1, rectifyWorkingDays: 5, holidays: [today, '2026-03-12'], workdays: [] } });
    const days = (await t.api('GET', `/api/appointments/days?serviceId=${pension}`)).body.days as { date: string; closed: string | null; left: number }[];
    expect(days.filter((d) => d.closed !== null)).toEqual([
      { date: today, weekday: 2, closed: 'holiday', left: 0 }, { date: '2026-03-12', weekday: 4, closed: 'holiday', left: 0 },
    ]);
    const holiday = await expectRefused(t.config.databasePath, 409, 'HALL_HOLIDAY', () => book('2026-03-12', '09:00', visitor('吴十', '051')));
    expect(holiday.body.message.zh).toBe('2026-03-12 是节假日，大厅不办理业务');

    // Today a holiday: no ticket, kiosk or phone, and the refusal names the next opening.
    const ticket = await expectRefused(t.config.databasePath, 409, 'SERVICE_CLOSED', () => t.api('POST', '/api/tickets', { body: { serviceId: pension, identity: visitor('吴十', '051') } }));
    expect(ticket.body.message.zh).toBe('该业务当前不在办理时间，2026-03-11 00:00 开始办理');
    await expectRefused(t.config.databasePath, 409, 'SERVICE_CLOSED', () => t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 6 } }));
    const hall = (await t.api('GET', '/api/public/hall')).body;
    expect(hall.services.find((s: { id: number }) => s.id === pension).opening).toEqual({ open: false, nextOpening: { date: '2026-03-11', time: '00:00' } });

    await saveSettings({ followUp: { contactHours: 1, rectifyWorkingDays: 5, holidays: [], workdays: [] } });
    expect((await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 6 } })).status).toBe(201);
  });

  it('takes no bookings when the hall sets the horizon to 0 days', async () => {
    await saveSettings({ appointmentDaysAhead: 0 });
    expect((await t.api('GET', '/api/public/hall')).body.appointmentDaysAhead).toBe(0);
    expect((await t.api('GET', `/api/appointments/days?serviceId=${pension}`)).body.days).toEqual([]);
    await expectRefused(t.config.databasePath, 409, 'APPOINTMENTS_OFF', () => book('2026-03-11', '09:00', visitor('郑一', '061')));
    const refused = await t.api('PUT', '/api/settings', { cookie: admin, body: { ...(await settings()), appointmentDaysAhead: 61 } });
    expect(refused).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(refused.body.message.zh).toContain('可提前预约天数');
    await saveSettings({ appointmentDaysAhead: 7 });
  });

  it('still shows a booking the day closed on as missed, and refuses to cancel it', async () => {
    const booked = await book(today, '23:00', visitor('王十一', '071'));
    clock.jumpTo('2026-03-11 00:05');
    expect(t.hall.ctx.runner.run('closeDay', {}, { kind: 'system' }).ok).toBe(true);
    expect((await t.api('GET', `/api/bookings/${booked.body.token}`)).body).toMatchObject({ status: 'missed', cancellable: false, ticket: null });
    const refused = await expectRefused(t.config.databasePath, 409, 'INVALID_TRANSITION', () => t.api('POST', `/api/bookings/${booked.body.token}/cancel`, { body: {} }));
    expect(refused.body.message.zh).toBe('预约当前状态为“已失约”，不能取消');
  });
});
