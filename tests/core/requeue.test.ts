import { describe, expect, it } from 'vitest';
import { at, callNext, callOrder, issue, newHall, openWindow, refuse, run, type Hall } from './hall-fixture.js';

/** A001 is called at window 1 and does not come; then `waiting` more pension tickets queue behind. */
function noShowWith(waiting: number, settings = {}): { hall: Hall; noShowId: number } {
  const hall = newHall(settings);
  openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
  const first = issue(hall, hall.service.pension, at('2026-11-23 09:00'));
  callNext(hall, hall.window.one, at('2026-11-23 09:01'));
  run(hall.state, 'markNoShow', { windowId: hall.window.one }, at('2026-11-23 09:03'));
  for (let i = 0; i < waiting; i++) issue(hall, hall.service.pension, at('2026-11-23 09:04') + i * 1000);
  return { hall, noShowId: first.id };
}

describe('过号顺延: re-queueing a no-show', () => {
  it('puts the visitor three places behind the head by default', () => {
    const { hall, noShowId } = noShowWith(5);
    run(hall.state, 'requeueTicket', { ticketId: noShowId }, at('2026-11-23 09:10'));
    expect(callOrder(hall, hall.window.one, 6, at('2026-11-23 09:11'))).toEqual(['A002', 'A003', 'A004', 'A001', 'A005', 'A006']);
  });

  it('puts the visitor the configured number of places behind the head', () => {
    const { hall, noShowId } = noShowWith(4, { requeueOffset: 1 });
    run(hall.state, 'requeueTicket', { ticketId: noShowId }, at('2026-11-23 09:10'));
    expect(callOrder(hall, hall.window.one, 5, at('2026-11-23 09:11'))).toEqual(['A002', 'A001', 'A003', 'A004', 'A005']);
  });

  it('puts the visitor at the head when the offset is zero', () => {
    const { hall, noShowId } = noShowWith(3, { requeueOffset: 0 });
    run(hall.state, 'requeueTicket', { ticketId: noShowId }, at('2026-11-23 09:10'));
    expect(callNext(hall, hall.window.one, at('2026-11-23 09:11')).number).toBe('A001');
  });

  it('puts the visitor at the end when fewer than that many are waiting', () => {
    const { hall, noShowId } = noShowWith(2);
    run(hall.state, 'requeueTicket', { ticketId: noShowId }, at('2026-11-23 09:10'));
    issue(hall, hall.service.pension, at('2026-11-23 09:12'));
    expect(callOrder(hall, hall.window.one, 4, at('2026-11-23 09:13'))).toEqual(['A002', 'A003', 'A001', 'A004']);
  });

  it('makes the visitor next when nobody else is waiting', () => {
    const { hall, noShowId } = noShowWith(0);
    run(hall.state, 'requeueTicket', { ticketId: noShowId }, at('2026-11-23 09:10'));
    issue(hall, hall.service.pension, at('2026-11-23 09:11'));
    expect(callNext(hall, hall.window.one, at('2026-11-23 09:12')).number).toBe('A001');
  });

  it('keeps the number and arrival time and counts the re-queue', () => {
    const { hall, noShowId } = noShowWith(1);
    const back = run(hall.state, 'requeueTicket', { ticketId: noShowId }, at('2026-11-23 09:10'));
    expect(back).toMatchObject({ id: noShowId, number: 'A001', arrivedAt: at('2026-11-23 09:00'), requeues: 1, status: 'waiting' });
  });

  it('refuses once the visitor has been re-queued the maximum number of times', () => {
    const { hall, noShowId } = noShowWith(0, { maxRequeues: 2 });
    for (const minute of [10, 20]) {
      run(hall.state, 'requeueTicket', { ticketId: noShowId }, at(`2026-11-23 09:${minute}`));
      callNext(hall, hall.window.one, at(`2026-11-23 09:${minute + 1}`));
      run(hall.state, 'markNoShow', { windowId: hall.window.one }, at(`2026-11-23 09:${minute + 3}`));
    }
    const err = refuse(hall.state, 'requeueTicket', { ticketId: noShowId }, at('2026-11-23 09:30'));
    expect(err).toMatchObject({ code: 'REQUEUE_LIMIT', message: { zh: '该票号已顺延 2 次，不能再顺延', en: 'This ticket has been re-queued 2 times already' } });
  });

  it('is not allowed at all when the hall sets the limit to zero', () => {
    const { hall, noShowId } = noShowWith(0, { maxRequeues: 0 });
    expect(refuse(hall.state, 'requeueTicket', { ticketId: noShowId }, at('2026-11-23 09:10')).code).toBe('REQUEUE_LIMIT');
  });
});
