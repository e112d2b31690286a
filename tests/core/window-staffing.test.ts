import { describe, expect, it } from 'vitest';
import type { Actor } from '../../server/core/types.js';
import { at, callNext, decide, issue, newHall, openWindow, refuse, run, staffActor, ticketOf, type Hall } from './hall-fixture.js';

/** Window 1 opened by 王芳 at 09:00, A001 called there at 09:01: the window another clerk then walks up to. */
function wangAtWindowOne() {
  const hall = newHall();
  openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
  const a001 = issue(hall, hall.service.pension, at('2026-11-23 09:00'));
  issue(hall, hall.service.pension, at('2026-11-23 09:00'));
  callNext(hall, hall.window.one, at('2026-11-23 09:01'));
  return { hall, a001, wang: staffActor(hall.staff.wang), li: staffActor(hall.staff.li) };
}

function supervisor(hall: Hall): Actor {
  const id = run(hall.state, 'saveStaff', { number: 'S201', name: '周主任', role: 'supervisor', supervisorId: null, active: true }, at('2026-11-23 08:00')).id;
  return { kind: 'staff', staffId: id, role: 'supervisor' };
}

const pad: Actor = { kind: 'device', deviceId: 7, role: 'pad', windowId: 1, areaId: null };

describe('a clerk at a window someone else staffs', () => {
  it('is refused every button, naming the window and who staffs it, and nothing changes', () => {
    const { hall, a001, li } = wangAtWindowOne();
    const now = at('2026-11-23 09:02');
    const one = hall.window.one;
    const refusals = [
      refuse(hall.state, 'startService', { windowId: one }, now, li),
      refuse(hall.state, 'recall', { windowId: one }, now, li),
      refuse(hall.state, 'markNoShow', { windowId: one }, now, li),
      refuse(hall.state, 'transferTicket', { ticketId: a001.id, serviceId: hall.service.transfer }, now, li),
      refuse(hall.state, 'setWindowStatus', { windowId: one, status: 'open' }, now, li),
      refuse(hall.state, 'setWindowStatus', { windowId: one, status: 'closed' }, now, li),
    ];
    run(hall.state, 'startService', { windowId: one }, now, staffActor(hall.staff.wang));
    refusals.push(refuse(hall.state, 'finishService', { windowId: one }, now, li));
    run(hall.state, 'finishService', { windowId: one }, now, staffActor(hall.staff.wang));
    refusals.push(
      refuse(hall.state, 'callNext', { windowId: one }, now, li),
      refuse(hall.state, 'callTicket', { windowId: one, ticketId: a001.id + 1, reason: '加急' }, now, li),
      refuse(hall.state, 'setWindowStatus', { windowId: one, status: 'paused', reason: 'break' }, now, li),
    );
    for (const err of refusals) {
      expect(err).toMatchObject({
        code: 'WINDOW_STAFFED', status: 409,
        message: { zh: '1号窗口由王芳值守中；如需接替，请选择“接管窗口”', en: 'Window 1 is staffed by 王芳; take it over to work there' },
      });
    }
    expect(ticketOf(hall, a001.id)).toMatchObject({ status: 'done', staffId: hall.staff.wang });
    // Nor may they record the business system's case number for the visitor a colleague served there.
    expect(refuse(hall.state, 'postCaseNumber', { ticketId: a001.id, caseNumber: 'BJ2026-1', windowId: one }, now, li).code).toBe('WINDOW_STAFFED');
    expect(run(hall.state, 'postCaseNumber', { ticketId: a001.id, caseNumber: 'BJ2026-1', windowId: one }, now, staffActor(hall.staff.wang)))
      .toMatchObject({ ticketId: a001.id, caseNumber: 'BJ2026-1' });
  });

  it('is refused at a paused window too, until it is closed; then opening it makes it theirs', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    run(hall.state, 'setWindowStatus', { windowId: hall.window.one, status: 'paused', reason: 'lunch' }, at('2026-11-23 12:00'), staffActor(hall.staff.wang));
    const li = staffActor(hall.staff.li);
    expect(refuse(hall.state, 'setWindowStatus', { windowId: hall.window.one, status: 'open' }, at('2026-11-23 12:05'), li).code).toBe('WINDOW_STAFFED');
    run(hall.state, 'setWindowStatus', { windowId: hall.window.one, status: 'closed' }, at('2026-11-23 12:10'), staffActor(hall.staff.wang));
    const opened = run(hall.state, 'setWindowStatus', { windowId: hall.window.one, status: 'open' }, at('2026-11-23 13:30'), li);
    expect(opened).toMatchObject({ status: 'open', staffId: hall.staff.li });
  });

  it('may still move on a waiting visitor who is at no counter', () => {
    const { hall, li } = wangAtWindowOne();
    const waiting = [...hall.state.active.values()].find((t) => t.status === 'waiting')!;
    const leg = run(hall.state, 'transferTicket', { ticketId: waiting.id, serviceId: hall.service.transfer }, at('2026-11-23 09:02'), li);
    expect(leg).toMatchObject({ status: 'waiting', serviceId: hall.service.transfer });
  });
});

describe('taking over a window (顶岗)', () => {
  it('makes the window the new clerk\'s, credits them with the visitor at the counter, and locks out the one replaced', () => {
    const { hall, a001, wang, li } = wangAtWindowOne();
    run(hall.state, 'startService', { windowId: hall.window.one }, at('2026-11-23 09:02'), wang);
    const decision = decide(hall.state, 'setWindowStatus', { windowId: hall.window.one, status: 'open', takeOver: true }, at('2026-11-23 09:10'), li);
    expect(decision.ok && decision.events).toEqual([{
      type: 'window.statusChanged',
      runtime: expect.objectContaining({ status: 'open', staffId: hall.staff.li, currentTicketId: a001.id, statusSince: at('2026-11-23 09:10') }),
      takeOver: { fromStaffId: hall.staff.wang, ticket: expect.objectContaining({ id: a001.id, status: 'serving', staffId: hall.staff.li }) },
    }]);
    run(hall.state, 'setWindowStatus', { windowId: hall.window.one, status: 'open', takeOver: true }, at('2026-11-23 09:10'), li);
    expect(ticketOf(hall, a001.id).staffId).toBe(hall.staff.li);

    const finished = run(hall.state, 'finishService', { windowId: hall.window.one }, at('2026-11-23 09:15'), li);
    expect(finished).toMatchObject({ status: 'done', staffId: hall.staff.li });
    const rating = run(hall.state, 'rateVisit', { ticketId: a001.id, level: 5, channel: 'window' }, at('2026-11-23 09:15'), pad);
    expect(rating.staffId).toBe(hall.staff.li);
    expect(refuse(hall.state, 'callNext', { windowId: hall.window.one }, at('2026-11-23 09:16'), wang).message.zh).toBe('1号窗口由李强值守中；如需接替，请选择“接管窗口”');
  });

  it('resumes a paused window under the new clerk', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    run(hall.state, 'setWindowStatus', { windowId: hall.window.one, status: 'paused', reason: 'meeting' }, at('2026-11-23 10:00'), staffActor(hall.staff.wang));
    const taken = run(hall.state, 'setWindowStatus', { windowId: hall.window.one, status: 'open', takeOver: true }, at('2026-11-23 10:05'), staffActor(hall.staff.li));
    expect(taken).toMatchObject({ status: 'open', pauseReason: null, staffId: hall.staff.li });
    expect(refuse(hall.state, 'setWindowStatus', { windowId: hall.window.one, status: 'closed' }, at('2026-11-23 10:06'), staffActor(hall.staff.wang)).message.zh)
      .toContain('由李强值守中');
  });

  it('is a plain opening at a closed window or at one\'s own: no takeover is recorded', () => {
    const hall = newHall();
    const li = staffActor(hall.staff.li);
    const closed = decide(hall.state, 'setWindowStatus', { windowId: hall.window.two, status: 'open', takeOver: true }, at('2026-11-23 09:00'), li);
    expect(closed.ok && closed.events).toEqual([{ type: 'window.statusChanged', runtime: expect.objectContaining({ status: 'open', staffId: hall.staff.li }) }]);
    run(hall.state, 'setWindowStatus', { windowId: hall.window.two, status: 'open' }, at('2026-11-23 09:00'), li);
    expect(decide(hall.state, 'setWindowStatus', { windowId: hall.window.two, status: 'open', takeOver: true }, at('2026-11-23 09:01'), li)).toMatchObject({ ok: true, events: [] });
  });
});

describe('oversight by supervisors and admins, and the window\'s own pad', () => {
  it('a supervisor acts at a clerk\'s window without taking it: the clerk keeps the window', () => {
    const { hall, a001 } = wangAtWindowOne();
    const boss = supervisor(hall);
    run(hall.state, 'startService', { windowId: hall.window.one }, at('2026-11-23 09:02'), boss);
    run(hall.state, 'finishService', { windowId: hall.window.one }, at('2026-11-23 09:05'), boss);
    expect(ticketOf(hall, a001.id)).toMatchObject({ status: 'done', staffId: hall.staff.wang });
    // A visitor the supervisor calls is theirs, as the audit log says who called.
    const called = run(hall.state, 'callNext', { windowId: hall.window.one }, at('2026-11-23 09:06'), boss);
    expect(called.staffId).toBe((boss as { staffId: number }).staffId);
    run(hall.state, 'markNoShow', { windowId: hall.window.one }, at('2026-11-23 09:08'), boss);
    const paused = run(hall.state, 'setWindowStatus', { windowId: hall.window.one, status: 'paused', reason: 'other' }, at('2026-11-23 09:09'), boss);
    expect(paused).toMatchObject({ status: 'paused', staffId: hall.staff.wang });
    const resumed = run(hall.state, 'setWindowStatus', { windowId: hall.window.one, status: 'open' }, at('2026-11-23 09:10'), boss);
    expect(resumed).toMatchObject({ status: 'open', staffId: hall.staff.wang });
  });

  it('an admin closes a window a clerk left open', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    const admin: Actor = { kind: 'staff', staffId: hall.staff.admin, role: 'admin' };
    expect(run(hall.state, 'setWindowStatus', { windowId: hall.window.one, status: 'closed' }, at('2026-11-23 18:00'), admin))
      .toMatchObject({ status: 'closed', staffId: null });
  });

  it('a supervisor who takes over becomes the window\'s staff', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    const boss = supervisor(hall);
    expect(run(hall.state, 'setWindowStatus', { windowId: hall.window.one, status: 'open', takeOver: true }, at('2026-11-23 09:30'), boss).staffId).toBe((boss as { staffId: number }).staffId);
  });

  it('the pad paired to the window works it for whoever staffs it', () => {
    const { hall, a001 } = wangAtWindowOne();
    run(hall.state, 'startService', { windowId: hall.window.one }, at('2026-11-23 09:02'), pad);
    run(hall.state, 'finishService', { windowId: hall.window.one }, at('2026-11-23 09:05'), pad);
    expect(ticketOf(hall, a001.id)).toMatchObject({ status: 'done', staffId: hall.staff.wang });
    expect(run(hall.state, 'setWindowStatus', { windowId: hall.window.one, status: 'paused', reason: 'break' }, at('2026-11-23 09:06'), pad).staffId).toBe(hall.staff.wang);
  });
});

describe('where a visitor may be transferred', () => {
  it('to a closed window, which may open soon, but not to a window taken out of service', () => {
    const { hall, a001, wang } = wangAtWindowOne();
    const three = hall.state.windows.get(hall.window.three)!;
    run(hall.state, 'saveWindow', { ...three, active: false }, at('2026-11-23 09:01'));
    const err = refuse(hall.state, 'transferTicket', { ticketId: a001.id, windowId: hall.window.three }, at('2026-11-23 09:02'), wang);
    expect(err).toMatchObject({ code: 'NOT_FOUND', message: { zh: '窗口不存在', en: 'Window not found' } });
    expect(hall.state.runtime.get(hall.window.two)?.status).toBe('closed');
    const leg = run(hall.state, 'transferTicket', { ticketId: a001.id, windowId: hall.window.two }, at('2026-11-23 09:02'), wang);
    expect(leg).toMatchObject({ status: 'waiting', targetWindowId: hall.window.two });
  });
});
