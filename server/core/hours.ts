import type { Service, WeekHours } from '../../protocol/config-entities.js';
import type { HallState, Ticket } from './types.js';
import { hallCalendar, worksOn, type HallCalendar } from './hall-calendar.js';
import { addDays, formatTimeOfDay, hallTimeToEpoch, parseEndOfPeriod, parseTimeOfDay, readHallClock } from './hall-time.js';

export function hoursOf(state: HallState, service: Service): WeekHours {
  return service.hours ?? state.settings.hours;
}

export type Opening = { open: true } | { open: false; nextOpening: { date: string; time: string } | null };

// How far the next opening is looked for: the longest holidays (Spring Festival, National Day) with the weekends
// around them close a hall for about ten days.
const openingSearchDays = 31;

/**
 * Whether a service takes tickets now, and if not, when it opens next: on its weekdays and the hall's make-up days,
 * never on the hall's holidays.
 */
export function serviceOpening(hours: WeekHours, calendar: HallCalendar, now: number, timeZone: string): Opening {
  const clock = readHallClock(now, timeZone);
  const sessions = [...hours.sessions].sort((a, b) => a.start.localeCompare(b.start));
  if (worksOn(calendar, hours.days, clock.date)) {
    for (const s of sessions) {
      if (clock.minutes >= parseTimeOfDay(s.start) && clock.minutes < parseEndOfPeriod(s.end)) return { open: true };
    }
    const later = sessions.find((s) => parseTimeOfDay(s.start) > clock.minutes);
    if (later) return { open: false, nextOpening: { date: clock.date, time: later.start } };
  }
  for (let i = 1; i <= openingSearchDays; i++) {
    const date = addDays(clock.date, i);
    if (worksOn(calendar, hours.days, date) && sessions.length > 0) return { open: false, nextOpening: { date, time: sessions[0].start } };
  }
  return { open: false, nextOpening: null };
}

/**
 * When the last session of these hours ends on a hall day, or null when they are not worked that day (a weekday
 * they leave out, a holiday): the end of the day for whatever keeps these hours. A session ending '00:00' ends at
 * the next midnight.
 */
export function lastSessionEnd(hours: WeekHours, calendar: HallCalendar, date: string, timeZone: string): number | null {
  if (!worksOn(calendar, hours.days, date)) return null;
  const end = Math.max(...hours.sessions.map((s) => parseEndOfPeriod(s.end)));
  return end >= 24 * 60 ? hallTimeToEpoch(addDays(date, 1), '00:00', timeZone) : hallTimeToEpoch(date, formatTimeOfDay(end), timeZone);
}

/** A service's opening now, on its hours and the hall's calendar: what issuing and the kiosk and phone lists go by. */
export function openingOf(state: HallState, service: Service, now: number): Opening {
  return serviceOpening(hoursOf(state, service), hallCalendar(state.settings), now, state.settings.timeZone);
}

export function describeNextOpening(opening: Extract<Opening, { open: false }>, today: string): { nextZh: string; nextEn: string } {
  const next = opening.nextOpening;
  if (!next) return { nextZh: '暂无开放安排', nextEn: 'no opening is scheduled' };
  if (next.date === today) return { nextZh: `今天 ${next.time} 开始办理`, nextEn: `it opens today at ${next.time}` };
  return { nextZh: `${next.date} ${next.time} 开始办理`, nextEn: `it opens on ${next.date} at ${next.time}` };
}

/** Tickets counted against quotas: first legs issued today (transfers and appointments' own slots aside). */
function issuedToday(state: HallState, serviceId: number, day: string): Ticket[] {
  const out: Ticket[] = [];
  for (const t of state.tickets.values()) {
    if (t.serviceId === serviceId && t.hallDay === day && t.channel !== 'transfer') out.push(t);
  }
  return out;
}

export type QuotaCheck = { ok: true } | { ok: false; code: 'QUOTA_REACHED' } | { ok: false; code: 'SLOT_QUOTA_REACHED'; slotEnd: string };

export function checkQuotas(state: HallState, service: Service, now: number): QuotaCheck {
  // Most services have no quota, and counting means going through the whole day's tickets.
  if (service.dailyQuota === null && service.slotQuotas.length === 0) return { ok: true };
  const clock = readHallClock(now, state.settings.timeZone);
  const today = issuedToday(state, service.id, clock.date);
  if (service.dailyQuota !== null && today.length >= service.dailyQuota) return { ok: false, code: 'QUOTA_REACHED' };
  for (const slot of service.slotQuotas) {
    const start = parseTimeOfDay(slot.start);
    const end = parseEndOfPeriod(slot.end);
    if (clock.minutes < start || clock.minutes >= end) continue;
    const inSlot = today.filter((t) => {
      const m = readHallClock(t.issuedAt, state.settings.timeZone).minutes;
      return m >= start && m < end;
    }).length;
    if (inSlot >= slot.limit) return { ok: false, code: 'SLOT_QUOTA_REACHED', slotEnd: formatTimeOfDay(end) };
  }
  return { ok: true };
}
