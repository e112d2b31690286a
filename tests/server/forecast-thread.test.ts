import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../support/hall-server.js';
import { startHall } from './test-hall.js';

const serviceF = 6; // 不动产查询, prefix F, no ID card needed

async function openAllWindows(t: TestHall): Promise<void> {
  const admin = await t.login('admin');
  const windows = (await t.api('GET', '/api/windows', { cookie: admin })).body as { id: number }[];
  for (const w of windows) await t.api('POST', `/api/windows/${w.id}/status`, { cookie: admin, body: { status: 'open' } });
}

const issue = (t: TestHall) => t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: serviceF } });

describe('waits worked out on the forecast thread', () => {
  let t: TestHall;
  beforeAll(async () => {
    t = await startHall();
    await openAllWindows(t);
  });
  afterAll(async () => t.stop());

  it('tells a kiosk at once the wait a forecast with its ticket in it gives, as boards see it a moment later', async () => {
    const forecasts = async () => (await t.api('GET', '/api/hall', { token: t.boardToken })).body.forecasts as { ticketId: number; position: number; etaMinutes: number }[];
    const replies = [];
    // One after another, as kiosks issue at a hall's pace: each after the forecast has seen the one before.
    for (let i = 0; i < 5; i++) {
      const r = (await issue(t)).body;
      replies.push(r);
      await expect.poll(async () => (await forecasts()).some((f) => f.ticketId === r.ticket.id), { timeout: 5000 }).toBe(true);
    }
    const onBoard = await forecasts();
    // Positions count the tickets ahead; the last of the five waits for a window to finish a case.
    expect(replies.map((r) => r.forecast.position)).toEqual([0, 1, 2, 3, 4]);
    for (const r of replies) {
      const seen = onBoard.find((f) => f.ticketId === r.ticket.id)!;
      expect(r.forecast.position).toBe(seen.position);
      expect(r.forecast.etaMinutes).toBeCloseTo(seen.etaMinutes, 1);
    }
    expect(replies[4].forecast.etaMinutes).toBeGreaterThan(1);
  });

  it('gives every ticket of a rush a wait, one behind another in the order of their numbers', async () => {
    const before = (await t.api('GET', '/api/hall', { token: t.boardToken })).body.waiting.length;
    const rush = await Promise.all(Array.from({ length: 120 }, () => issue(t)));
    expect(rush.map((r) => r.status)).toEqual(Array(120).fill(201));
    const byNumber = rush.map((r) => r.body).sort((a, b) => a.ticket.number.localeCompare(b.ticket.number));
    expect(byNumber.map((r) => r.forecast.position)).toEqual(Array.from({ length: 120 }, (_, i) => before + i));
    // Told before the forecast had them or not, each is within one case of what the forecast of the whole rush says
    // (on the boards a moment after the last reply).
    const boardForecasts = async () => (await t.api('GET', '/api/hall', { token: t.boardToken })).body.forecasts as { ticketId: number; etaMinutes: number }[];
    await expect.poll(async () => {
      const known = new Set((await boardForecasts()).map((f) => f.ticketId));
      return byNumber.every((r) => known.has(r.ticket.id));
    }, { timeout: 5000 }).toBe(true);
    const after = await boardForecasts();
    const misses = byNumber.map((r) => Math.abs(r.forecast.etaMinutes - after.find((f) => f.ticketId === r.ticket.id)!.etaMinutes));
    expect(Math.max(...misses)).toBeLessThan(5.25);
  });

  it('starts the thread again after a crash, from the hall as it is then', async () => {
    const waiting = (await t.api('GET', '/api/hall', { token: t.boardToken })).body.waiting.length;
    await t.hall.ctx.forecaster.killThread();
    // While it is down, a ticket is told its wait from the last forecast.
    const during = await issue(t);
    expect(during.body.forecast).toMatchObject({ ticketId: during.body.ticket.id, position: waiting });
    await expect.poll(() => t.hall.ctx.forecaster.threadStarts, { timeout: 3000 }).toBe(2);
    // The new thread knows both the tickets from before the crash and the one issued while it was down.
    await expect.poll(async () => (await t.api('GET', '/api/hall', { token: t.boardToken })).body.forecasts
      .some((f: { ticketId: number }) => f.ticketId === during.body.ticket.id), { timeout: 3000 }).toBe(true);
    const after = await issue(t);
    expect(after.body.forecast).toMatchObject({ ticketId: after.body.ticket.id, position: waiting + 1 });
  });
});
