import { describe, expect, it } from 'vitest';
import { at, callNext, decide, issue, minutes, newHall, openWindow, run, serveNext, visitor } from './hall-fixture.js';

/** Monday ends untidily: tickets left in every state, a window still calling, a window still serving. */
function untidyMonday() {
  const hall = newHall();
  for (const w of [hall.window.one, hall.window.two, hall.window.three]) openWindow(hall, w, at('2026-11-23 09:00'));
  const done = issue(hall, hall.service.pension, at('2026-11-23 16:00'));
  serveNext(hall, hall.window.one, at('2026-11-23 16:01'), minutes(6));
  const noShow = issue(hall, hall.service.pension, at('2026-11-23 16:10'));
  callNext(hall, hall.window.one, at('2026-11-23 16:11'));
  run(hall.state, 'markNoShow', { windowId: hall.window.one }, at('2026-11-23 16:13'));
  const called = issue(hall, hall.service.pension, at('2026-11-23 16:20'));
  callNext(hall, hall.window.one, at('2026-11-23 16:21'));
  const serving = issue(hall, hall.service.transfer, at('2026-11-23 16:30'));
  callNext(hall, hall.window.two, at('2026-11-23 16:31'));
  run(hall.state, 'startService', { windowId: hall.window.two }, at('2026-11-23 16:32'));
  const waiting = issue(hall, hall.service.pension, at('2026-11-23 16:50'));
  run(hall.state, 'createAppointment', { serviceId: hall.service.pension, date: '2026-11-23', slotStart: '16:30', person: visitor('张三', '19800101'), code: '100001' }, at('2026-11-20 10:00'));
  const tomorrow = run(hall.state, 'createAppointment', { serviceId: hall.service.pension, date: '2026-11-24', slotStart: '10:00', person: visitor('李四', '19800101', '002'), code: '100002' }, at('2026-11-20 10:00'));
  return { hall, ids: { done: done.id, noShow: noShow.id, called: called.id, serving: serving.id, waiting: waiting.id }, tomorrow };
}

describe("closing the hall's day", () => {
  it("ends yesterday's leftovers: waiting, called and no-show tickets are cancelled, a case being served is done", () => {
    const { hall, ids } = untidyMonday();
    const decision = decide(hall.state, 'closeDay', {}, at('2026-11-24 00:00'));
    if (!decision.ok) throw new Error(decision.code);
    expect(decision.result).toEqual({ hallDay: '2026-11-24', ended: 4 });
    // The windows close first, as the evening would have closed them (after-hours.test.ts), with their visitors.
    const ended = new Map<number, string>();
    for (const event of decision.events) {
      if (event.type === 'window.statusChanged' && event.afterHours?.ticket) ended.set(event.afterHours.ticket.id, event.afterHours.ticket.status);
      if (event.type === 'day.closed') for (const t of event.tickets) ended.set(t.id, t.status);
    }
    expect(ended).toEqual(new Map([[ids.called, 'cancelled'], [ids.serving, 'done'], [ids.noShow, 'cancelled'], [ids.waiting, 'cancelled']]));
    const closed = decision.events.at(-1);
    if (closed?.type !== 'day.closed') throw new Error(closed?.type);
    expect(closed.appointments.map((a) => a.status)).toEqual(['missed']);
  });

  it("closes the windows still holding yesterday's ticket and the idle windows left open overnight, as of the day's end", () => {
    const { hall, ids } = untidyMonday();
    const decision = decide(hall.state, 'closeDay', {}, at('2026-11-24 00:00'));
    if (!decision.ok) throw new Error(decision.code);
    // The visitor called and never started ends at the call; the one at the counter (begun 16:32) after the
    // service's expected 10 minutes, when nobody knows when the clerk finished.
    const atCounters = decision.events.flatMap((e) => (e.type === 'window.statusChanged' && e.afterHours?.ticket ? [e.afterHours.ticket] : []));
    expect(atCounters.map((t) => [t.id, t.finishedAt])).toEqual([[ids.called, at('2026-11-23 16:21')], [ids.serving, at('2026-11-23 16:42')]]);
    run(hall.state, 'closeDay', {}, at('2026-11-24 00:00'));
    const closed = { status: 'closed', currentTicketId: null, staffId: null, statusSince: at('2026-11-23 17:00') };
    expect(hall.state.runtime.get(hall.window.one)).toMatchObject(closed);
    expect(hall.state.runtime.get(hall.window.two)).toMatchObject(closed);
    expect(hall.state.runtime.get(hall.window.three)).toMatchObject(closed);
  });

  it("takes yesterday's tickets, appointments and learned handling times out of memory", () => {
    const { hall, tomorrow } = untidyMonday();
    expect(hall.state.handling.size).toBe(1);
    run(hall.state, 'closeDay', {}, at('2026-11-24 00:00'));
    expect(hall.state.tickets.size).toBe(0);
    expect([...hall.state.appointments.keys()]).toEqual([tomorrow.id]);
    expect(hall.state.handling.size).toBe(0);
  });

  it('starts the numbers again the next morning, with ticket ids that keep counting', () => {
    const { hall, ids } = untidyMonday();
    run(hall.state, 'closeDay', {}, at('2026-11-24 00:00'));
    openWindow(hall, hall.window.one, at('2026-11-24 09:00'));
    const first = issue(hall, hall.service.pension, at('2026-11-24 09:00'));
    expect(first.number).toBe('A001');
    expect(first.id).toBeGreaterThan(ids.waiting);
    expect(callNext(hall, hall.window.one, at('2026-11-24 09:01')).id).toBe(first.id);
  });

  it('changes nothing when run again, or on a day with nothing left over', () => {
    const { hall } = untidyMonday();
    expect(decide(hall.state, 'closeDay', {}, at('2026-11-23 17:30'))).toEqual({ ok: true, events: [], result: { hallDay: '2026-11-23', ended: 0 } });
    run(hall.state, 'closeDay', {}, at('2026-11-24 00:00'));
    expect(decide(hall.state, 'closeDay', {}, at('2026-11-24 00:05'))).toMatchObject({ ok: true, events: [] });
  });

  it("follows the hall's midnight, which is 16:00 UTC", () => {
    const { hall } = untidyMonday();
    const decision = decide(hall.state, 'closeDay', {}, Date.UTC(2026, 10, 23, 15, 59));
    expect(decision).toMatchObject({ ok: true, events: [] });
    expect(decide(hall.state, 'closeDay', {}, Date.UTC(2026, 10, 23, 16, 0))).toMatchObject({ ok: true, result: { hallDay: '2026-11-24', ended: 4 } });
  });
});
