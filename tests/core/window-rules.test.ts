import { describe, expect, it } from 'vitest';
import { at, callNext, decide, issue, newHall, openWindow, refuse, run, staffActor } from './hall-fixture.js';

describe('window rules', () => {
  it('a closed window cannot call', () => {
    const hall = newHall();
    issue(hall, hall.service.pension, at('2026-11-23 09:01'));
    expect(hall.state.runtime.get(hall.window.one)?.status).toBe('closed');
    const err = refuse(hall.state, 'callNext', { windowId: hall.window.one }, at('2026-11-23 09:02'));
    expect(err).toMatchObject({ code: 'WINDOW_CLOSED', message: { zh: '窗口未开放', en: 'The window is closed' } });
  });

  it('a paused window cannot call, and the pause keeps its reason, time and staff member', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    const t = issue(hall, hall.service.pension, at('2026-11-23 11:59'));
    const paused = run(hall.state, 'setWindowStatus', { windowId: hall.window.one, status: 'paused', reason: 'lunch' }, at('2026-11-23 12:00'), staffActor(hall.staff.wang));
    expect(paused).toMatchObject({ status: 'paused', pauseReason: 'lunch', staffId: hall.staff.wang, statusSince: at('2026-11-23 12:00') });
    expect(refuse(hall.state, 'callNext', { windowId: hall.window.one }, at('2026-11-23 12:10')).code).toBe('WINDOW_PAUSED');
    expect(refuse(hall.state, 'callTicket', { windowId: hall.window.one, ticketId: t.id, reason: '急事' }, at('2026-11-23 12:10')).code).toBe('WINDOW_PAUSED');
    openWindow(hall, hall.window.one, at('2026-11-23 13:30'));
    expect(hall.state.runtime.get(hall.window.one)).toMatchObject({ status: 'open', pauseReason: null });
    expect(callNext(hall, hall.window.one, at('2026-11-23 13:31')).id).toBe(t.id);
  });

  it('a pause without a reason is recorded as other', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    expect(run(hall.state, 'setWindowStatus', { windowId: hall.window.one, status: 'paused' }, at('2026-11-23 10:00')).pauseReason).toBe('other');
  });

  it.each(['called', 'serving'] as const)('a window with a %s ticket cannot call the next one', (status) => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    issue(hall, hall.service.pension, at('2026-11-23 09:01'));
    const waiting = issue(hall, hall.service.pension, at('2026-11-23 09:02'));
    callNext(hall, hall.window.one, at('2026-11-23 09:03'));
    if (status === 'serving') run(hall.state, 'startService', { windowId: hall.window.one }, at('2026-11-23 09:04'));
    const err = refuse(hall.state, 'callNext', { windowId: hall.window.one }, at('2026-11-23 09:05'));
    expect(err.code).toBe('WINDOW_BUSY');
    expect(err.message.zh).toContain('A001');
    expect(err.message.zh).toContain(status === 'called' ? '已呼叫' : '办理中');
    expect(err.message.en).toContain(`A001 (${status === 'called' ? 'called' : 'being served'})`);
    expect(refuse(hall.state, 'callTicket', { windowId: hall.window.one, ticketId: waiting.id, reason: '加急' }, at('2026-11-23 09:05')).code).toBe('WINDOW_BUSY');
  });

  it.each([['paused', 'called'], ['paused', 'serving'], ['closed', 'called'], ['closed', 'serving']] as const)(
    'a window cannot be %s while a visitor is %s at the counter',
    (target, status) => {
      const hall = newHall();
      openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
      issue(hall, hall.service.pension, at('2026-11-23 09:01'));
      callNext(hall, hall.window.one, at('2026-11-23 09:02'));
      if (status === 'serving') run(hall.state, 'startService', { windowId: hall.window.one }, at('2026-11-23 09:03'));
      const err = refuse(hall.state, 'setWindowStatus', { windowId: hall.window.one, status: target, reason: target === 'paused' ? 'break' : undefined }, at('2026-11-23 09:04'));
      expect(err.code).toBe('WINDOW_BUSY');
    },
  );

  it('a window closes once its visitor is dealt with, and forgets who staffed it', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    expect(hall.state.runtime.get(hall.window.one)?.staffId).toBe(hall.staff.wang);
    issue(hall, hall.service.pension, at('2026-11-23 09:01'));
    callNext(hall, hall.window.one, at('2026-11-23 09:02'));
    run(hall.state, 'markNoShow', { windowId: hall.window.one }, at('2026-11-23 09:05'));
    const closed = run(hall.state, 'setWindowStatus', { windowId: hall.window.one, status: 'closed' }, at('2026-11-23 09:06'));
    expect(closed).toMatchObject({ status: 'closed', staffId: null, pauseReason: null });
  });

  it('opening a window that is already open by the same person changes nothing', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    const again = decide(hall.state, 'setWindowStatus', { windowId: hall.window.one, status: 'open' }, at('2026-11-23 09:30'), staffActor(hall.staff.wang));
    expect(again).toMatchObject({ ok: true, events: [] });
  });

  it('an open window with nobody waiting for it is told the queue is empty', () => {
    const hall = newHall();
    openWindow(hall, hall.window.three, at('2026-11-23 09:00'));
    issue(hall, hall.service.pension, at('2026-11-23 09:01'));
    const err = refuse(hall.state, 'callNext', { windowId: hall.window.three }, at('2026-11-23 09:02'));
    expect(err).toMatchObject({ code: 'QUEUE_EMPTY', message: { en: 'Nobody is waiting for this window' } });
  });

  it('a window cannot call a specific ticket of a service it does not serve', () => {
    const hall = newHall();
    openWindow(hall, hall.window.three, at('2026-11-23 09:00'));
    const t = issue(hall, hall.service.pension, at('2026-11-23 09:01'));
    expect(refuse(hall.state, 'callTicket', { windowId: hall.window.three, ticketId: t.id, reason: '帮忙' }, at('2026-11-23 09:02')).code).toBe('NOT_SERVED_HERE');
  });

  it('a ticket transferred to one window cannot be called by another', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    const t = issue(hall, hall.service.pension, at('2026-11-23 09:01'));
    const leg = run(hall.state, 'transferTicket', { ticketId: t.id, windowId: hall.window.two }, at('2026-11-23 09:02'));
    expect(refuse(hall.state, 'callTicket', { windowId: hall.window.one, ticketId: leg.id, reason: '顺手办理' }, at('2026-11-23 09:03')).code).toBe('NOT_SERVED_HERE');
    expect(refuse(hall.state, 'callNext', { windowId: hall.window.one }, at('2026-11-23 09:03')).code).toBe('QUEUE_EMPTY');
  });

  it('a window that does not exist is not found', () => {
    const hall = newHall();
    expect(refuse(hall.state, 'setWindowStatus', { windowId: 77, status: 'open' }, at('2026-11-23 09:00')).code).toBe('NOT_FOUND');
  });
});
