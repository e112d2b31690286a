import type { FollowUpSettings } from '../../../protocol/config-entities.js';
import { addDays, hallTimeToEpoch, weekdayOf } from '../hall-time.js';

/**
 * Working days as Chinese offices count them: Monday to Friday, except public holidays, plus the weekend days
 * declared make-up working days (调休). Pure calendar arithmetic on 'YYYY-MM-DD' dates.
 */
export interface WorkCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

export function workCalendar(settings: Pick<FollowUpSettings, 'holidays' | 'workdays'>): WorkCalendar {
  return { holidays: new Set(settings.holidays), workdays: new Set(settings.workdays) };
}

export function isWorkingDay(calendar: WorkCalendar, date: string): boolean {
  if (calendar.workdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  return weekdayOf(date) <= 5;
}

/** The n-th working day after `date`, the day itself not counted (a case rated on Friday starts counting Monday). */
export function addWorkingDays(calendar: WorkCalendar, date: string, n: number): string {
  let day = date;
  let left = n;
  // A calendar cannot hold more than its listed holidays in a row plus weekends; the bound only stops a typo
  // (every day a holiday) from looping for ever.
  for (let guard = 0; left > 0 && guard < 5000; guard++) {
    day = addDays(day, 1);
    if (isWorkingDay(calendar, day)) left--;
  }
  return day;
}

/** "Within n working days": until the end of the n-th working day after the given day, on the hall's clock. */
export function workingDayDeadline(calendar: WorkCalendar, date: string, n: number, timeZone: string): number {
  return hallTimeToEpoch(addDays(addWorkingDays(calendar, date, n), 1), '00:00', timeZone);
}
