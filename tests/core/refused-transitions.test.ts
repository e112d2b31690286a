import { describe, expect, it } from 'vitest';
import type { TicketStatus } from '../../protocol/queue-entities.js';
import { at, callNext, issue, newHall, openWindow, refuse, run, staffActor, type Hall } from './hall-fixture.js';

const stateZh: Record<TicketStatus, string> = {
  waiting: '等候中', called: '已呼叫', serving: '办理中', done: '已办结', no_show: '过号', cancelled: '已取消', transferred: '已转移',
};

/** A hall with windows 1 and 2 open and one pension ticket brought into the given state (at window 1 if it got there). */
function ticketIn(status: TicketStatus): { hall: Hall; ticketId: number; now: number } {
  const hall = newHall();
  openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
  openWindow(hall, hall.window.two, at('2026-11-23 09:00'));
  const { id } = issue(hall, hall.service.pension, at('2026-11-23 09:01'));
  const w = { windowId: hall.window.one };
  const now = at('2026-11-23 09:30');
  if (status === 'waiting') return { hall, ticketId: id, now };
  if (status === 'cancelled') {
    run(hall.state, 'cancelTicket', { ticketId: id }, at('2026-11-23 09:02'));
    return { hall, ticketId: id, now };
  }
  if (status === 'transferred') {
    run(hall.state, 'transferTicket', { ticketId: id, serviceId: hall.service.transfer }, at('2026-11-23 09:02'));
    return { hall, ticketId: id, now };
  }
  callNext(hall, hall.window.one, at('2026-11-23 09:02'));
  if (status === 'no_show') run(hall.state, 'markNoShow', w, at('2026-11-23 09:05'));
  if (status === 'serving' || status === 'done') run(hall.state, 'startService', w, at('2026-11-23 09:03'));
  if (status === 'done') run(hall.state, 'finishService', w, at('2026-11-23 09:09'));
  return { hall, ticketId: id, now };
}

const stateEn: Record<TicketStatus, string> = {
  waiting: 'waiting', called: 'called', serving: 'being served', done: 'done', no_show: 'a no-show', cancelled: 'cancelled', transferred: 'transferred',
};

function expectNamesState(err: { code: string; message: { zh: string; en: string } }, status: TicketStatus) {
  expect(err.code).toBe('INVALID_TRANSITION');
  expect(err.message.zh).toContain(`“${stateZh[status]}”`);
  expect(err.message.en).toContain(`is ${stateEn[status]};`);
}

describe('a refused ticket transition names the state and changes nothing', () => {
  const notWaiting: TicketStatus[] = ['called', 'serving', 'done', 'no_show', 'cancelled', 'transferred'];

  it.each(notWaiting)('calling a specific %s ticket is refused', (status) => {
    const { hall, ticketId, now } = ticketIn(status);
    const err = refuse(hall.state, 'callTicket', { windowId: hall.window.two, ticketId, reason: '插队办理' }, now, staffActor(hall.staff.li));
    expectNamesState(err, status);
    expect(err.message.zh).toContain('不能呼叫');
  });

  it.each(notWaiting)('cancelling a %s ticket is refused', (status) => {
    const { hall, ticketId, now } = ticketIn(status);
    const err = refuse(hall.state, 'cancelTicket', { ticketId }, now);
    expectNamesState(err, status);
    expect(err.message.en).toContain('cannot cancel it');
  });

  it.each(['waiting', 'called', 'serving', 'done', 'cancelled', 'transferred'] as TicketStatus[])('re-queueing a %s ticket is refused', (status) => {
    const { hall, ticketId, now } = ticketIn(status);
    const err = refuse(hall.state, 'requeueTicket', { ticketId }, now);
    expectNamesState(err, status);
    expect(err.message.zh).toContain('不能顺延');
  });

  it.each(['done', 'no_show', 'cancelled', 'transferred'] as TicketStatus[])('transferring a %s ticket is refused', (status) => {
    const { hall, ticketId, now } = ticketIn(status);
    const err = refuse(hall.state, 'transferTicket', { ticketId, serviceId: hall.service.property }, now);
    expectNamesState(err, status);
  });

  it('recalling a visitor already being served is refused', () => {
    const { hall, now } = ticketIn('serving');
    expectNamesState(refuse(hall.state, 'recall', { windowId: hall.window.one }, now), 'serving');
  });

  it('starting a visitor already being served is refused', () => {
    const { hall, now } = ticketIn('serving');
    expectNamesState(refuse(hall.state, 'startService', { windowId: hall.window.one }, now), 'serving');
  });

  it('finishing a visitor who was called but never started is refused', () => {
    const { hall, now } = ticketIn('called');
    const err = refuse(hall.state, 'finishService', { windowId: hall.window.one }, now);
    expectNamesState(err, 'called');
    expect(err.message.en).toBe('The ticket is called; cannot finish it');
  });

  it('marking a visitor already being served as no-show is refused', () => {
    const { hall, now } = ticketIn('serving');
    expectNamesState(refuse(hall.state, 'markNoShow', { windowId: hall.window.one }, now), 'serving');
  });

  it.each(['recall', 'startService', 'finishService', 'markNoShow'] as const)('%s at a window with nobody at the counter is refused as idle', (name) => {
    const { hall, now } = ticketIn('done');
    expect(refuse(hall.state, name, { windowId: hall.window.one }, now).code).toBe('WINDOW_IDLE');
  });

  it('a transfer to the service the ticket already has, without a window, is refused', () => {
    const { hall, ticketId, now } = ticketIn('waiting');
    expect(refuse(hall.state, 'transferTicket', { ticketId, serviceId: hall.service.pension }, now).code).toBe('TRANSFER_SAME');
  });

  it('a command about a ticket that does not exist is refused as not found', () => {
    const { hall, now } = ticketIn('waiting');
    const err = refuse(hall.state, 'cancelTicket', { ticketId: 999 }, now);
    expect(err).toMatchObject({ code: 'NOT_FOUND', status: 404, message: { zh: '票号不存在', en: 'Ticket not found' } });
  });
});
