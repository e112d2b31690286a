import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../server/core/events.js';
import { evolve } from '../../server/core/evolve.js';
import type { WindowRuntime } from '../../server/core/types.js';
import { at, callNext, decide, issue, minutes, newHall, openWindow, run, serveNext, ticketOf, type Hall } from './hall-fixture.js';

type AfterHoursClose = Extract<DomainEvent, { type: 'window.statusChanged' }> & { afterHours: NonNullable<unknown> };

/**
 * The hall's hours in the fixture: Monday to Friday, 09:00-12:00 and 13:30-17:00. 2026-11-23 is a Monday. The
 * scheduler asks every minute; `everyMinute` does the same and says when the hall first closed something.
 */
function everyMinute(hall: Hall, from: string, to: string): { at: number; events: AfterHoursClose[] } | null {
  for (let now = at(from); now <= at(to); now += minutes(1)) {
    const decision = decide(hall.state, 'closeWindowsAfterHours', {}, now);
    if (!decision.ok) throw new Error(decision.code);
    if (decision.events.length === 0) continue;
    run(hall.state, 'closeWindowsAfterHours', {}, now);
    return { at: now, events: decision.events as AfterHoursClose[] };
  }
  return null;
}

const runtimeOf = (hall: Hall, windowId: number): WindowRuntime => hall.state.runtime.get(windowId)!;

describe('a window left open after the hall closes', () => {
  it('is closed by the hall an hour after the last session, recorded as closed when the session ended', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    issue(hall, hall.service.pension, at('2026-11-23 16:30'));
    serveNext(hall, hall.window.one, at('2026-11-23 16:31'), minutes(9));

    expect(everyMinute(hall, '2026-11-23 16:41', '2026-11-23 17:59')).toBeNull();
    const closed = everyMinute(hall, '2026-11-23 18:00', '2026-11-23 23:59')!;
    expect(closed.at).toBe(at('2026-11-23 18:00'));
    expect(closed.events).toHaveLength(1);
    expect(closed.events[0].afterHours).toEqual({ endedAt: at('2026-11-23 17:00'), ticket: null });
    expect(runtimeOf(hall, hall.window.one)).toMatchObject({ status: 'closed', staffId: null, currentTicketId: null, statusSince: at('2026-11-23 17:00') });
  });

  it('ends a visitor only called as a no-show at the call, and finishes a visitor at the counter when the session ended', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 13:35'));
    openWindow(hall, hall.window.two, at('2026-11-23 13:35'));
    issue(hall, hall.service.pension, at('2026-11-23 13:35'));
    issue(hall, hall.service.transfer, at('2026-11-23 16:40'));
    const called = callNext(hall, hall.window.one, at('2026-11-23 13:36'));
    const served = callNext(hall, hall.window.two, at('2026-11-23 16:44'));
    run(hall.state, 'startService', { windowId: hall.window.two }, at('2026-11-23 16:45'));

    const closed = everyMinute(hall, '2026-11-23 17:00', '2026-11-23 23:59')!;
    expect(closed.at).toBe(at('2026-11-23 18:00'));
    expect(closed.events.map((e) => e.runtime.windowId)).toEqual([hall.window.one, hall.window.two]);
    expect(ticketOf(hall, called.id)).toMatchObject({ status: 'cancelled', calledAt: at('2026-11-23 13:36'), finishedAt: at('2026-11-23 13:36') });
    // When the clerk really finished is unknown: the service's expected 10 minutes, so its figures are neither cut
    // short nor stretched to the close.
    expect(ticketOf(hall, served.id)).toMatchObject({ status: 'done', startedAt: at('2026-11-23 16:45'), finishedAt: at('2026-11-23 16:55') });
    expect(closed.events[1].afterHours.endedAt).toBe(at('2026-11-23 17:00'));
    // Nobody knows how long that visitor really took: the day's handling estimate does not learn it.
    expect(hall.state.handling.get(hall.service.transfer)).toBeUndefined();
    expect(hall.state.active.size).toBe(0);
  });

  it('closes a window left paused for lunch, its pause ending with the hours', () => {
    const hall = newHall();
    openWindow(hall, hall.window.three, at('2026-11-23 09:00'));
    run(hall.state, 'setWindowStatus', { windowId: hall.window.three, status: 'paused', reason: 'lunch' }, at('2026-11-23 12:00'));
    expect(everyMinute(hall, '2026-11-23 12:00', '2026-11-23 17:59')).toBeNull();
    expect(everyMinute(hall, '2026-11-23 18:00', '2026-11-23 18:00')?.events[0].runtime).toMatchObject({ status: 'closed', pauseReason: null, statusSince: at('2026-11-23 17:00') });
  });
});

describe('overtime (延时服务)', () => {
  it('is not interrupted while the window calls and serves, however late; it closes an hour after the last action', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    for (const time of ['16:50', '16:52', '16:55', '16:58']) issue(hall, hall.service.pension, at(`2026-11-23 ${time}`));
    // Served slowly, one every forty minutes, well into the evening.
    serveNext(hall, hall.window.one, at('2026-11-23 17:10'), minutes(20));
    expect(everyMinute(hall, '2026-11-23 17:30', '2026-11-23 18:20')).toBeNull();
    serveNext(hall, hall.window.one, at('2026-11-23 18:20'), minutes(30));
    expect(everyMinute(hall, '2026-11-23 18:50', '2026-11-23 19:40')).toBeNull();
    // The last visitor is called and recalled, and never comes: recalls are work too.
    const last = callNext(hall, hall.window.one, at('2026-11-23 19:40'));
    run(hall.state, 'recall', { windowId: hall.window.one }, at('2026-11-23 20:20'));
    expect(everyMinute(hall, '2026-11-23 19:40', '2026-11-23 21:19')).toBeNull();
    const closed = everyMinute(hall, '2026-11-23 21:20', '2026-11-23 23:59')!;
    expect(closed.at).toBe(at('2026-11-23 21:20'));
    expect(closed.events[0].afterHours.endedAt).toBe(at('2026-11-23 20:20'));
    expect(ticketOf(hall, last.id)).toMatchObject({ status: 'cancelled', finishedAt: at('2026-11-23 20:20') });
  });

  it('gives a visitor of a long service twice its handling time at the counter before the hall steps in', () => {
    const hall = newHall();
    const long = { ...hall.state.services.get(hall.service.property)!, defaultHandlingMinutes: 45, idRequired: false };
    run(hall.state, 'saveService', long, at('2026-11-23 08:00'));
    openWindow(hall, hall.window.three, at('2026-11-23 09:00'));
    issue(hall, long.id, at('2026-11-23 16:50'));
    callNext(hall, hall.window.three, at('2026-11-23 17:20'));
    run(hall.state, 'startService', { windowId: hall.window.three }, at('2026-11-23 17:30'));
    expect(everyMinute(hall, '2026-11-23 17:30', '2026-11-23 18:59')).toBeNull();
    const closed = everyMinute(hall, '2026-11-23 19:00', '2026-11-23 23:59')!;
    expect(closed.at).toBe(at('2026-11-23 19:00'));
    // Begun after hours: 45 minutes counted, not none, and the window open until then.
    expect(closed.events[0].afterHours.ticket).toMatchObject({ status: 'done', startedAt: at('2026-11-23 17:30'), finishedAt: at('2026-11-23 18:15') });
    expect(closed.events[0].afterHours.endedAt).toBe(at('2026-11-23 18:15'));
  });

  it('runs to the end of the hours of the services the window serves, when they open later than the hall', () => {
    const hall = newHall();
    const evening = { days: [1, 2, 3, 4, 5], sessions: [{ start: '09:00', end: '20:00' }] };
    run(hall.state, 'saveService', { ...hall.state.services.get(hall.service.property)!, hours: evening }, at('2026-11-23 08:00'));
    openWindow(hall, hall.window.three, at('2026-11-23 09:00'));
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    const closed = everyMinute(hall, '2026-11-23 17:00', '2026-11-23 23:59')!;
    expect(closed.at).toBe(at('2026-11-23 18:00'));
    expect(closed.events.map((e) => e.runtime.windowId)).toEqual([hall.window.one]);
    const later = everyMinute(hall, '2026-11-23 18:01', '2026-11-23 23:59')!;
    expect(later.at).toBe(at('2026-11-23 21:00'));
    expect(later.events[0].afterHours.endedAt).toBe(at('2026-11-23 20:00'));
  });
});

describe('a day without sessions', () => {
  it('ends the window at its last action: on a Saturday the hall does not work, an hour after that', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-28 10:00'));
    run(hall.state, 'setWindowStatus', { windowId: hall.window.one, status: 'paused', reason: 'break' }, at('2026-11-28 10:20'));
    run(hall.state, 'setWindowStatus', { windowId: hall.window.one, status: 'open' }, at('2026-11-28 10:30'));
    const closed = everyMinute(hall, '2026-11-28 10:30', '2026-11-28 23:59')!;
    expect(closed.at).toBe(at('2026-11-28 11:30'));
    expect(closed.events[0].afterHours.endedAt).toBe(at('2026-11-28 10:30'));
  });

  it('counts a holiday as a day without sessions, whatever its weekday', () => {
    const hall = newHall({ followUp: { contactHours: 24, rectifyWorkingDays: 5, holidays: ['2026-11-25'], workdays: [] } });
    openWindow(hall, hall.window.one, at('2026-11-25 09:00'));
    expect(everyMinute(hall, '2026-11-25 09:00', '2026-11-25 23:59')?.at).toBe(at('2026-11-25 10:00'));
  });
});

describe('the midnight close, for what the evening left open', () => {
  /** The same afternoon: two windows left as their clerks walked away from them, one still calling, one serving. */
  function untidyAfternoon(): Hall {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 13:35'));
    openWindow(hall, hall.window.two, at('2026-11-23 09:00'));
    issue(hall, hall.service.pension, at('2026-11-23 13:35'));
    issue(hall, hall.service.transfer, at('2026-11-23 16:40'));
    callNext(hall, hall.window.one, at('2026-11-23 13:36'));
    callNext(hall, hall.window.two, at('2026-11-23 17:20'));
    run(hall.state, 'startService', { windowId: hall.window.two }, at('2026-11-23 17:25'));
    return hall;
  }
  const endings = (hall: Hall) => ({
    windows: [...hall.state.runtime.values()].map((r) => [r.windowId, r.status, r.statusSince]),
    tickets: [...hall.state.tickets.values()].map((t) => [t.number, t.status, t.finishedAt]),
  });

  it('records the same ends whether or not the server ran that evening', () => {
    const ranAllEvening = untidyAfternoon();
    expect(everyMinute(ranAllEvening, '2026-11-23 17:26', '2026-11-23 23:59')?.at).toBe(at('2026-11-23 18:00'));
    expect(everyMinute(ranAllEvening, '2026-11-23 18:01', '2026-11-23 23:59')?.at).toBe(at('2026-11-23 18:25'));
    const offAllEvening = untidyAfternoon();
    const decision = decide(offAllEvening.state, 'closeDay', {}, at('2026-11-24 08:00'));
    if (!decision.ok) throw new Error(decision.code);
    expect(decision.result).toEqual({ hallDay: '2026-11-24', ended: 2 });
    expect(decision.events.map((e) => e.type)).toEqual(['window.statusChanged', 'window.statusChanged', 'day.closed']);
    const closes = decision.events.slice(0, 2) as AfterHoursClose[];
    expect(closes.map((e) => e.afterHours.endedAt)).toEqual([at('2026-11-23 17:00'), at('2026-11-23 17:35')]);

    // Compared before the day's close lets the day's tickets go from memory.
    for (const event of closes) evolve(offAllEvening.state, event);
    expect(endings(offAllEvening)).toEqual(endings(ranAllEvening));
    expect(endings(ranAllEvening).tickets).toEqual([
      ['A001', 'cancelled', at('2026-11-23 13:36')],
      ['B001', 'done', at('2026-11-23 17:35')],
    ]);
  });
});
