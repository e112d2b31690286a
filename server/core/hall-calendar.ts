import type { HallSettings } from '../../protocol/config-entities.js';
import type { DayClosedReason } from '../../protocol/appointments.js';
import { weekdayOf } from './hall-time.js';
import { followUpSettingsOf } from './ratings/settings.js';

/**
 * The hall's working calendar: its public holidays, when the hall is closed, and its make-up working days (调休,
 * 值班日), when it works whatever the weekday. The lists are kept in the follow-up settings, where they were first
 * needed; every question "does the hall work on this date" is answered by closedReason below: appointment slots,
 * a service's next opening (and so ticket issuing), and the working days rating deadlines are counted in.
 */
export interface HallCalendar {
  holidays: ReadonlySet<string>;
  workdays: ReadonlySet<string>;
}

export function calendarOf(lists: { holidays: readonly string[]; workdays: readonly string[] }): HallCalendar {
  return { holidays: new Set(lists.holidays), workdays: new Set(lists.workdays) };
}

// Every ticket issued asks for the calendar: it is built once per saved settings (a save replaces the object).
const built = new WeakMap<object, HallCalendar>();

export function hallCalendar(settings: HallSettings): HallCalendar {
  const lists = followUpSettingsOf(settings);
  let calendar = built.get(lists);
  if (!calendar) {
    calendar = calendarOf(lists);
    built.set(lists, calendar);
  }
  return calendar;
}

/**
 * Why the hall does not work `date` for something open on these ISO weekdays (a service's hours, or Monday to
 * Friday for office deadlines), or null when it does. A make-up day works; a holiday does not, whatever its weekday.
 */
export function closedReason(calendar: HallCalendar, weekdays: readonly number[], date: string): DayClosedReason | null {
  if (calendar.workdays.has(date)) return null;
  if (calendar.holidays.has(date)) return 'holiday';
  return weekdays.includes(weekdayOf(date)) ? null : 'not_service_day';
}

export function worksOn(calendar: HallCalendar, weekdays: readonly number[], date: string): boolean {
  return closedReason(calendar, weekdays, date) === null;
}
