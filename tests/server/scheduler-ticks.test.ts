import { randomBytes } from 'node:crypto';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CommandRunner, type CommittedEvent } from '../../server/command-runner.js';
import { IdentityVault } from '../../server/privacy/identity-vault.js';
import { Scheduler } from '../../server/scheduler.js';
import { at } from '../core/hall-fixture.js';
import { statsHall } from '../stats/stats-hall.js';

/**
 * The scheduler on timers and a wall clock both faked, so a minute passes in no time: the statistics fixture's hall
 * (hours 09:00-17:00 on weekdays), run by a runner that reads the faked clock, as a hall's runner reads the real one.
 */
function scheduledHall() {
  const hall = statsHall();
  hall.clock.now = at('2026-11-23 16:00');
  const pension = hall.run('issueTicket', { serviceId: hall.service.pension, channel: 'kiosk', person: null });
  vi.useFakeTimers({ now: at('2026-11-23 23:59') + 30_200, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  const runner = new CommandRunner(hall.db, hall.runner.state, () => Date.now(), pino({ level: 'silent' }));
  const committed: CommittedEvent[] = [];
  runner.onCommitted((batch) => committed.push(...batch));
  const ticks: number[] = [];
  const run = runner.run.bind(runner);
  vi.spyOn(runner, 'run').mockImplementation((name, args, actor) => {
    if (name === 'closeDay') ticks.push(Date.now());
    return run(name, args, actor);
  });
  const scheduler = new Scheduler(runner, new IdentityVault(hall.db, randomBytes(32)), pino({ level: 'silent' }));
  return { scheduler, runner, committed, ticks, pension };
}

describe('the scheduler', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("ticks at the turn of each minute, so the hall's day turns within moments of its midnight", async () => {
    const { scheduler, committed, ticks, pension } = scheduledHall();
    scheduler.start();
    const midnight = at('2026-11-24 00:00');
    await vi.advanceTimersByTimeAsync(midnight - Date.now() - 1);
    expect(committed.filter((c) => c.event.type === 'day.closed')).toEqual([]);

    await vi.advanceTimersByTimeAsync(1_000);
    const [closed] = committed.filter((c) => c.event.type === 'day.closed');
    expect(closed.at - midnight).toBeGreaterThanOrEqual(0);
    expect(closed.at - midnight).toBeLessThan(1_000);
    expect(closed.event).toMatchObject({ hallDay: '2026-11-24', tickets: [{ id: pension.id, status: 'cancelled' }] });

    await vi.advanceTimersByTimeAsync(5 * 60_000);
    scheduler.stop();
    // Once at start, then at every minute's turn: none drifts off it, however long the hall runs.
    expect(ticks.slice(1).map((t) => t % 60_000)).toEqual([50, 50, 50, 50, 50, 50]);
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(ticks).toHaveLength(7);
  });

  it('closes the windows left open after hours at its minute ticks', async () => {
    const { scheduler, runner, committed } = scheduledHall();
    vi.setSystemTime(at('2026-11-23 17:59') + 30_000);
    runner.run('setWindowStatus', { windowId: 1, status: 'open' }, { kind: 'system' });
    vi.setSystemTime(at('2026-11-23 18:00') + 10_000);
    runner.run('setWindowStatus', { windowId: 2, status: 'open' }, { kind: 'system' });
    scheduler.start();
    // Window 1 is an hour idle at 18:59:30, window 2 at 19:00:10: each is closed at the next minute's tick.
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    const closes = committed.filter((c) => c.event.type === 'window.statusChanged' && c.event.afterHours);
    expect(closes.map((c) => [c.event.type === 'window.statusChanged' && c.event.runtime.windowId, c.at % 60_000])).toEqual([[1, 50]]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(committed.filter((c) => c.event.type === 'window.statusChanged' && c.event.afterHours)).toHaveLength(2);
    scheduler.stop();
  });
});
