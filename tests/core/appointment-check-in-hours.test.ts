import { describe, expect, it } from 'vitest';
import type { Person } from '../../server/core/types.js';
import { at, decide, hallSettings, newHall, refuse, run, visitor, type Hall } from './hall-fixture.js';

const zhang = visitor('张三', '19800101');
const li = visitor('李四', '19850505', '002');

function book(hall: Hall, slotStart: string, person: Person, code: string) {
  return run(hall.state, 'createAppointment', { serviceId: hall.service.pension, date: '2026-11-23', slotStart, person, code }, at('2026-11-20 10:00'));
}

/** The hall's hours cut short to 16:00 on the day, after the bookings were made (the admin's settings). */
function closeHallAtFour(hall: Hall) {
  const hours = { days: [1, 2, 3, 4, 5], sessions: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '16:00' }] };
  run(hall.state, 'saveSettings', hallSettings({ hours }), at('2026-11-23 08:00'));
}

function walkIn(hall: Hall, now: number) {
  return refuse(hall.state, 'issueTicket', { serviceId: hall.service.pension, channel: 'kiosk', person: null }, now);
}

describe('checking in once the service has closed for the day', () => {
  it('is refused, as a walk-in is, and leaves the booking booked with no ticket or number taken', () => {
    const hall = newHall();
    closeHallAtFour(hall);
    const morning = book(hall, '09:00', zhang, '100001');
    const lastId = hall.state.lastId.ticket;

    const err = refuse(hall.state, 'checkInAppointment', { code: '100001' }, at('2026-11-23 17:05'));
    expect(err).toMatchObject({
      status: 409, code: 'CHECK_IN_CLOSED',
      message: { zh: '该业务今日办理时间已结束，预约不能再签到', en: 'The service has closed for today; the appointment can no longer be checked in' },
    });
    expect(walkIn(hall, at('2026-11-23 17:05')).code).toBe('SERVICE_CLOSED');
    expect(refuse(hall.state, 'checkInAppointment', { idHash: zhang.idHash }, at('2026-11-23 17:05')).code).toBe('CHECK_IN_CLOSED');

    expect(hall.state.appointments.get(morning.id)).toMatchObject({ status: 'booked', ticketId: null });
    expect(hall.state.tickets.size).toBe(0);
    expect(hall.state.lastId.ticket).toBe(lastId);
    // Still booked, it is marked missed at the day's close, as any booking nobody came for.
    const close = decide(hall.state, 'closeDay', {}, at('2026-11-24 00:00'));
    const closed = close.ok ? close.events.find((e) => e.type === 'day.closed') : undefined;
    expect(closed).toMatchObject({ appointments: [{ id: morning.id, status: 'missed' }] });
  });

  it('is refused for a slot that lies after the shortened hours, from the first minute after closing', () => {
    const hall = newHall();
    book(hall, '16:30', zhang, '100001');
    book(hall, '15:30', li, '100002');
    closeHallAtFour(hall);
    expect(run(hall.state, 'checkInAppointment', { code: '100002' }, at('2026-11-23 15:59')).number).toBe('A001');
    expect(refuse(hall.state, 'checkInAppointment', { code: '100001' }, at('2026-11-23 16:00')).code).toBe('CHECK_IN_CLOSED');
    expect(refuse(hall.state, 'checkInAppointment', { code: '100001' }, at('2026-11-23 16:31')).code).toBe('CHECK_IN_CLOSED');
    expect(hall.state.tickets.size).toBe(1);
  });

  it("follows the service's own hours when they end before the hall's", () => {
    const hall = newHall();
    book(hall, '11:00', zhang, '100001');
    const pension = hall.state.services.get(hall.service.pension)!;
    run(hall.state, 'saveService', { ...pension, hours: { days: [1, 2, 3, 4, 5], sessions: [{ start: '09:00', end: '12:00' }] } }, at('2026-11-23 08:00'));
    expect(refuse(hall.state, 'checkInAppointment', { code: '100001' }, at('2026-11-23 12:05')).code).toBe('CHECK_IN_CLOSED');
  });
});

describe('checking in while the service still takes visitors today', () => {
  it('takes a visitor early for a slot later today, before opening and over the lunch break, keeping the slot', () => {
    const hall = newHall();
    book(hall, '09:00', zhang, '100001');
    book(hall, '14:00', li, '100002');
    // Walk-ins wait for the windows to open; the booked visitor is checked in and goes first once the slot begins.
    expect(walkIn(hall, at('2026-11-23 08:45')).code).toBe('SERVICE_CLOSED');
    expect(run(hall.state, 'checkInAppointment', { code: '100001' }, at('2026-11-23 08:45')))
      .toMatchObject({ number: 'A001', appointmentStartsAt: at('2026-11-23 09:00') });
    expect(walkIn(hall, at('2026-11-23 12:30')).code).toBe('SERVICE_CLOSED');
    expect(run(hall.state, 'checkInAppointment', { code: '100002' }, at('2026-11-23 12:30')))
      .toMatchObject({ number: 'A002', appointmentStartsAt: at('2026-11-23 14:00') });
  });

  it('takes a visitor late for a morning slot within the hours, who joins the queue as a walk-in does', () => {
    const hall = newHall();
    const morning = book(hall, '09:00', zhang, '100001');
    const ticket = run(hall.state, 'checkInAppointment', { code: '100001' }, at('2026-11-23 16:59'));
    expect(ticket).toMatchObject({ number: 'A001', channel: 'appointment', appointmentStartsAt: null });
    expect(hall.state.appointments.get(morning.id)).toMatchObject({ status: 'checked_in', ticketId: ticket.id });
  });
});
