import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../support/hall-server.js';
import { HallClock, idNumber, startHall } from './test-hall.js';

const today = '2026-03-10';
const pension = 1; // 社保参保登记 (A): 30-minute slots, 4 places each

// The QA report: at 10:05 today's 09:00 slot was listed with "left": 4, yet booking it was refused SLOT_PAST; and a
// code entered twice at the kiosk talked of a ticket instead of giving the visitor their number.
describe('appointments over HTTP, as the kiosk and the phone see them', () => {
  let t: TestHall;

  beforeAll(async () => {
    t = await startHall({ clock: new HallClock(`${today} 10:05`) });
  });
  afterAll(async () => t.stop());

  it('lists passed slots as having no places, and booking agrees', async () => {
    const slots = (await t.api('GET', `/api/appointments/slots?serviceId=${pension}&date=${today}`)).body as { start: string; left: number; passed?: boolean }[];
    expect(slots.find((s) => s.start === '09:00')).toMatchObject({ left: 0, passed: true });
    expect(slots.find((s) => s.start === '10:00')).toMatchObject({ left: 4 });
    expect(slots.find((s) => s.start === '10:00')!.passed).toBeUndefined();
    const identity = { name: '钱七', idNumber: idNumber('19700315', '021') };
    expect((await t.api('POST', '/api/appointments', { body: { serviceId: pension, date: today, slotStart: '09:00', identity } })).body.code).toBe('SLOT_PAST');
  });

  it('tells a visitor who enters their code again the number they already have', async () => {
    const identity = { name: '周九', idNumber: idNumber('19700315', '041') };
    const { code } = (await t.api('POST', '/api/appointments', { body: { serviceId: pension, date: today, slotStart: '10:00', identity } })).body;
    const first = await t.api('POST', '/api/appointments/check-in', { token: t.kioskToken, body: { code } });
    expect(first.status).toBe(201);
    const again = await t.api('POST', '/api/appointments/check-in', { token: t.kioskToken, body: { code } });
    expect(again).toMatchObject({
      status: 409,
      body: {
        code: 'ALREADY_CHECKED_IN',
        message: { zh: `该预约已签到，您的号码是 ${first.body.ticket.number}`, en: `This appointment is checked in already; your number is ${first.body.ticket.number}` },
      },
    });
  });
});
