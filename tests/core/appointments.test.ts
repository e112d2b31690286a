import { describe, expect, it } from 'vitest';
import type { Person } from '../../server/core/types.js';
import { at, issue, newHall, refuse, run, visitor, type Hall } from './hall-fixture.js';

const zhang = visitor('张三', '19800101');
const li = visitor('李四', '19850505', '002');

function book(hall: Hall, date: string, slotStart: string, person: Person, code: string, now = at('2026-11-20 10:00'), serviceId = hall.service.pension) {
  return run(hall.state, 'createAppointment', { serviceId, date, slotStart, person, code }, now);
}

function refuseBooking(hall: Hall, date: string, slotStart: string, person: Person, code: string, now = at('2026-11-20 10:00')) {
  return refuse(hall.state, 'createAppointment', { serviceId: hall.service.pension, date, slotStart, person, code }, now);
}

describe('booking an appointment', () => {
  it('records the slot, its end and its start time on the hall clock', () => {
    const hall = newHall();
    const a = book(hall, '2026-11-23', '10:00', zhang, '100001');
    expect(a).toMatchObject({
      status: 'booked', serviceId: hall.service.pension, date: '2026-11-23', slotStart: '10:00', slotEnd: '10:30',
      startsAt: at('2026-11-23 10:00'), code: '100001', ticketId: null, person: { nameMasked: '张*' },
    });
    expect(hall.state.appointments.get(a.id)).toEqual(a);
  });

  it.each([
    ['a time between slots', '2026-11-23', '10:15'],
    ['the lunch break', '2026-11-23', '12:30'],
    ['a slot that would run past closing', '2026-11-23', '17:00'],
    ['a Saturday', '2026-11-28', '10:00'],
  ])('refuses %s as an invalid slot', (_what, date, slotStart) => {
    const hall = newHall();
    expect(refuseBooking(hall, date, slotStart, zhang, '100001')).toMatchObject({ code: 'SLOT_INVALID', message: { zh: '预约时段无效' } });
  });

  it('refuses a slot that is full, while the next slot still has room', () => {
    const hall = newHall();
    book(hall, '2026-11-23', '10:00', zhang, '100001');
    book(hall, '2026-11-23', '10:00', li, '100002');
    const wang = visitor('王五', '19900101', '003');
    expect(refuseBooking(hall, '2026-11-23', '10:00', wang, '100003').code).toBe('SLOT_FULL');
    expect(book(hall, '2026-11-23', '10:30', wang, '100003').slotStart).toBe('10:30');
  });

  it('refuses a slot that has ended, but takes one that has begun', () => {
    const hall = newHall();
    expect(refuseBooking(hall, '2026-11-23', '09:00', zhang, '100001', at('2026-11-23 09:45')).code).toBe('SLOT_PAST');
    expect(book(hall, '2026-11-23', '09:30', zhang, '100001', at('2026-11-23 09:45')).slotEnd).toBe('10:00');
  });

  it('refuses a second booking of the same service by the same person on the same day', () => {
    const hall = newHall();
    book(hall, '2026-11-23', '10:00', zhang, '100001');
    expect(refuseBooking(hall, '2026-11-23', '14:00', zhang, '100002')).toMatchObject({ code: 'ALREADY_BOOKED' });
    expect(book(hall, '2026-11-24', '10:00', zhang, '100002').date).toBe('2026-11-24');
    expect(book(hall, '2026-11-23', '10:00', zhang, '100003', at('2026-11-20 10:00'), hall.service.transfer).serviceId).toBe(hall.service.transfer);
  });

  it('refuses a code already given to another booked appointment', () => {
    const hall = newHall();
    book(hall, '2026-11-23', '10:00', zhang, '100001');
    expect(refuseBooking(hall, '2026-11-23', '11:00', li, '100001').code).toBe('DUPLICATE');
  });

  it('is refused by a service that takes no appointments', () => {
    const hall = newHall();
    run(hall.state, 'saveService', { ...hall.state.services.get(hall.service.pension)!, appointmentsPerSlot: 0 }, at('2026-11-20 09:00'));
    expect(refuseBooking(hall, '2026-11-23', '10:00', zhang, '100001').code).toBe('SERVICE_INACTIVE');
  });

  it('can take the last slot of a service open until midnight, until midnight', () => {
    const hall = newHall();
    const pension = hall.state.services.get(hall.service.pension)!;
    run(hall.state, 'saveService', { ...pension, hours: { days: [1, 2, 3, 4, 5, 6, 7], sessions: [{ start: '20:00', end: '00:00' }] } }, at('2026-11-23 08:00'));
    expect(book(hall, '2026-11-23', '23:30', zhang, '100001', at('2026-11-23 23:40'))).toMatchObject({ slotStart: '23:30', slotEnd: '00:00' });
    const ticket = run(hall.state, 'checkInAppointment', { code: '100001' }, at('2026-11-23 23:50'));
    expect(ticket.appointmentStartsAt).toBe(at('2026-11-23 23:30'));
  });
});

describe('checking in', () => {
  it('by code on the day turns the appointment into a ticket numbered with the walk-ins', () => {
    const hall = newHall();
    const a = book(hall, '2026-11-23', '10:00', zhang, '100001');
    issue(hall, hall.service.pension, at('2026-11-23 09:30'));
    const ticket = run(hall.state, 'checkInAppointment', { code: '100001' }, at('2026-11-23 09:50'));
    expect(ticket).toMatchObject({
      number: 'A002', channel: 'appointment', status: 'waiting', appointmentId: a.id, person: zhang,
      arrivedAt: at('2026-11-23 09:50'), appointmentStartsAt: at('2026-11-23 10:00'),
    });
    expect(hall.state.appointments.get(a.id)).toMatchObject({ status: 'checked_in', ticketId: ticket.id });
  });

  it("by the card's identity hash finds the visitor's appointment of the day", () => {
    const hall = newHall();
    book(hall, '2026-11-24', '09:00', zhang, '100001');
    const today = book(hall, '2026-11-23', '14:00', zhang, '100002');
    const ticket = run(hall.state, 'checkInAppointment', { idHash: zhang.idHash }, at('2026-11-23 13:40'));
    expect(ticket.appointmentId).toBe(today.id);
  });

  it('keeps the age priority of an elderly visitor', () => {
    const hall = newHall();
    book(hall, '2026-11-23', '10:00', visitor('周老伯', '19500101'), '100001');
    expect(run(hall.state, 'checkInAppointment', { code: '100001' }, at('2026-11-23 09:55')).priorityClassId).toBe(hall.priority.elderly);
  });

  it('on another day than the one booked is refused', () => {
    const hall = newHall();
    book(hall, '2026-11-24', '10:00', zhang, '100001');
    const err = refuse(hall.state, 'checkInAppointment', { code: '100001' }, at('2026-11-23 10:00'));
    expect(err).toMatchObject({ code: 'APPOINTMENT_NOT_DUE', message: { zh: '预约日期不是今天', en: 'The appointment is not for today' } });
  });

  it('a second time is refused, telling the visitor the number they already have', () => {
    const hall = newHall();
    book(hall, '2026-11-23', '10:00', zhang, '100001');
    const ticket = run(hall.state, 'checkInAppointment', { code: '100001' }, at('2026-11-23 09:55'));
    const err = refuse(hall.state, 'checkInAppointment', { code: '100001' }, at('2026-11-23 09:56'));
    expect(err).toMatchObject({
      code: 'ALREADY_CHECKED_IN',
      message: { zh: `该预约已签到，您的号码是 ${ticket.number}`, en: `This appointment is checked in already; your number is ${ticket.number}` },
    });
    expect(refuse(hall.state, 'checkInAppointment', { idHash: zhang.idHash }, at('2026-11-23 09:57')).code).toBe('ALREADY_CHECKED_IN');
  });

  it('with a code nobody booked is not found', () => {
    const hall = newHall();
    expect(refuse(hall.state, 'checkInAppointment', { code: '999999' }, at('2026-11-23 10:00')).code).toBe('NOT_FOUND');
  });
});
