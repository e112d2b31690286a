import { describe, expect, it } from 'vitest';
import { forecastQueue } from '../../server/core/forecast.js';
import { at, callNext, issue, minutes, newHall, openWindow, run, serveNext, visitor, type Hall } from './hall-fixture.js';

function forecastOf(hall: Hall, ids: number[], now: number) {
  const all = forecastQueue(hall.state, now);
  return ids.map((id) => all.get(id)!);
}

describe('position and estimated wait', () => {
  it('with one open window and a 5-minute service, three visitors wait 0, 5 and 10 minutes plus the time between cases', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    const ids = ['09:00', '09:01', '09:02'].map((t) => issue(hall, hall.service.pension, at(`2026-11-23 ${t}`)).id);
    const [a, b, c] = forecastOf(hall, ids, at('2026-11-23 09:05'));
    expect([a.position, b.position, c.position]).toEqual([0, 1, 2]);
    expect(a.etaMinutes).toBe(0);
    // Nothing seen yet today: a minute's walk-up and 15 s of turnaround per case, the guesses for a new day.
    expect(b.etaMinutes).toBeCloseTo(5 + 1.25);
    expect(c.etaMinutes).toBeCloseTo(2 * (5 + 1.25));
  });

  it('waits for the case being served at the window to end, and for the window to turn round', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    issue(hall, hall.service.pension, at('2026-11-23 09:00'));
    const next = issue(hall, hall.service.pension, at('2026-11-23 09:00'));
    callNext(hall, hall.window.one, at('2026-11-23 09:00'));
    run(hall.state, 'startService', { windowId: hall.window.one }, at('2026-11-23 09:00'));
    const [f] = forecastOf(hall, [next.id], at('2026-11-23 09:02'));
    expect(f.position).toBe(0);
    expect(f.etaMinutes).toBeCloseTo(3 + 0.25);
  });

  it("learns from the day's finished cases: slow cases lengthen the wait", () => {
    const quick = newHall();
    const slow = newHall();
    for (const hall of [quick, slow]) openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    for (let i = 0; i < 3; i++) issue(slow, slow.service.pension, at('2026-11-23 09:00'));
    for (const t of ['09:00', '09:20', '09:40']) serveNext(slow, slow.window.one, at(`2026-11-23 ${t}`), minutes(20));
    expect(slow.state.handling.get(slow.service.pension)).toEqual({ count: 3, meanMs: minutes(20) });
    const now = at('2026-11-23 10:00');
    const etaOfSecond = (hall: Hall) => {
      const ids = [issue(hall, hall.service.pension, now).id, issue(hall, hall.service.pension, now).id];
      return forecastOf(hall, ids, now)[1].etaMinutes!;
    };
    expect(etaOfSecond(quick)).toBeCloseTo(5 + 1.25);
    // Three 20-minute cases against the 5-minute default, weighted as three observations: 12.5 minutes, plus
    // under a minute of walk-up and turnaround (these visitors were quick to the counter).
    const slowEta = etaOfSecond(slow);
    expect(slowEta).toBeGreaterThan(12.5);
    expect(slowEta).toBeLessThan(13.5);
  });

  it('shares the queue between the open windows that serve it', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    openWindow(hall, hall.window.two, at('2026-11-23 09:00'));
    const ids = [0, 1, 2, 3].map((i) => issue(hall, hall.service.pension, at('2026-11-23 09:00') + i).id);
    const f = forecastOf(hall, ids, at('2026-11-23 09:01'));
    expect(f.map((x) => x.position)).toEqual([0, 1, 2, 3]);
    expect(f.map((x) => x.etaMinutes)).toEqual([0, 0, 6.25, 6.25]);
  });

  it('follows the dispatch rule: a priority visitor who came last is first', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    const normal = issue(hall, hall.service.pension, at('2026-11-23 09:00'));
    const elder = issue(hall, hall.service.pension, at('2026-11-23 09:05'), { person: visitor('周老伯', '19500101') });
    const [n, e] = forecastOf(hall, [normal.id, elder.id], at('2026-11-23 09:06'));
    expect(e).toMatchObject({ position: 0, etaMinutes: 0 });
    expect(n.position).toBe(1);
  });

  it('gives no time to tickets that no open window serves, only their place in their own queue', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    const a = issue(hall, hall.service.pension, at('2026-11-23 09:00'));
    const c1 = issue(hall, hall.service.property, at('2026-11-23 09:01'), { person: visitor('张三', '19800101') });
    const c2 = issue(hall, hall.service.property, at('2026-11-23 09:02'), { person: visitor('李四', '19800101', '002') });
    const [fa, f1, f2] = forecastOf(hall, [a.id, c1.id, c2.id], at('2026-11-23 09:03'));
    expect(fa.etaMinutes).toBe(0);
    expect(f1).toEqual({ ticketId: c1.id, position: 0, etaMinutes: null });
    expect(f2).toEqual({ ticketId: c2.id, position: 1, etaMinutes: null });
  });

  it('expects no window back from a meeting: it has no usual length', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    const a = issue(hall, hall.service.pension, at('2026-11-23 09:00'));
    run(hall.state, 'setWindowStatus', { windowId: hall.window.one, status: 'paused', reason: 'meeting' }, at('2026-11-23 09:01'));
    expect(forecastOf(hall, [a.id], at('2026-11-23 09:02'))[0].etaMinutes).toBeNull();
  });
});
