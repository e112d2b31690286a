import type { WeekHours } from '../../../protocol/config-entities.js';
import { parseEndOfPeriod, parseTimeOfDay, readHallClock } from '../hall-time.js';

/** One opening session of the day, in epoch ms. */
export interface Session { start: number; end: number }

/**
 * Today's sessions on the hall's clock, in order; none on a day the hours leave out. Times are counted from `now`
 * in whole minutes (every zone's offset has been whole minutes since 1972), which holds for the whole opening day
 * as clocks change at night, before any hall opens.
 */
export function sessionsToday(hours: WeekHours, now: number, timeZone: string): Session[] {
  const clock = readHallClock(now, timeZone);
  if (!hours.days.includes(clock.weekday)) return [];
  const midnightMinute = Math.floor(now / 60_000) - clock.minutes;
  const epochOf = (minutes: number) => (midnightMinute + minutes) * 60_000;
  return hours.sessions
    .map((s) => ({ start: epochOf(parseTimeOfDay(s.start)), end: epochOf(parseEndOfPeriod(s.end)) }))
    .sort((a, b) => a.start - b.start);
}

/**
 * When lunch begun at `since` ends, by the hall's configured hours: the gap between two sessions is the lunch
 * break, so staff who went during the morning session are back when the next one opens. Null when the hours have
 * no such gap around `since` (one long session, or lunch taken before the day's first opening).
 */
export function nextOpeningAfter(sessions: Session[], since: number): number | null {
  for (let i = 1; i < sessions.length; i++) {
    if (sessions[i - 1].start <= since && since < sessions[i].start) return sessions[i].start;
  }
  return null;
}

/** The end of the session under way at `now`, or null when closed: nobody is issued a ticket outside them. */
export function sessionEndAt(sessions: Session[], now: number): number | null {
  for (const s of sessions) if (s.start <= now && now < s.end) return s.end;
  return null;
}
