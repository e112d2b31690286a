import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, workCalendar, workingDayDeadline } from '../../../server/core/ratings/working-days.js';
import { at } from '../hall-fixture.js';

// 2026-11-23 is a Monday.
const plain = workCalendar({ holidays: [], workdays: [] });

describe('working days', () => {
  it('are Monday to Friday when no holidays are listed', () => {
    expect(['2026-11-23', '2026-11-27'].map((d) => isWorkingDay(plain, d))).toEqual([true, true]);
    expect(['2026-11-28', '2026-11-29'].map((d) => isWorkingDay(plain, d))).toEqual([false, false]);
  });

  it('count from the day after, skipping the weekend', () => {
    expect(addWorkingDays(plain, '2026-11-23', 5)).toBe('2026-11-30');
    expect(addWorkingDays(plain, '2026-11-27', 1)).toBe('2026-11-30');
    // A rating given on a Saturday starts counting on Monday.
    expect(addWorkingDays(plain, '2026-11-28', 1)).toBe('2026-11-30');
  });

  it('skip listed holidays and count make-up working days on a weekend', () => {
    const holidays = workCalendar({ holidays: ['2026-11-25', '2026-11-26'], workdays: [] });
    expect(addWorkingDays(holidays, '2026-11-23', 5)).toBe('2026-12-02');
    const withMakeUp = workCalendar({ holidays: ['2026-11-25', '2026-11-26'], workdays: ['2026-11-28'] });
    expect(isWorkingDay(withMakeUp, '2026-11-28')).toBe(true);
    expect(addWorkingDays(withMakeUp, '2026-11-23', 5)).toBe('2026-12-01');
  });

  it('cross the Spring Festival week as a hall calendar lists it', () => {
    // 2027 Spring Festival: 02-06 to 02-12 off except the weekend days made working days before and after.
    const spring = workCalendar({
      holidays: ['2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'],
      workdays: ['2027-02-14'],
    });
    // From Thursday 02-04: Fri 05, (holiday week), Sun 14 (make-up), Mon 15, Tue 16, Wed 17.
    expect(addWorkingDays(spring, '2027-02-04', 5)).toBe('2027-02-17');
  });

  it('end at the hall midnight after the last working day', () => {
    expect(workingDayDeadline(plain, '2026-11-23', 5, 'Asia/Shanghai')).toBe(at('2026-12-01 00:00'));
  });
});
