import { describe, expect, it } from 'vitest';
import type { HallSnapshot, PublicEvent } from '../../../protocol/realtime.js';
import type { TicketView, WindowView } from '../../../protocol/queue-entities.js';
import { applyEvent, fromSnapshot, shownCalls, waitingByService } from '../../../display-board/src/state/board-state.js';
import { windowStatus } from '../../../display-board/src/state/window-status.js';

const service = { zh: '社保参保登记', en: 'Pension Enrolment' };

function ticket(id: number, number: string, status: TicketView['status'], extra: Partial<TicketView> = {}): TicketView {
  return {
    id, visitId: id, number, status, channel: 'kiosk', serviceId: 1, serviceName: service, areaId: 1,
    person: { nameMasked: '张*', idMasked: '110105********0011' }, priorityClassId: null, windowId: null, windowNumber: null,
    targetWindowId: null, arrivedAt: 1, queueKey: id, calledAt: null, startedAt: null, finishedAt: null, recalls: 0, requeues: 0,
    hallDay: '2025-01-02', ...extra,
  };
}

function win(id: number, status: WindowView['status'], current: TicketView | null = null, pauseReason: WindowView['pauseReason'] = null): WindowView {
  return { id, number: id, name: { zh: `${id}号窗口`, en: `Window ${id}` }, areaId: 1, status, pauseReason, staffId: null, staffName: null, currentTicket: current };
}

function snapshot(): HallSnapshot {
  return {
    kind: 'hall',
    hall: { name: { zh: '大厅', en: 'Hall' }, notice: { zh: '公告', en: 'Notice' }, hallDay: '2025-01-02', timeZone: 'Asia/Shanghai', yellowWaitMinutes: 20, redWaitMinutes: 40 },
    areas: [], services: [],
    windows: [{ ...win(1, 'open'), lastTicket: null }, { ...win(2, 'closed'), lastTicket: null }],
    waiting: [ticket(1, 'A001', 'waiting'), ticket(2, 'A002', 'waiting')],
    recentCalls: [], forecasts: [],
  };
}

describe('the board picture from a snapshot and events', () => {
  it('moves a called ticket from waiting to the top of the calls, with its window', () => {
    const called = ticket(1, 'A001', 'called', { windowId: 1, windowNumber: 1, calledAt: 100 });
    const event: PublicEvent = { type: 'ticket.called', at: 100, ticket: called, window: win(1, 'open', called) };
    const s = applyEvent(fromSnapshot(snapshot()), event);
    expect(s.calls[0]).toMatchObject({ number: 'A001', windowNumber: 1, nameMasked: '张*', recall: false });
    expect(waitingByService(s).get(1)).toBe(1);
    expect(windowStatus(s.windows[0]).label.zh).toBe('呼叫中');
  });

  it('brings a recalled ticket back to the top once, marked as a recall', () => {
    let s = fromSnapshot(snapshot());
    for (const [id, at] of [[1, 100], [2, 200]] as const) {
      const t = ticket(id, `A00${id}`, 'called', { windowNumber: 1, calledAt: at });
      s = applyEvent(s, { type: 'ticket.called', at, ticket: t, window: win(1, 'open', t) });
    }
    const again = ticket(1, 'A001', 'called', { windowNumber: 1, calledAt: 100, recalls: 1 });
    s = applyEvent(s, { type: 'ticket.recalled', at: 300, ticket: again, window: win(1, 'open', again) });
    expect(s.calls.map((c) => [c.number, c.recall])).toEqual([['A001', true], ['A002', false]]);
  });

  it('follows window states into words: serving, paused with its reason, closed', () => {
    const serving = ticket(1, 'A001', 'serving', { windowNumber: 1 });
    let s = applyEvent(fromSnapshot(snapshot()), { type: 'ticket.started', at: 1, ticket: serving, window: win(1, 'open', serving) });
    expect(windowStatus(s.windows[0]).label.zh).toBe('办理中');
    s = applyEvent(s, { type: 'window.statusChanged', at: 2, window: win(1, 'paused', null, 'lunch') });
    expect(windowStatus(s.windows[0]).label).toEqual({ zh: '暂停(午休)', en: 'Paused (lunch)' });
    expect(windowStatus(s.windows[1]).label.zh).toBe('未开放');
  });

  it('counts issued, cancelled and transferred tickets where they now wait', () => {
    let s = fromSnapshot(snapshot());
    s = applyEvent(s, { type: 'ticket.issued', at: 1, ticket: ticket(3, 'A003', 'waiting') });
    s = applyEvent(s, { type: 'ticket.cancelled', at: 2, ticket: ticket(2, 'A002', 'cancelled') });
    s = applyEvent(s, { type: 'ticket.transferred', at: 3, previous: ticket(1, 'A001', 'transferred'), ticket: ticket(4, 'B001', 'waiting', { serviceId: 2 }) });
    expect([...waitingByService(s)]).toEqual([[1, 1], [2, 1]]);
  });

  const called = (id: number, number: string, windowNumber: number, at: number): PublicEvent => {
    const t = ticket(id, number, 'called', { windowId: windowNumber, windowNumber, calledAt: at });
    return { type: 'ticket.called', at, ticket: t, window: win(windowNumber, 'open', t) };
  };

  it('keeps a call on the card while its visitor is served and after, and clears it when the hall closes the window', () => {
    let s = applyEvent(applyEvent(fromSnapshot(snapshot()), called(1, 'A001', 1, 100)), called(2, 'A002', 1, 200));
    const serving = ticket(2, 'A002', 'serving', { windowNumber: 1 });
    s = applyEvent(s, { type: 'ticket.started', at: 210, ticket: serving, window: win(1, 'open', serving) });
    const done = ticket(2, 'A002', 'done', { windowNumber: 1 });
    s = applyEvent(s, { type: 'ticket.finished', at: 220, ticket: done, window: win(1, 'open') });
    expect(shownCalls(s, 8).latest?.number).toBe('A002');
    expect(shownCalls(s, 8).recent.map((c) => c.number)).toEqual(['A001']);

    s = applyEvent(s, { type: 'window.statusChanged', at: 300, window: win(1, 'closed') });
    expect(shownCalls(s, 8).latest).toBeNull();
    // Still listed: whoever missed their number sees they were called.
    expect(shownCalls(s, 8).recent.map((c) => c.number)).toEqual(['A002', 'A001']);
  });

  it('clears the card when the called visitor is marked a no-show, without bringing an older call back onto it', () => {
    let s = applyEvent(applyEvent(fromSnapshot(snapshot()), called(1, 'A001', 2, 100)), called(2, 'A002', 1, 200));
    s = applyEvent(s, { type: 'ticket.noShow', at: 300, ticket: ticket(2, 'A002', 'no_show', { windowNumber: 1 }), window: win(1, 'open') });
    expect(shownCalls(s, 8).latest).toBeNull();
    s = applyEvent(s, called(3, 'A003', 1, 400));
    expect(shownCalls(s, 8).latest?.number).toBe('A003');
    expect(shownCalls(s, 8).recent.map((c) => c.number)).toEqual(['A002', 'A001']);
  });

  it('from a snapshot, does not put on the card a call whose window has closed or whose visitor never came', () => {
    const atClosed = ticket(5, 'C006', 'cancelled', { windowNumber: 2, calledAt: 500 });
    const noShow = ticket(4, 'C005', 'no_show', { windowNumber: 1, calledAt: 400 });
    const standing = ticket(3, 'C004', 'called', { windowNumber: 1, calledAt: 300 });
    const s = fromSnapshot({ ...snapshot(), recentCalls: [atClosed, noShow, standing] });
    expect(shownCalls(s, 8).latest).toBeNull();
    expect(shownCalls(fromSnapshot({ ...snapshot(), recentCalls: [standing] }), 8).latest?.number).toBe('C004');
    // Window 2 of the snapshot is closed: even a served call there no longer sends anyone to it.
    const servedThere = ticket(6, 'C007', 'done', { windowNumber: 2, calledAt: 600 });
    expect(shownCalls(fromSnapshot({ ...snapshot(), recentCalls: [servedThere, standing] }), 8).latest).toBeNull();
  });

  it('ignores event types it does not know', () => {
    const s = fromSnapshot(snapshot());
    expect(applyEvent(s, { type: 'appointment.booked', at: 1 })).toBe(s);
  });
});
