import { fdatasync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { SyncFile } from '../../server/store/wal-sync.js';
import { startTestHall, type TestHall } from '../support/hall-server.js';
import { HallClock } from './test-hall.js';

/** A disk whose syncs wait while it is held, and go on when it is let go. */
function heldDisk() {
  const waiting: (() => void)[] = [];
  let holding = false;
  const sync: SyncFile = (fd, done) => {
    const go = () => fdatasync(fd, done);
    if (holding) waiting.push(go);
    else go();
  };
  return { sync, hold: () => { holding = true; }, release: () => { holding = false; for (const go of waiting.splice(0)) go(); } };
}

/**
 * Memory takes a command before the disk confirms it, and a forecast thread started meanwhile starts from memory.
 * The events it already has come to it again once on disk, in the same message as events it has not seen: it must
 * apply only those. A finished case applied twice would count its handling time twice, and every wait behind it
 * would differ from what a thread started afresh says. Window 8 serves 不动产查询 (service 6) alone.
 */
describe('a forecast thread started while the disk is behind', () => {
  const clock = new HallClock('2026-03-10 10:00');
  const disk = heldDisk();
  let t: TestHall;
  afterAll(async () => t.stop());

  it('gives the same waits as a thread started afresh afterwards', async () => {
    t = await startTestHall({ clock: clock.now, syncFile: disk.sync });
    const staff = await t.login('1001');
    const at8 = (action: string, body?: unknown) => t.api('POST', `/api/windows/8/${action}`, { cookie: staff, body });
    const issue = () => t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 6 } });
    const forecasts = async () => (await t.api('GET', '/api/hall', { token: t.boardToken })).body.forecasts as { ticketId: number; etaMinutes: number }[];
    const forecaster = t.hall.ctx.forecaster;
    await at8('status', { status: 'open' });
    // A first case of 2 minutes; the second, of 10, is finished while the disk is held.
    await issue();
    await at8('call-next');
    await at8('start');
    clock.jumpTo('2026-03-10 10:02');
    await at8('finish');
    const second = (await issue()).body.ticket;
    await at8('call-next');
    await at8('start');
    const behind = [(await issue()).body.ticket, (await issue()).body.ticket];
    clock.jumpTo('2026-03-10 10:12');

    disk.hold();
    const pending = [issue()]; // its sync is held; what follows waits for the next one
    await expect.poll(() => t.hall.ctx.runner.state.tickets.size, { timeout: 3000 }).toBe(5);
    pending.push(at8('finish'));
    await expect.poll(() => t.hall.ctx.runner.state.tickets.get(second.id)?.status, { timeout: 3000 }).toBe('done');
    await forecaster.killThread();
    await expect.poll(() => forecaster.threadStarts, { timeout: 3000 }).toBe(2);
    pending.push(issue());
    await expect.poll(() => t.hall.ctx.runner.state.tickets.size, { timeout: 3000 }).toBe(6);
    disk.release();
    const [, , last] = await Promise.all(pending);
    expect(last.status).toBe(201);

    const etaBehind = async () => {
      let eta = 0;
      await expect.poll(async () => {
        const all = await forecasts();
        eta = all.find((f) => f.ticketId === behind[1].id)?.etaMinutes ?? -1;
        return all.some((f) => f.ticketId === last.body.ticket.id);
      }, { timeout: 5000 }).toBe(true);
      return eta;
    };
    const fromTheThread = await etaBehind();
    await forecaster.killThread();
    await expect.poll(() => forecaster.threadStarts, { timeout: 3000 }).toBe(3);
    // The forecast of the new thread: the table is replaced when it comes, so wait for a different moment's.
    const computedBefore = forecaster.get().computedAt;
    await expect.poll(() => forecaster.get().computedAt !== computedBefore, { timeout: 5000 }).toBe(true);
    const afresh = await etaBehind();
    expect(fromTheThread).toBeGreaterThan(0);
    // Within seconds of each other (the two forecasts are made a moment apart); counted twice, 0.9 min apart.
    expect(fromTheThread).toBeCloseTo(afresh, 1);
  });
});
