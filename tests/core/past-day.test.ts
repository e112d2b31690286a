import { describe, expect, it } from 'vitest';
import { at, callNext, issue, newHall, openWindow, refuse, run, staffActor, type Hall } from './hall-fixture.js';

/**
 * The moment after midnight, before the day close has run: yesterday's queue is still in memory. The hall here is
 * open around the clock, as the demo hall is, so tickets are issued on both sides of midnight.
 */
function acrossMidnight() {
  const hall = newHall({ hours: { days: [1, 2, 3, 4, 5, 6, 7], sessions: [{ start: '00:00', end: '00:00' }] } });
  openWindow(hall, hall.window.one, at('2026-11-23 23:00'));
  const missed = issue(hall, hall.service.pension, at('2026-11-23 23:50'));
  const lateA = issue(hall, hall.service.pension, at('2026-11-23 23:51'));
  const lateB = issue(hall, hall.service.pension, at('2026-11-23 23:52'));
  expect(callNext(hall, hall.window.one, at('2026-11-23 23:55')).id).toBe(missed.id);
  run(hall.state, 'markNoShow', { windowId: hall.window.one }, at('2026-11-23 23:56'));
  return { hall, lateA, lateB, missed };
}

const wang = (hall: Hall) => staffActor(hall.staffAt.get(hall.window.one)!);

describe("yesterday's queue in the moment before the day close", () => {
  it('is never called: call-next finds nobody, then calls the first ticket of the new day', () => {
    const { hall } = acrossMidnight();
    expect(refuse(hall.state, 'callNext', { windowId: hall.window.one }, at('2026-11-24 00:00:01'), wang(hall)).code).toBe('QUEUE_EMPTY');
    const first = issue(hall, hall.service.pension, at('2026-11-24 00:00:02'));
    expect(first).toMatchObject({ number: 'A001', hallDay: '2026-11-24' });
    expect(callNext(hall, hall.window.one, at('2026-11-24 00:00:03')).id).toBe(first.id);
  });

  it('is not called out of order, re-queued or transferred either, with a message naming the ticket and its day', () => {
    const { hall, lateA, lateB, missed } = acrossMidnight();
    const now = at('2026-11-24 00:00:01');
    const called = refuse(hall.state, 'callTicket', { windowId: hall.window.one, ticketId: lateA.id, reason: '急办' }, now, wang(hall));
    expect(called).toMatchObject({
      code: 'TICKET_OF_PAST_DAY', status: 409,
      message: {
        zh: 'A002 是 2026-11-23 的号码，该日已结束，不能再叫号、顺延或转移',
        en: 'Ticket A002 is from 2026-11-23, a hall day that is over; it cannot be called, re-queued or transferred',
      },
    });
    expect(refuse(hall.state, 'requeueTicket', { ticketId: missed.id }, now, wang(hall)).code).toBe('TICKET_OF_PAST_DAY');
    expect(refuse(hall.state, 'transferTicket', { ticketId: lateB.id, serviceId: hall.service.transfer }, now, wang(hall)).code).toBe('TICKET_OF_PAST_DAY');
  });

  it('is still worked as usual up to midnight', () => {
    const { hall, lateA, missed } = acrossMidnight();
    expect(callNext(hall, hall.window.one, at('2026-11-23 23:59:58')).id).toBe(lateA.id);
    run(hall.state, 'markNoShow', { windowId: hall.window.one }, at('2026-11-23 23:59:58'));
    expect(run(hall.state, 'requeueTicket', { ticketId: missed.id }, at('2026-11-23 23:59:59'), wang(hall)).status).toBe('waiting');
  });
});
