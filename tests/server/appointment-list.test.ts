import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppointmentDayList, ServiceAppointmentList } from '../../protocol/appointments.js';
import type { TestHall } from '../support/hall-server.js';
import { expectRefused } from './db-fingerprint.js';
import { HallClock, idNumber, startHall } from './test-hall.js';

const today = '2026-03-10'; // a Tuesday; the demo hall works every day round the clock
const tomorrow = '2026-03-11';
const pension = 1; // 社保参保登记 (A), area 社保医保: 30-minute slots, 4 places each
const medical = 2; // the second service of the same area

describe('the supervisors\' list of a day\'s appointments', () => {
  const clock = new HallClock(`${today} 10:05`);
  let t: TestHall;
  let supervisor: string;
  const people = {
    zhao: { name: '赵六', idNumber: idNumber('19700315', '011') },
    qian: { name: '钱七', idNumber: idNumber('19800420', '021') },
    sun: { name: '孙八', idNumber: idNumber('19900525', '031') },
    zhou: { name: '周九', idNumber: idNumber('19850101', '041') },
  };
  const book = async (serviceId: number, date: string, slotStart: string, identity: { name: string; idNumber: string }) => {
    const res = await t.api('POST', '/api/appointments', { body: { serviceId, date, slotStart, identity } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: number; code: string };
  };
  const list = async (date: string, cookie = supervisor, extra = '') => t.api('GET', `/api/appointments?date=${date}${extra}`, { cookie });
  const dayOf = async (date: string) => {
    const res = await list(date);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as AppointmentDayList;
  };
  const serviceOf = (day: AppointmentDayList, id: number) => day.services.find((s) => s.serviceId === id) as ServiceAppointmentList;
  const slotOf = (day: AppointmentDayList, id: number, start: string) => serviceOf(day, id).slots.find((s) => s.start === start)!;

  let zhao: { id: number; code: string };
  let qian: { id: number; code: string };
  let sun: { id: number; code: string };
  beforeAll(async () => {
    t = await startHall({ clock });
    supervisor = await t.login('S01');
    zhao = await book(pension, today, '10:30', people.zhao);
    qian = await book(pension, today, '10:30', people.qian);
    sun = await book(pension, today, '11:00', people.sun);
    await book(medical, tomorrow, '09:00', people.zhou);
  });
  afterAll(async () => t.stop());

  it('lists each service\'s slots with places taken of the capacity, and who booked, masked', async () => {
    const day = await dayOf(today);
    expect(day).toMatchObject({ date: today, weekday: 2, today });
    // Every service of the demo hall takes appointments; the day's 48 half-hour slots each, bookings or not.
    expect(day.services).toHaveLength(10);
    const service = serviceOf(day, pension);
    expect(service).toMatchObject({ serviceName: { zh: '社保参保登记', en: 'Pension Enrolment' }, prefix: 'A', areaName: { zh: '社保医保', en: 'Social Security' }, closed: null });
    expect(service.slots).toHaveLength(48);
    expect(slotOf(day, pension, '09:30')).toEqual({ start: '09:30', end: '10:00', capacity: 4, taken: 0, passed: true, bookings: [] });
    const slot = slotOf(day, pension, '10:30');
    expect(slot).toMatchObject({ start: '10:30', end: '11:00', capacity: 4, taken: 2, passed: false });
    expect(slot.bookings).toEqual([
      { id: zhao.id, status: 'booked', person: { nameMasked: '赵*', idMasked: `110105********${people.zhao.idNumber.slice(-4)}` }, bookedAt: expect.any(Number), ticketNumber: null, cancellable: true },
      { id: qian.id, status: 'booked', person: { nameMasked: '钱*', idMasked: `110105********${people.qian.idNumber.slice(-4)}` }, bookedAt: expect.any(Number), ticketNumber: null, cancellable: true },
    ]);
    expect(Math.abs(slot.bookings[0].bookedAt - clock.now())).toBeLessThan(60_000);
    expect(slotOf(day, pension, '11:00').taken).toBe(1);
    // Masked only: no full name or ID number, and not the visitors' check-in codes either.
    const text = JSON.stringify(day);
    for (const p of Object.values(people)) {
      expect(text).not.toContain(p.idNumber);
      expect(text).not.toContain(p.name);
    }
    expect(text).not.toMatch(/"code"/);
    // Tomorrow's booking is tomorrow's, and one service can be asked for alone.
    expect(serviceOf(await dayOf(tomorrow), medical).slots.find((s) => s.start === '09:00')!.bookings.map((b) => b.person.nameMasked)).toEqual(['周*']);
    const alone = (await list(tomorrow, supervisor, `&serviceId=${medical}`)).body as AppointmentDayList;
    expect(alone.services.map((s) => s.serviceId)).toEqual([medical]);
  });

  it('shows a check-in with its ticket number and a cancel with its place given back', async () => {
    const checkedIn = await t.api('POST', '/api/appointments/check-in', { token: t.kioskToken, body: { code: zhao.code } });
    expect(checkedIn.status).toBe(201);
    expect((await t.api('POST', `/api/appointments/${qian.id}/cancel`, { cookie: supervisor })).status).toBe(200);
    const slot = slotOf(await dayOf(today), pension, '10:30');
    expect(slot.taken).toBe(1);
    expect(slot.bookings.map((b) => [b.id, b.status, b.ticketNumber, b.cancellable])).toEqual([
      [zhao.id, 'checked_in', checkedIn.body.ticket.number, false],
      [qian.id, 'cancelled', null, false],
    ]);
  });

  it('lets supervisors and admins read it, and nobody below', async () => {
    expect((await list(today, await t.login('admin'))).status).toBe(200);
    await expectRefused(t.config.databasePath, 403, 'FORBIDDEN', () => t.api('GET', `/api/appointments?date=${today}`, { token: t.kioskToken }));
    await expectRefused(t.config.databasePath, 403, 'FORBIDDEN', async () => list(today, await t.login('1001')));
    await expectRefused(t.config.databasePath, 401, 'UNAUTHENTICATED', () => t.api('GET', `/api/appointments?date=${today}`));
    await expectRefused(t.config.databasePath, 401, 'UNAUTHENTICATED', () => t.api('GET', `/api/appointments/standing?date=${today}`));
  });

  it('refuses a date that is not one, in both languages, and a service that does not exist', async () => {
    const noSuchDay = await expectRefused(t.config.databasePath, 400, 'VALIDATION_FAILED', () => list('2026-02-30'));
    expect(noSuchDay.body.message).toEqual({ zh: '请求内容不符合要求：日期不存在（如 2 月 30 日）', en: 'Invalid request: date is not a day on the calendar (like 30 February)' });
    const form = await expectRefused(t.config.databasePath, 400, 'VALIDATION_FAILED', () => list('2026/03/10'));
    expect(form.body.message.zh).toBe('请求内容不符合要求：日期格式不正确（YYYY-MM-DD）');
    const missing = await expectRefused(t.config.databasePath, 400, 'VALIDATION_FAILED', () => t.api('GET', '/api/appointments', { cookie: supervisor }));
    expect(missing.body.message).toEqual({ zh: '请求内容不符合要求：日期必须填写', en: 'Invalid request: date is required' });
    const service = await expectRefused(t.config.databasePath, 404, 'NOT_FOUND', () => list(today, supervisor, '&serviceId=999'));
    expect(service.body.message.zh).toBe('业务不存在');
  });

  it('counts the bookings still standing on the dates a holiday list is about to gain', async () => {
    const counts = await t.api('GET', `/api/appointments/standing?date=${today},${tomorrow},2026-03-12`, { cookie: supervisor });
    // Today: 孙八 still booked; 赵六 checked in and 钱七 cancelled stand no more.
    expect(counts.body).toEqual([{ date: today, booked: 1 }, { date: tomorrow, booked: 1 }, { date: '2026-03-12', booked: 0 }]);
    const bad = await expectRefused(t.config.databasePath, 400, 'VALIDATION_FAILED', () => t.api('GET', `/api/appointments/standing?date=${today},2026-02-30`, { cookie: supervisor }));
    expect(bad.body.message.en).toBe('Invalid request: date holds a day that is not on the calendar');
  });

  it('reads a day gone by from the database, and answers a cancel there with SLOT_PAST, not "not found"', async () => {
    clock.jumpTo('2026-03-12 08:00');
    expect(t.hall.ctx.runner.run('closeDay', {}, { kind: 'system' }).ok).toBe(true);
    supervisor = await t.login('S01'); // yesterday's session has run out
    // The hall's memory holds current days only: the 10th is gone from it.
    expect([...t.hall.ctx.runner.state.appointments.values()].filter((a) => a.date === today)).toEqual([]);
    const day = await dayOf(today);
    expect(day.today).toBe('2026-03-12');
    expect(slotOf(day, pension, '10:30').bookings.map((b) => [b.status, b.ticketNumber])).toEqual([['checked_in', expect.stringMatching(/^A\d{3}$/)], ['cancelled', null]]);
    expect(slotOf(day, pension, '11:00').bookings).toEqual([expect.objectContaining({ id: sun.id, status: 'missed', cancellable: false, person: expect.objectContaining({ nameMasked: '孙*' }) })]);
    expect(day.services.every((s) => s.slots.every((slot) => slot.passed))).toBe(true);

    const past = await expectRefused(t.config.databasePath, 409, 'SLOT_PAST', () => t.api('POST', `/api/appointments/${sun.id}/cancel`, { cookie: supervisor }));
    expect(past.body.message).toEqual({ zh: '该预约时段已过', en: 'That appointment slot has passed' });
    const cancelled = await expectRefused(t.config.databasePath, 409, 'INVALID_TRANSITION', () => t.api('POST', `/api/appointments/${qian.id}/cancel`, { cookie: supervisor }));
    expect(cancelled.body.message.zh).toBe('预约当前状态为“已取消”，不能取消');
    await expectRefused(t.config.databasePath, 404, 'NOT_FOUND', () => t.api('POST', '/api/appointments/9999/cancel', { cookie: supervisor }));
  });
});
