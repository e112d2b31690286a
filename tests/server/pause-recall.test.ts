import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../support/hall-server.js';
import { HallClock, startHall } from './test-hall.js';

/**
 * The forecast learns how long today's breaks last by watching the windows. A hall restarted at midday reads the
 * day's window changes back from its record, so its waits are the ones it gave before the restart, not the ones
 * of a usual 15-minute break. Window 8 serves 不动产查询 (service 6) first; it is the only window open.
 */
describe('pause lengths across a restart', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hall-pauses-'));
  const clock = new HallClock('2026-03-10 10:00');
  let t: TestHall | null = null;
  afterAll(async () => {
    await t?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The wait the visitor's page shows once `ready` holds for it (the page shows the forecast thread's answer). */
  const waitOf = async (hall: TestHall, visitToken: string, ready: (eta: number) => boolean) => {
    let eta: number | null = null;
    await expect.poll(async () => {
      eta = (await hall.api('GET', `/api/visits/${visitToken}`)).body.forecast?.etaMinutes ?? null;
      return eta !== null && ready(eta);
    }, { timeout: 5000 }).toBe(true);
    return eta!;
  };

  it("expects a break as long as today's after a restart, as it did before", async () => {
    t = await startHall({ clock, dir });
    const staff = await t.login('1001');
    const status = (body: unknown) => t!.api('POST', '/api/windows/8/status', { cookie: staff, body });
    expect((await status({ status: 'open' })).status).toBe(200);
    expect((await status({ status: 'paused', reason: 'break' })).status).toBe(200);
    clock.jumpTo('2026-03-10 10:05');
    expect((await status({ status: 'open' })).status).toBe(200);
    clock.jumpTo('2026-03-10 10:10');
    expect((await status({ status: 'paused', reason: 'break' })).status).toBe(200);
    const issued = await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 6 } });
    expect(issued.status).toBe(201);
    // One 5-minute break against the usual 15, weighted as three: 12.5 minutes, back at about 10:22. The clock
    // jumps faster than events reach the forecast thread, so a forecast of the earlier states may come first (the
    // first break with the usual 15 minutes says 5): the one of the last state is awaited.
    const before = await waitOf(t, issued.body.token, (eta) => Math.abs(eta - 12.5) < 0.5);

    await t.stop();
    t = await startHall({ clock, dir });
    const after = await waitOf(t, issued.body.token, () => true);
    // The usual 15 minutes would put it 2.5 minutes later.
    expect(Math.abs(after - before)).toBeLessThan(0.5);
  });
});
