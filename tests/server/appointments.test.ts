import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../support/hall-server.js';
import { HallClock, idNumber, startHall } from './test-hall.js';

const today = '2026-03-10';
const tomorrow = '2026-03-11';
const pension = 1; // 社保参保登记 (A): 30-minute slots, 4 places each; window 1 serves it first

describe('appointments', () => {
  let t: TestHall;
  const visitor = (name: string, sequence: string) => ({ name, idNumber: idNumber('19700315', sequence) });
  const slots = async (date: string) => (await t.api('GET', `/api/appointments/slots?serviceId=${pension}&date=${date}`)).body as { start: string; end: string; left: number }[];
  const book = (date: string, slotStart: string, identity: { name: string; idNumber: string }) =>
    t.api('POST', '/api/appointments', { body: { serviceId: pension, date, slotStart, identity } });

  beforeAll(async () => {
    t = await startHall({ clock: new HallClock(`${today} 10:05`) });
  });
  afterAll(async () => t.stop());

  it('books a slot with real name, shows it masked, and takes a place from the slot', async () => {
    expect((await slots(today)).find((s) => s.start === '10:30')).toEqual({ start: '10:30', end: '11:00', left: 4 });
    const booked = await book(today, '10:30', visitor('赵六', '011'));
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ date: today, slotStart: '10:30', slotEnd: '11:00', status: 'booked', ticketId: null, person: { nameMasked: '赵*' } });
    expect(booked.body.code).toMatch(/^\d{6}$/);
    expect(JSON.stringify(booked.body)).not.toContain(visitor('赵六', '011').idNumber);
    expect((await slots(today)).find((s) => s.start === '10:30')!.left).toBe(3);
  });

  it('refuses a slot that has passed, a slot that does not exist and a second booking of the same person', async () => {
    expect((await book(today, '09:00', visitor('钱七', '021'))).body.code).toBe('SLOT_PAST');
    expect((await book(today, '10:10', visitor('钱七', '021'))).body.code).toBe('SLOT_INVALID');
    expect((await book(tomorrow, '09:00', visitor('钱七', '021'))).status).toBe(201);
    const twice = await book(tomorrow, '14:00', visitor('钱七', '021'));
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('ALREADY_BOOKED');
  });

  it('checks in by code at the kiosk: a waiting ticket that goes ahead of earlier walk-ins once its slot has begun', async () => {
    const walkIn = (await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: pension, identity: visitor('孙八', '031') } })).body.ticket;
    const { code } = (await book(today, '10:00', visitor('周九', '041'))).body;

    const checkedIn = await t.api('POST', '/api/appointments/check-in', { token: t.kioskToken, body: { code } });
    expect(checkedIn.status).toBe(201);
    expect(checkedIn.body.ticket).toMatchObject({ status: 'waiting', channel: 'appointment', serviceId: pension, person: { nameMasked: '周*' } });
    expect(checkedIn.body.ticket.number).toMatch(/^A\d{3}$/);
    expect(checkedIn.body.ticket.number).not.toBe(walkIn.number);
    expect((await t.api('GET', `/api/visits/${checkedIn.body.token}`)).body.ticket.status).toBe('waiting');

    const staff = await t.openWindow('1001', 1);
    const called = await t.api('POST', '/api/windows/1/call-next', { cookie: staff });
    expect(called.body.number).toBe(checkedIn.body.ticket.number);
    await t.api('POST', '/api/windows/1/no-show', { cookie: staff });

    const again = await t.api('POST', '/api/appointments/check-in', { token: t.kioskToken, body: { code } });
    expect(again.status).toBe(409);
    expect(again.body.message.zh).toContain('已签到');
  });

  it('refuses a check-in for another day or with an unknown code, and from the public', async () => {
    const { code } = (await book(tomorrow, '11:00', visitor('吴十', '051'))).body;
    expect((await t.api('POST', '/api/appointments/check-in', { token: t.kioskToken, body: { code } })).body.code).toBe('APPOINTMENT_NOT_DUE');
    const unknown = code === '000000' ? '000001' : '000000';
    expect((await t.api('POST', '/api/appointments/check-in', { token: t.kioskToken, body: { code: unknown } })).status).toBe(404);
    expect((await t.api('POST', '/api/appointments/check-in', { body: { code } })).status).toBe(401);
  });
  it('checks in with the identity instead of a code, and keeps that identity sealed for the window\'s desktop bridge', async () => {
    const person = visitor('吴十', '051');
    expect((await book(today, '11:00', person)).status).toBe(201);
    const staff = await t.login('1002');
    const checkedIn = await t.api('POST', '/api/appointments/check-in', { cookie: staff, body: { identity: person } });
    expect(checkedIn.status).toBe(201);
    expect(t.hall.ctx.vault.get(checkedIn.body.ticket.visitId)).toMatchObject({ idNumber: person.idNumber, name: '吴十' });
  });
});
