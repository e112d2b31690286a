import { addDays, hallTimeToEpoch, weekdayOf } from '../core/hall-time.js';

export interface StatsDay { day: string; start: number; end: number; weekday: number }

/** A run of hall days, with each day's bounds on the hall's clock (a day is not always 24 hours where clocks change). */
export interface StatsPeriod {
  from: string;
  to: string;
  days: StatsDay[];
  start: number;
  /** The end of the last day, or now when the period runs into the present. */
  end: number;
  now: number;
}

/** At most a year and a bit per report: enough for any annual return, short enough to answer in a second or two. */
export const maxPeriodDays = 400;

export function statsPeriod(from: string, to: string, timeZone: string, now: number): StatsPeriod {
  const days: StatsDay[] = [];
  for (let day = from; day <= to && days.length < maxPeriodDays; day = addDays(day, 1)) {
    const next = addDays(day, 1);
    days.push({ day, start: hallTimeToEpoch(day, '00:00', timeZone), end: hallTimeToEpoch(next, '00:00', timeZone), weekday: weekdayOf(day) });
  }
  const start = days[0]?.start ?? 0;
  const end = Math.max(start, Math.min(days[days.length - 1]?.end ?? 0, now));
  return { from, to, days, start, end, now };
}

/** The days as SQL reads them: json_each over {"YYYY-MM-DD": {start, weekday}}. */
export function daysParam(period: StatsPeriod): string {
  return JSON.stringify(Object.fromEntries(period.days.map((d) => [d.day, { start: d.start, weekday: d.weekday }])));
}

export const daysCte = `days(day, start, weekday) AS MATERIALIZED (
  SELECT key, json_extract(value, '$.start'), json_extract(value, '$.weekday') FROM json_each(@days))`;
