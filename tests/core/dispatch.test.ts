import { describe, expect, it } from 'vitest';
import { at, callNext, callOrder, issue, newHall, openWindow, run, serviceInput, visitor, type Hall } from './hall-fixture.js';

function bookAndCheckIn(hall: Hall, slotStart: string, checkInAt: string) {
  const person = visitor('张三', '19800101');
  run(hall.state, 'createAppointment', { serviceId: hall.service.pension, date: '2026-11-23', slotStart, person, code: '123456' }, at('2026-11-20 10:00'));
  return run(hall.state, 'checkInAppointment', { code: '123456' }, at(checkInAt));
}

describe('call next picks in the order the hall expects', () => {
  it('takes a ticket transferred to this window before older tickets and priority tickets', () => {
    const hall = newHall();
    openWindow(hall, hall.window.two, at('2026-11-23 09:00'));
    issue(hall, hall.service.transfer, at('2026-11-23 09:00'));
    issue(hall, hall.service.transfer, at('2026-11-23 09:01'), { priorityClassId: hall.priority.disabled });
    const t = issue(hall, hall.service.pension, at('2026-11-23 09:10'));
    run(hall.state, 'transferTicket', { ticketId: t.id, windowId: hall.window.two }, at('2026-11-23 09:11'));
    expect(callNext(hall, hall.window.two, at('2026-11-23 09:12')).number).toBe('A001');
  });

  it('takes a checked-in appointment once its slot has begun, before older walk-ins and priority tickets', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    issue(hall, hall.service.pension, at('2026-11-23 09:00'));
    issue(hall, hall.service.pension, at('2026-11-23 09:10'), { priorityClassId: hall.priority.disabled });
    const appt = bookAndCheckIn(hall, '10:00', '2026-11-23 09:40');
    expect(appt).toMatchObject({ channel: 'appointment', number: 'A003', appointmentStartsAt: at('2026-11-23 10:00') });
    expect(callNext(hall, hall.window.one, at('2026-11-23 10:00')).id).toBe(appt.id);
  });

  it('gives a checked-in appointment no precedence before its slot begins', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    issue(hall, hall.service.pension, at('2026-11-23 09:00'));
    issue(hall, hall.service.pension, at('2026-11-23 09:10'));
    bookAndCheckIn(hall, '10:00', '2026-11-23 09:40');
    expect(callOrder(hall, hall.window.one, 1, at('2026-11-23 09:50'))).toEqual(['A001']);
    expect(callOrder(hall, hall.window.one, 2, at('2026-11-23 10:00'))).toEqual(['A003', 'A002']);
  });

  it('lets a visitor who checks in after their slot has ended join the queue as everyone else', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    issue(hall, hall.service.pension, at('2026-11-23 09:35'));
    const late = bookAndCheckIn(hall, '09:00', '2026-11-23 09:40');
    expect(late).toMatchObject({ channel: 'appointment', appointmentStartsAt: null });
    expect(callOrder(hall, hall.window.one, 2, at('2026-11-23 09:45'))).toEqual(['A001', 'A002']);
  });

  it('under strict priority, calls priority tickets before older normal ones', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    issue(hall, hall.service.pension, at('2026-11-23 09:00'));
    issue(hall, hall.service.pension, at('2026-11-23 09:05'));
    issue(hall, hall.service.pension, at('2026-11-23 09:10'), { person: visitor('李大爷', '19500315') });
    issue(hall, hall.service.pension, at('2026-11-23 09:11'), { priorityClassId: hall.priority.disabled });
    expect(callOrder(hall, hall.window.one, 4, at('2026-11-23 09:12'))).toEqual(['A003', 'A004', 'A001', 'A002']);
  });

  it.each([
    [1, 2, 'P N N P N N'],
    [2, 1, 'P P N P P N'],
    [1, 1, 'P N P N P N'],
  ])('under %i priority per %i normal, calls %s while both kinds keep waiting', (priority, normal, expected) => {
    const hall = newHall({ priorityRule: { mode: 'ratio', priority, normal } });
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    const kind = new Map<string, string>();
    for (let i = 0; i < 8; i++) kind.set(issue(hall, hall.service.pension, at('2026-11-23 09:01')).number, 'N');
    for (let i = 0; i < 8; i++) kind.set(issue(hall, hall.service.pension, at('2026-11-23 09:02'), { priorityClassId: hall.priority.disabled }).number, 'P');
    const order = callOrder(hall, hall.window.one, 6, at('2026-11-23 09:03'));
    expect(order.map((n) => kind.get(n)).join(' ')).toBe(expected);
  });

  it('under 1 priority per 2 normal, never calls two priority tickets in a row after a long run of normal calls', () => {
    const hall = newHall({ priorityRule: { mode: 'ratio', priority: 1, normal: 2 } });
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    const kind = new Map<string, string>();
    for (let i = 0; i < 10; i++) kind.set(issue(hall, hall.service.pension, at('2026-11-23 09:01')).number, 'N');
    callOrder(hall, hall.window.one, 5, at('2026-11-23 09:02'));
    for (let i = 0; i < 2; i++) kind.set(issue(hall, hall.service.pension, at('2026-11-23 09:03'), { priorityClassId: hall.priority.disabled }).number, 'P');
    const order = callOrder(hall, hall.window.one, 4, at('2026-11-23 09:04'));
    expect(order.map((n) => kind.get(n)).join(' ')).toBe('P N N P');
  });

  it('under a ratio, keeps calling priority tickets when no normal ticket waits, and normal ones when no priority waits', () => {
    const hall = newHall({ priorityRule: { mode: 'ratio', priority: 1, normal: 2 } });
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    for (let i = 0; i < 3; i++) issue(hall, hall.service.pension, at('2026-11-23 09:01'), { priorityClassId: hall.priority.disabled });
    expect(callOrder(hall, hall.window.one, 3, at('2026-11-23 09:02'))).toEqual(['A001', 'A002', 'A003']);
    for (let i = 0; i < 3; i++) issue(hall, hall.service.pension, at('2026-11-23 09:03'));
    expect(callOrder(hall, hall.window.one, 3, at('2026-11-23 09:04'))).toEqual(['A004', 'A005', 'A006']);
  });

  it('serves the main tier oldest first, and the backup tier only when the main tier is empty', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    issue(hall, hall.service.transfer, at('2026-11-23 09:00'));
    issue(hall, hall.service.pension, at('2026-11-23 09:10'));
    issue(hall, hall.service.pension, at('2026-11-23 09:05'));
    expect(callOrder(hall, hall.window.one, 3, at('2026-11-23 09:20'))).toEqual(['A002', 'A001', 'B001']);
  });

  it('does not promote a backup-tier ticket before it has waited the red threshold', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    issue(hall, hall.service.transfer, at('2026-11-23 09:00'));
    issue(hall, hall.service.pension, at('2026-11-23 09:20'));
    expect(callNext(hall, hall.window.one, at('2026-11-23 09:29')).number).toBe('A001');
  });

  it('promotes a backup-tier ticket waiting past the red threshold over a younger main-tier ticket', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    issue(hall, hall.service.transfer, at('2026-11-23 09:00'));
    issue(hall, hall.service.pension, at('2026-11-23 09:20'));
    expect(callNext(hall, hall.window.one, at('2026-11-23 09:30')).number).toBe('B001');
  });

  it('a green-channel window serves priority first even when the hall runs a ratio', () => {
    const ratio = { priorityRule: { mode: 'ratio' as const, priority: 1, normal: 2 } };
    const day = (windowKey: 'green' | 'one') => {
      const hall = newHall(ratio);
      openWindow(hall, hall.window[windowKey], at('2026-11-23 09:00'));
      issue(hall, hall.service.pension, at('2026-11-23 09:00'));
      issue(hall, hall.service.transfer, at('2026-11-23 09:01'));
      issue(hall, hall.service.pension, at('2026-11-23 09:02'), { priorityClassId: hall.priority.disabled });
      issue(hall, hall.service.transfer, at('2026-11-23 09:03'), { priorityClassId: hall.priority.disabled });
      return callOrder(hall, hall.window[windowKey], 4, at('2026-11-23 09:05'));
    };
    expect(day('green')).toEqual(['A002', 'B002', 'A001', 'B001']);
    expect(day('one')).toEqual(['A002', 'A001', 'B001', 'B002']);
  });

  it('never calls a priority ticket of a service the window does not serve', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    issue(hall, hall.service.property, at('2026-11-23 09:00'), { person: visitor('赵奶奶', '19400101') });
    issue(hall, hall.service.pension, at('2026-11-23 09:05'));
    expect(callNext(hall, hall.window.one, at('2026-11-23 09:06')).number).toBe('A001');
  });

  it('a comprehensive window serves every service, oldest first, including services added later', () => {
    const hall = newHall();
    openWindow(hall, hall.window.comprehensive, at('2026-11-23 09:00'));
    const tax = run(hall.state, 'saveService', serviceInput(hall.area.general, 'tax', 'D', '税务登记'), at('2026-11-23 09:00')).id;
    issue(hall, hall.service.property, at('2026-11-23 09:00'), { person: visitor('王五', '19900101') });
    issue(hall, tax, at('2026-11-23 09:02'));
    issue(hall, hall.service.pension, at('2026-11-23 09:04'));
    issue(hall, hall.service.transfer, at('2026-11-23 09:06'));
    expect(callOrder(hall, hall.window.comprehensive, 4, at('2026-11-23 09:10'))).toEqual(['C001', 'D001', 'A001', 'B001']);
  });
});
