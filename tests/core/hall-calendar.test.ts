import { describe, expect, it } from 'vitest';
import type { FollowUpSettings } from '../../protocol/config-entities.js';
import { slotsOn } from '../../server/core/commands/appointments.js';
import { calendarOf, closedReason, hallCalendar, worksOn } from '../../server/core/hall-calendar.js';
import { addDays, weekdayOf } from '../../server/core/hall-time.js';
import { openingOf } from '../../server/core/hours.js';
import { addWorkingDays } from '../../server/core/ratings/working-days.js';
import { at, decide, issue, newHall } from './hall-fixture.js';

// 2026-11-23 is a Monday. The hall works Monday to Friday, 09:00-12:00 and 13:30-17:00.
const calendar = (holidays: string[], workdays: string[] = []): FollowUpSettings => ({ contactHours: 1, rectifyWorkingDays: 5, holidays, workdays });

describe("the hall's working calendar", () => {
  it('changes nothing while it lists no holidays: a day works exactly when its weekday is in the hours', () => {
    const empty = calendarOf({ holidays: [], workdays: [] });
    for (const weekdays of [[1, 2, 3, 4, 5], [2, 4], [6, 7], [1, 2, 3, 4, 5, 6, 7]]) {
      for (let i = 0; i < 14; i++) {
        const date = addDays('2026-11-23', i);
        expect(worksOn(empty, weekdays, date), `${date} on ${weekdays}`).toBe(weekdays.includes(weekdayOf(date)));
      }
    }
    // A hall that never saved follow-up settings has the empty calendar.
    expect(hallCalendar(newHall().state.settings)).toEqual(empty);
  });

  it('closes a holiday whatever its weekday, opens a make-up day whatever its weekday, and says why a day is closed', () => {
    const c = calendarOf({ holidays: ['2026-11-25'], workdays: ['2026-11-28'] });
    expect(closedReason(c, [1, 2, 3, 4, 5], '2026-11-25')).toBe('holiday');
    expect(closedReason(c, [1, 2, 3, 4, 5], '2026-11-28')).toBeNull();
    expect(closedReason(c, [2, 4], '2026-11-28')).toBeNull();
    expect(closedReason(c, [1, 2, 3, 4, 5], '2026-11-29')).toBe('not_service_day');
    expect(closedReason(c, [1, 2, 3, 4, 5], '2026-11-26')).toBeNull();
  });

  it('gives no appointment slots on a holiday and the service\'s own sessions on a make-up Saturday', () => {
    const hall = newHall({ followUp: calendar(['2026-11-25'], ['2026-11-28']) });
    const pension = hall.state.services.get(hall.service.pension)!;
    const tuesday = slotsOn(hall.state, pension, '2026-11-24');
    expect(tuesday.length).toBe(13);
    expect(slotsOn(hall.state, pension, '2026-11-25')).toEqual([]);
    expect(slotsOn(hall.state, pension, '2026-11-28')).toEqual(tuesday);
    expect(slotsOn(hall.state, pension, '2026-11-29')).toEqual([]);
  });

  it('refuses tickets on a holiday as closed, naming the next working day; takes them on a make-up Saturday', () => {
    const hall = newHall({ followUp: calendar(['2026-11-25', '2026-11-26', '2026-11-27'], ['2026-11-28']) });
    const refused = decide(hall.state, 'issueTicket', { serviceId: hall.service.pension, channel: 'online', person: null }, at('2026-11-25 10:00'));
    expect(refused).toMatchObject({ ok: false, code: 'SERVICE_CLOSED', message: { zh: '该业务当前不在办理时间，2026-11-28 09:00 开始办理' } });
    expect(issue(hall, hall.service.pension, at('2026-11-28 10:00')).number).toBe('A001');
  });

  it('finds the next opening past a holiday week and its weekends, beyond the old seven-day look-ahead', () => {
    // National Day 2026 as a hall might list it: 10-01 to 10-08 off, Sunday 09-27 and Saturday 10-10 worked.
    const holidays = ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'];
    const hall = newHall({ followUp: calendar(holidays, ['2026-09-27', '2026-10-10']) });
    const pension = hall.state.services.get(hall.service.pension)!;
    expect(openingOf(hall.state, pension, at('2026-09-30 18:00'))).toEqual({ open: false, nextOpening: { date: '2026-10-09', time: '09:00' } });
    expect(openingOf(hall.state, pension, at('2026-09-26 18:00'))).toEqual({ open: false, nextOpening: { date: '2026-09-27', time: '09:00' } });
    expect(openingOf(hall.state, pension, at('2026-10-10 09:30'))).toEqual({ open: true });
    expect(openingOf(hall.state, pension, at('2026-10-01 09:30')).open).toBe(false);
  });

  it('is the calendar rating deadlines count working days on', () => {
    const hall = newHall({ followUp: calendar(['2026-11-25', '2026-11-26'], ['2026-11-28']) });
    expect(addWorkingDays(hallCalendar(hall.state.settings), '2026-11-23', 5)).toBe('2026-12-01');
  });
});
