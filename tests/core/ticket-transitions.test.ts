import { describe, expect, it } from 'vitest';
import { decide, issue, newHall, openWindow, run, staffActor, ticketOf, at, callNext, minutes } from './hall-fixture.js';

function morning() {
  const hall = newHall();
  openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
  openWindow(hall, hall.window.two, at('2026-11-23 09:00'));
  return hall;
}

describe('a ticket through the day', () => {
  it('is issued waiting, numbered by its service, with its arrival time and hall day', () => {
    const hall = morning();
    const t = issue(hall, hall.service.pension, at('2026-11-23 09:01'));
    expect(t).toMatchObject({
      number: 'A001', status: 'waiting', channel: 'kiosk', serviceId: hall.service.pension, arrivedAt: at('2026-11-23 09:01'),
      queueKey: at('2026-11-23 09:01'), hallDay: '2026-11-23', windowId: null, visitId: t.id,
    });
    expect(ticketOf(hall, t.id)).toEqual(t);
  });

  it('is called by call next to the window, recording who called it and when', () => {
    const hall = morning();
    const t = issue(hall, hall.service.pension, at('2026-11-23 09:01'));
    const called = callNext(hall, hall.window.one, at('2026-11-23 09:02'));
    expect(called).toMatchObject({ id: t.id, status: 'called', windowId: hall.window.one, staffId: hall.staff.wang, calledAt: at('2026-11-23 09:02') });
    expect(hall.state.runtime.get(hall.window.one)?.currentTicketId).toBe(t.id);
  });

  it('can be recalled while called, which counts the recall and keeps it called', () => {
    const hall = morning();
    issue(hall, hall.service.pension, at('2026-11-23 09:01'));
    callNext(hall, hall.window.one, at('2026-11-23 09:02'));
    run(hall.state, 'recall', { windowId: hall.window.one }, at('2026-11-23 09:03'));
    const again = run(hall.state, 'recall', { windowId: hall.window.one }, at('2026-11-23 09:04'));
    expect(again).toMatchObject({ status: 'called', recalls: 2, calledAt: at('2026-11-23 09:02') });
  });

  it('is served from start to finish, after which the window is free and the handling time is learned', () => {
    const hall = morning();
    const t = issue(hall, hall.service.pension, at('2026-11-23 09:01'));
    callNext(hall, hall.window.one, at('2026-11-23 09:02'));
    const serving = run(hall.state, 'startService', { windowId: hall.window.one }, at('2026-11-23 09:03'));
    expect(serving).toMatchObject({ status: 'serving', startedAt: at('2026-11-23 09:03') });
    const done = run(hall.state, 'finishService', { windowId: hall.window.one }, at('2026-11-23 09:10'));
    expect(done).toMatchObject({ id: t.id, status: 'done', finishedAt: at('2026-11-23 09:10') });
    expect(hall.state.runtime.get(hall.window.one)?.currentTicketId).toBeNull();
    expect(hall.state.handling.get(hall.service.pension)).toEqual({ count: 1, meanMs: minutes(7) });
  });

  it('is marked no-show when the called visitor does not come, freeing the window', () => {
    const hall = morning();
    const t = issue(hall, hall.service.pension, at('2026-11-23 09:01'));
    callNext(hall, hall.window.one, at('2026-11-23 09:02'));
    const gone = run(hall.state, 'markNoShow', { windowId: hall.window.one }, at('2026-11-23 09:05'));
    expect(gone).toMatchObject({ id: t.id, status: 'no_show' });
    expect(hall.state.runtime.get(hall.window.one)?.currentTicketId).toBeNull();
  });

  it('waits again, with the same number, when a no-show comes back and is re-queued', () => {
    const hall = morning();
    const t = issue(hall, hall.service.pension, at('2026-11-23 09:01'));
    callNext(hall, hall.window.one, at('2026-11-23 09:02'));
    run(hall.state, 'markNoShow', { windowId: hall.window.one }, at('2026-11-23 09:05'));
    const back = run(hall.state, 'requeueTicket', { ticketId: t.id }, at('2026-11-23 09:20'));
    expect(back).toMatchObject({ id: t.id, number: 'A001', status: 'waiting', requeues: 1, windowId: null, calledAt: null });
    expect(callNext(hall, hall.window.one, at('2026-11-23 09:21')).id).toBe(t.id);
  });

  it('can be called out of order by staff, and the event keeps the reason for the audit log', () => {
    const hall = morning();
    issue(hall, hall.service.pension, at('2026-11-23 09:01'));
    const third = issue(hall, hall.service.pension, at('2026-11-23 09:02'));
    const decision = decide(hall.state, 'callTicket', { windowId: hall.window.one, ticketId: third.id, reason: '家属陪同，行动不便' }, at('2026-11-23 09:03'), staffActor(hall.staff.wang));
    expect(decision.ok && decision.events).toEqual([expect.objectContaining({ type: 'ticket.called', outOfOrderReason: '家属陪同，行动不便' })]);
    const called = run(hall.state, 'callTicket', { windowId: hall.window.one, ticketId: third.id, reason: '家属陪同，行动不便' }, at('2026-11-23 09:03'), staffActor(hall.staff.wang));
    expect(called).toMatchObject({ id: third.id, status: 'called', windowId: hall.window.one, staffId: hall.staff.wang });
  });

  it('can be cancelled while waiting, keeping the reason on the event', () => {
    const hall = morning();
    const t = issue(hall, hall.service.pension, at('2026-11-23 09:01'));
    const decision = decide(hall.state, 'cancelTicket', { ticketId: t.id, reason: '材料不全' }, at('2026-11-23 09:04'));
    expect(decision.ok && decision.events[0]).toMatchObject({ type: 'ticket.cancelled', reason: '材料不全' });
    const cancelled = run(hall.state, 'cancelTicket', { ticketId: t.id, reason: '材料不全' }, at('2026-11-23 09:04'));
    expect(cancelled).toMatchObject({ status: 'cancelled', finishedAt: at('2026-11-23 09:04') });
  });
});

describe('transfers', () => {
  it('end the served leg and open a waiting leg of the other service with the same number, visit and arrival time', () => {
    const hall = morning();
    const t = issue(hall, hall.service.pension, at('2026-11-23 09:00'));
    callNext(hall, hall.window.one, at('2026-11-23 09:05'));
    run(hall.state, 'startService', { windowId: hall.window.one }, at('2026-11-23 09:06'));
    const next = run(hall.state, 'transferTicket', { ticketId: t.id, serviceId: hall.service.transfer }, at('2026-11-23 09:15'));
    expect(ticketOf(hall, t.id)).toMatchObject({ status: 'transferred', finishedAt: at('2026-11-23 09:15') });
    expect(next).toMatchObject({
      status: 'waiting', channel: 'transfer', serviceId: hall.service.transfer, number: 'A001', visitId: t.id,
      arrivedAt: at('2026-11-23 09:00'), queueKey: at('2026-11-23 09:00'), transferredFromId: t.id, targetWindowId: null,
    });
    expect(next.id).not.toBe(t.id);
    expect(hall.state.runtime.get(hall.window.one)?.currentTicketId).toBeNull();
  });

  it('keep the visitor ahead of people of the new service who arrived after them', () => {
    const hall = morning();
    const t = issue(hall, hall.service.pension, at('2026-11-23 09:00'));
    issue(hall, hall.service.transfer, at('2026-11-23 09:10'));
    run(hall.state, 'transferTicket', { ticketId: t.id, serviceId: hall.service.transfer }, at('2026-11-23 09:12'));
    expect(callNext(hall, hall.window.two, at('2026-11-23 09:13')).number).toBe('A001');
  });

  it('to a window are called there before anything else, and by no other window', () => {
    const hall = morning();
    issue(hall, hall.service.transfer, at('2026-11-23 09:00'));
    issue(hall, hall.service.transfer, at('2026-11-23 09:01'));
    const t = issue(hall, hall.service.pension, at('2026-11-23 09:05'));
    expect(callNext(hall, hall.window.one, at('2026-11-23 09:06')).id).toBe(t.id);
    const next = run(hall.state, 'transferTicket', { ticketId: t.id, windowId: hall.window.two }, at('2026-11-23 09:08'));
    expect(next).toMatchObject({ targetWindowId: hall.window.two, serviceId: hall.service.pension, number: 'A001', arrivedAt: at('2026-11-23 09:05') });
    expect(callNext(hall, hall.window.one, at('2026-11-23 09:09')).number).toBe('B001');
    expect(callNext(hall, hall.window.two, at('2026-11-23 09:09'))).toMatchObject({ id: next.id, number: 'A001' });
  });

  it('of a called ticket free the window that called it', () => {
    const hall = morning();
    const t = issue(hall, hall.service.pension, at('2026-11-23 09:00'));
    callNext(hall, hall.window.one, at('2026-11-23 09:01'));
    run(hall.state, 'transferTicket', { ticketId: t.id, serviceId: hall.service.transfer }, at('2026-11-23 09:02'));
    expect(hall.state.runtime.get(hall.window.one)?.currentTicketId).toBeNull();
    expect(callNext(hall, hall.window.two, at('2026-11-23 09:03'))).toMatchObject({ number: 'A001', serviceId: hall.service.transfer });
  });
});
