import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../support/hall-server.js';
import { startHall } from './test-hall.js';

/** Nice value and scheduling policy of each thread of this process (the test file's hall runs in it). */
function threads(): { tid: number; nice: number; policy: number }[] {
  return readdirSync('/proc/self/task').flatMap((tid) => {
    try {
      // Fields after the command name, which may hold spaces: state is the first, nice the 17th, policy the 39th.
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return [{ tid: Number(tid), nice: Number(fields[16]), policy: Number(fields[38]) }];
    } catch {
      return []; // the thread ended meanwhile
    }
  });
}

/** At nice 10, scheduled as any other thread (SCHED_OTHER): see server/background-thread.ts for why not lower. */
const inBackground = () => threads().filter((t) => t.nice === 10 && t.policy === 0).length;

describe('forecasts and statistics run behind the hall', () => {
  let t: TestHall;
  beforeAll(async () => {
    t = await startHall();
  });
  afterAll(async () => t.stop());

  it('puts the forecast and statistics threads behind the main thread and leaves the main thread as it was', async () => {
    // The statistics thread starts with the first report asked for.
    const stats = await t.api('GET', '/api/stats?from=2026-03-10&to=2026-03-10&by=day', { cookie: await t.login('admin') });
    expect(stats.status).toBe(200);
    await expect.poll(inBackground, { timeout: 5000 }).toBe(2);
    const main = threads().find((x) => x.tid === process.pid)!;
    expect(main).toMatchObject({ nice: 0, policy: 0 });
  });

  it('puts a forecast thread started again after a crash in the background too', async () => {
    await t.hall.ctx.forecaster.killThread();
    await expect.poll(() => t.hall.ctx.forecaster.threadStarts, { timeout: 3000 }).toBe(2);
    await expect.poll(inBackground, { timeout: 5000 }).toBe(2);
  });
});
