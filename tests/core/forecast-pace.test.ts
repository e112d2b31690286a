import { describe, expect, it } from 'vitest';
import { forecastQueue } from '../../server/core/forecast.js';
import { casePace } from '../../server/core/forecast/case-pace.js';
import { PaceLearner } from '../../server/core/forecast/pace.js';
import { at, callNext, issue, minutes, newHall, openWindow, run, type Hall } from './hall-fixture.js';

/** Three visitors served at window one from `from`, five minutes each, with the given walk-up and turnaround. */
function threeServed(hall: Hall, walkUpMs: number, turnaroundMs: number, from = '09:00'): void {
  let t = at(`2026-11-23 ${from}`);
  openWindow(hall, hall.window.one, t);
  for (let i = 0; i < 3; i++) issue(hall, hall.service.pension, t);
  for (let i = 0; i < 3; i++) {
    callNext(hall, hall.window.one, t);
    run(hall.state, 'startService', { windowId: hall.window.one }, t + walkUpMs);
    run(hall.state, 'finishService', { windowId: hall.window.one }, t + walkUpMs + minutes(5));
    t += walkUpMs + minutes(5) + turnaroundMs;
  }
}

function secondWaitAt(hall: Hall, now: number): number {
  const ids = [issue(hall, hall.service.pension, now).id, issue(hall, hall.service.pension, now).id];
  return forecastQueue(hall.state, now).get(ids[1])!.etaMinutes!;
}

describe('the time around each case, learned from the day', () => {
  it('visitors who take three minutes to reach the counter make each later call later', () => {
    const slow = newHall();
    const quick = newHall();
    threeServed(slow, minutes(3), 0);
    threeServed(quick, 0, 0);
    // Three walk-ups of 3 min and three of none, each against a 1-minute guess worth three: 2 min against 0.5 min.
    expect(casePace(slow.state).walkUpMs).toBe(minutes(2));
    expect(casePace(quick.state).walkUpMs).toBe(minutes(0.5));
    const now = at('2026-11-23 10:00');
    expect(secondWaitAt(slow, now) - secondWaitAt(quick, now)).toBeCloseTo(1.5);
  });

  it('counts the walk-up of a visitor called but not yet at the counter', () => {
    const hall = newHall();
    threeServed(hall, minutes(3), 0);
    const now = at('2026-11-23 10:00');
    issue(hall, hall.service.pension, now);
    const next = issue(hall, hall.service.pension, now);
    callNext(hall, hall.window.one, now);
    // Called at 10:00: expected at the counter at 10:02, done at 10:07, and the next call after the turnaround.
    const turnaround = casePace(hall.state).turnaroundMs;
    expect(forecastQueue(hall.state, now).get(next.id)!.etaMinutes).toBeCloseTo(7 + turnaround / 60_000);
  });

  it('windows that take a minute between a finish and the next call make each later call later', () => {
    const slow = newHall();
    const quick = newHall();
    threeServed(slow, 0, minutes(1));
    threeServed(quick, 0, 0);
    // Two turnarounds of a minute against the 15 s guess worth three.
    expect(casePace(slow.state).turnaroundMs).toBe((3 * 15_000 + 2 * 60_000) / 5);
    const now = at('2026-11-23 10:00');
    expect(secondWaitAt(slow, now) - secondWaitAt(quick, now)).toBeCloseTo((2 * 60_000) / 5 / 60_000);
  });

  it('a long-lived learner measures the case times again only every few minutes', () => {
    const hall = newHall();
    const learner = new PaceLearner();
    threeServed(hall, minutes(3), 0);
    expect(learner.pace(hall.state, at('2026-11-23 09:30')).walkUpMs).toBe(minutes(2));
    threeServed(hall, 0, 0, '09:30');
    expect(learner.pace(hall.state, at('2026-11-23 09:34')).walkUpMs).toBe(minutes(2));
    // Six walk-ups now: three of 3 min, three of none, and the guess.
    expect(learner.pace(hall.state, at('2026-11-23 09:35')).walkUpMs).toBe(minutes((3 + 9) / 9));
  });
});
