import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../support/hall-server.js';
import { HallClock, idNumber, startHall } from './test-hall.js';

const pension = 1; // 社保参保登记 (A)

/**
 * A visitor who comes late with a booking's code (or card) is told what became of that booking: cancelled, or
 * expired once its day has closed, and nothing else about it; a code nobody booked lately stays unknown.
 */
describe('checking in a booking that no longer stands', () => {
  const clock = new HallClock('2026-03-10 08:40');
  let t: TestHall;
  const missedPerson = { name: '郑十一', idNumber: idNumber('19800402', '061') };
  let missedCode = '';
  let cancelledCode = '';

  const checkIn = (body: unknown, auth: { token?: string; cookie?: string } = { token: t.kioskToken }) =>
    t.api('POST', '/api/appointments/check-in', { ...auth, body });
  const book = async (identity: { name: string; idNumber: string }) => {
    const slots = (await t.api('GET', `/api/appointments/slots?serviceId=${pension}&date=2026-03-10`)).body as { start: string; left: number; passed?: boolean }[];
    const slot = slots.find((s) => s.left > 0 && !s.passed)!;
    const booked = await t.api('POST', '/api/appointments', { body: { serviceId: pension, date: '2026-03-10', slotStart: slot.start, identity } });
    expect(booked.status).toBe(201);
    return booked.body as { code: string; token: string };
  };
  /** The refusal a visitor reads: its code and both languages, with nothing of the booking besides. */
  const refusal = (res: { status: number; body: any }) => ({ status: res.status, ...res.body });

  beforeAll(async () => {
    t = await startHall({ clock });
    missedCode = (await book(missedPerson)).code;
    const cancelled = await book({ name: '冯十二', idNumber: idNumber('19820911', '071') });
    cancelledCode = cancelled.code;
    expect((await t.api('POST', `/api/bookings/${cancelled.token}/cancel`)).body.status).toBe('cancelled');
  });
  afterAll(async () => t?.stop());

  it('says a cancelled booking was cancelled, the same day', async () => {
    expect(refusal(await checkIn({ code: cancelledCode }))).toEqual({
      status: 409, code: 'APPOINTMENT_CANCELLED', message: { zh: '该预约已取消', en: 'This appointment has been cancelled' },
    });
  });

  it('says a booking of a day the hall has closed expired, by its code or by its holder\'s identity', async () => {
    clock.jumpTo('2026-03-11 09:10');
    // Before the close has marked it missed, as after: its day is over.
    expect(refusal(await checkIn({ code: missedCode }))).toMatchObject({ status: 409, code: 'APPOINTMENT_EXPIRED' });
    expect(t.hall.ctx.runner.run('closeDay', {}, { kind: 'system' }).ok).toBe(true);
    expect(t.hall.ctx.runner.state.appointments.size).toBe(0);

    const byCode = await checkIn({ code: missedCode });
    expect(refusal(byCode)).toEqual({ status: 409, code: 'APPOINTMENT_EXPIRED', message: { zh: '该预约已过期', en: 'This appointment has expired' } });
    expect(JSON.stringify(byCode.body)).not.toMatch(/郑|2026-03-10|\d{2}:\d{2}/);
    const staff = await t.login('1001');
    expect(refusal(await checkIn({ identity: missedPerson }, { cookie: staff }))).toMatchObject({ status: 409, code: 'APPOINTMENT_EXPIRED' });
    // The cancelled one, now of a day gone by too, is still said to be cancelled.
    expect(refusal(await checkIn({ code: cancelledCode }))).toMatchObject({ status: 409, code: 'APPOINTMENT_CANCELLED' });
    // Nothing was checked in or issued by any of it.
    expect(t.hall.ctx.runner.state.tickets.size).toBe(0);
  });

  it('knows nothing of a code nobody booked, nor of a booking more than a week gone', async () => {
    const unknown = ['000000', '000001'].find((c) => c !== missedCode && c !== cancelledCode)!;
    expect(refusal(await checkIn({ code: unknown }))).toMatchObject({ status: 404, code: 'NOT_FOUND', message: { zh: '预约不存在' } });
    clock.jumpTo('2026-03-18 09:10');
    expect(t.hall.ctx.runner.run('closeDay', {}, { kind: 'system' }).ok).toBe(true);
    expect(refusal(await checkIn({ code: missedCode }))).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});
