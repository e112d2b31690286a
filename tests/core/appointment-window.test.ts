import { describe, expect, it } from 'vitest';
import type { FollowUpSettings, HallSettings } from '../../protocol/config-entities.js';
import { bookableDays, slotPlacesOn } from '../../server/core/commands/appointments.js';
import type { Actor, Person } from '../../server/core/types.js';
import { at, newHall, refuse, run, visitor, type Hall } from './hall-fixture.js';

// 2026-11-23 is a Monday; the hall works Monday to Friday, and the pension service has 13 slots of 2 places a day.
const zhang = visitor('张三', '19800101');
const li = visitor('李四', '19850505', '002');
const now = at('2026-11-23 10:05');
const calendar = (holidays: string[], workdays: string[] = []): FollowUpSettings => ({ contactHours: 1, rectifyWorkingDays: 5, holidays, workdays });

function booking(hall: Hall, date: string, slotStart: string, person: Person = zhang, code = '100001') {
  return { serviceId: hall.service.pension, date, slotStart, person, code };
}

describe('how far ahead a visitor may book', () => {
  it('takes today (day 0) to the seventh day by default, and refuses the eighth saying how far one may book', () => {
    const hall = newHall();
    expect(run(hall.state, 'createAppointment', booking(hall, '2026-11-23', '14:00'), now).date).toBe('2026-11-23');
    expect(run(hall.state, 'createAppointment', booking(hall, '2026-11-30', '09:00', li, '100002'), now).date).toBe('2026-11-30');
    expect(refuse(hall.state, 'createAppointment', booking(hall, '2026-12-01', '09:00', li, '100003'), now)).toMatchObject({
      code: 'SLOT_TOO_FAR', status: 422,
      message: { zh: '只能预约今天起 7 天内的时段（最晚 2026-11-30）', en: 'Appointments can be booked up to 7 days ahead (until 2026-11-30)' },
    });
  });

  it('follows the hall setting, up to 60 days, and takes no bookings at all at 0', () => {
    const far = newHall({ appointmentDaysAhead: 60 });
    expect(run(far.state, 'createAppointment', booking(far, '2027-01-22', '09:00'), now).date).toBe('2027-01-22');
    expect(refuse(far.state, 'createAppointment', booking(far, '2027-01-25', '09:00'), now).code).toBe('SLOT_TOO_FAR');
    const none = newHall({ appointmentDaysAhead: 0 });
    expect(refuse(none.state, 'createAppointment', booking(none, '2026-11-23', '14:00'), now)).toMatchObject({
      code: 'APPOINTMENTS_OFF', message: { zh: '本大厅暂不接受预约' },
    });
    expect(bookableDays(none.state, none.state.services.get(none.service.pension)!, now)).toEqual([]);
  });

  it('refuses a public holiday by name, and takes a make-up Saturday', () => {
    const hall = newHall({ followUp: calendar(['2026-11-25'], ['2026-11-28']) });
    expect(refuse(hall.state, 'createAppointment', booking(hall, '2026-11-25', '09:00'), now)).toMatchObject({
      code: 'HALL_HOLIDAY', message: { zh: '2026-11-25 是节假日，大厅不办理业务', en: '2026-11-25 is a public holiday; the hall is closed' },
    });
    expect(run(hall.state, 'createAppointment', booking(hall, '2026-11-28', '09:00'), now).slotEnd).toBe('09:30');
  });
});

describe('the dates a phone offers', () => {
  it('lists today to the horizon: holidays and days off closed with the reason, the rest with their places left', () => {
    const hall = newHall({ followUp: calendar(['2026-11-25'], ['2026-11-28']), appointmentDaysAhead: 7 } as Partial<HallSettings>);
    const pension = hall.state.services.get(hall.service.pension)!;
    run(hall.state, 'createAppointment', booking(hall, '2026-11-24', '09:00'), now);
    const days = bookableDays(hall.state, pension, now);
    expect(days.map((d) => [d.date, d.weekday, d.closed])).toEqual([
      ['2026-11-23', 1, null], ['2026-11-24', 2, null], ['2026-11-25', 3, 'holiday'], ['2026-11-26', 4, null], ['2026-11-27', 5, null],
      ['2026-11-28', 6, null], ['2026-11-29', 7, 'not_service_day'], ['2026-11-30', 1, null],
    ]);
    // Today counts only the slots not yet over: at 10:05, 09:00 to 09:30 are gone, 11 slots of 2 are left.
    expect(days[0].left).toBe(slotPlacesOn(hall.state, pension, '2026-11-23', now).reduce((n, s) => n + s.left, 0));
    expect(days[0].left).toBe(22);
    expect(days[1].left).toBe(25);
    expect(days[2].left).toBe(0);
    expect(days[5].left).toBe(26);
    expect(days.some((d) => d.over)).toBe(false);
    // After closing time today has nothing left to book: over, which is not full.
    expect(bookableDays(hall.state, pension, at('2026-11-23 17:00'))[0]).toEqual({ date: '2026-11-23', weekday: 1, closed: null, left: 0, over: true });
  });
});

describe('cancelling a booking', () => {
  const staff: Actor = { kind: 'staff', staffId: 1, role: 'supervisor' };

  it('frees the place, and can be done by the visitor until the slot has ended', () => {
    const hall = newHall();
    const pension = hall.state.services.get(hall.service.pension)!;
    const a = run(hall.state, 'createAppointment', booking(hall, '2026-11-23', '10:00'), now);
    run(hall.state, 'createAppointment', booking(hall, '2026-11-23', '10:00', li, '100002'), now);
    const wang = visitor('王五', '19900101', '003');
    expect(refuse(hall.state, 'createAppointment', booking(hall, '2026-11-23', '10:00', wang, '100003'), now).code).toBe('SLOT_FULL');

    const cancelled = run(hall.state, 'cancelAppointment', { appointmentId: a.id }, at('2026-11-23 10:29'), { kind: 'public' });
    expect(cancelled).toMatchObject({ id: a.id, status: 'cancelled' });
    expect(hall.state.appointments.get(a.id)!.status).toBe('cancelled');
    expect(slotPlacesOn(hall.state, pension, '2026-11-23', now).find((s) => s.start === '10:00')!.left).toBe(1);
    expect(run(hall.state, 'createAppointment', booking(hall, '2026-11-23', '10:00', wang, '100003'), now).slotStart).toBe('10:00');
    // The same person may book again, and the freed code may be given again.
    expect(run(hall.state, 'createAppointment', booking(hall, '2026-11-23', '14:00', zhang, '100001'), now).status).toBe('booked');
  });

  it('is refused once the slot has ended, and for a booking checked in, missed or already cancelled', () => {
    const hall = newHall();
    const late = run(hall.state, 'createAppointment', booking(hall, '2026-11-23', '10:00'), now);
    expect(refuse(hall.state, 'cancelAppointment', { appointmentId: late.id }, at('2026-11-23 10:30'), staff)).toMatchObject({
      code: 'SLOT_PAST', message: { zh: '该预约时段已过' },
    });

    const kept = run(hall.state, 'createAppointment', booking(hall, '2026-11-23', '11:00', li, '100002'), now);
    run(hall.state, 'checkInAppointment', { code: '100002' }, at('2026-11-23 10:50'));
    expect(refuse(hall.state, 'cancelAppointment', { appointmentId: kept.id }, at('2026-11-23 10:51'), staff)).toMatchObject({
      code: 'INVALID_TRANSITION', message: { zh: '预约当前状态为“已签到”，不能取消', en: 'The appointment is checked in; cannot cancel it' },
    });

    const wang = visitor('王五', '19900101', '003');
    const twice = run(hall.state, 'createAppointment', booking(hall, '2026-11-24', '09:00', wang, '100003'), now);
    run(hall.state, 'cancelAppointment', { appointmentId: twice.id }, now, { kind: 'public' });
    expect(refuse(hall.state, 'cancelAppointment', { appointmentId: twice.id }, now, { kind: 'public' }).message.zh).toBe('预约当前状态为“已取消”，不能取消');

    // The day's close marks an unkept booking missed and leaves memory with it; the booking's page answers for it then.
    const missed = run(hall.state, 'createAppointment', booking(hall, '2026-11-24', '10:00', li, '100004'), now);
    run(hall.state, 'closeDay', {}, at('2026-11-25 00:05'));
    expect(hall.state.appointments.has(missed.id)).toBe(false);
    expect(refuse(hall.state, 'cancelAppointment', { appointmentId: missed.id }, at('2026-11-25 00:06'), staff).code).toBe('NOT_FOUND');
  });
});
