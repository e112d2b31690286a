import { addDays, hallTimeToEpoch } from '../hall-time.js';
import { calendarOf, worksOn, type HallCalendar } from '../hall-calendar.js';

/**
 * Working days as Chinese offices count them, on the hall's calendar: Monday to Friday, except its public holidays,
 * plus its make-up working days (调休). Pure calendar arithmetic on 'YYYY-MM-DD' dates.
 */
// The hall's own calendar, under the names the rating rules have always used for it.
export type WorkCalendar = HallCalendar;
export const workCalendar = calendarOf;

const officeWeekdays = [1, 2, 3, 4, 5] as const;

export function isWorkingDay(calendar: WorkCalendar, date: string): boolean {
  return worksOn(calendar, officeWeekdays, date);
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
