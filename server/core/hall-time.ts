/**
 * The hall's clock. Days, opening hours and the daily number reset follow the hall's time zone, never the
 * server's: a server set to UTC must still reset numbers at midnight in Beijing.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export interface HallClockReading {
  /** 'YYYY-MM-DD' */
  date: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** Minutes since the hall's midnight. */
  minutes: number;
}

/**
 * Every zone's offset has been a whole number of minutes since 1972, so a reading holds for a whole UTC minute;
 * the last one per zone is kept because formatting a date is the slowest thing a ticket issue does.
 */
const lastReading = new Map<string, { minute: number; reading: HallClockReading }>();
const wholeMinuteOffsetsSince = Date.UTC(1972, 0, 1);

export function readHallClock(now: number, timeZone: string): HallClockReading {
  const minute = Math.floor(now / 60_000);
  const last = lastReading.get(timeZone);
  if (last && last.minute === minute && now >= wholeMinuteOffsetsSince) return last.reading;
  const reading = Object.freeze(formatHallClock(now, timeZone));
  lastReading.set(timeZone, { minute, reading });
  return reading;
}

function formatHallClock(now: number, timeZone: string): HallClockReading {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(now))) parts[p.type] = p.value;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: weekdays[parts.weekday] ?? 1,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

export function hallDay(now: number, timeZone: string): string {
  return readHallClock(now, timeZone).date;
}

export function parseTimeOfDay(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** The end of a session or slot: '00:00' is the midnight that ends the day, so a hall can serve until midnight. */
export function parseEndOfPeriod(hhmm: string): number {
  const minutes = parseTimeOfDay(hhmm);
  return minutes === 0 ? 24 * 60 : minutes;
}

export function formatTimeOfDay(minutes: number): string {
  const h = Math.floor(minutes / 60) % 24;
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

function offsetAt(utcMs: number, timeZone: string): number {
  const p: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(utcMs))) p[part.type] = part.value;
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

/** Epoch ms of a wall-clock time on a hall day. */
export function hallTimeToEpoch(date: string, hhmm: string, timeZone: string): number {
  const [y, mo, d] = date.split('-').map(Number);
  const minutes = parseTimeOfDay(hhmm);
  const guess = Date.UTC(y, mo - 1, d, Math.floor(minutes / 60), minutes % 60);
  const first = guess - offsetAt(guess, timeZone);
  // A second pass settles times near a daylight-saving change, for halls in zones that have one.
  return guess - offsetAt(first, timeZone);
}

/** The ISO weekday of a 'YYYY-MM-DD' date (the calendar's, independent of zones). */
export function weekdayOf(date: string): number {
  const [y, mo, d] = date.split('-').map(Number);
  const day = new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(date: string, days: number): string {
  const [y, mo, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, mo - 1, d + days)).toISOString().slice(0, 10);
}
