import type { StatsDimension, StatsReport, StatsRow } from '../../protocol/stats.js';
import type { HallState } from '../core/types.js';
import type { Db } from '../store/database.js';
import { unhandledKey, type Grouping } from './dimensions.js';
import { appointmentCounts, followUpCounts, ratingCounts, type FollowUpCounts } from './feedback-figures.js';
import { compareKeys, rowLabeller } from './labels.js';
import { daysParam, statsPeriod, type StatsPeriod } from './period.js';
import { outOfHoursCounts } from './service-hours.js';
import { handlings, legCounts, waits, type Spread } from './ticket-figures.js';
import { windowTime } from './window-time.js';

const seconds = (ms: number | undefined | null) => (ms == null ? null : Math.round(ms / 100) / 10);
const minutes = (ms: number) => Math.round(ms / 6_000) / 10;
const rate = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);
const noFollowUps: FollowUpCounts = { open: 0, contacted: 0, rectified: 0, explained: 0, appealed: 0, closed: 0, overdue: 0 };

/** Every figure of every group of a period: a handful of SQL queries, merged by group key. */
export function statsRows(db: Db, state: HallState, by: Grouping, period: StatsPeriod): StatsRow[] {
  const params = { days: daysParam(period), from: period.from, to: period.to };
  const counts = legCounts(db, by, params);
  const wait = waits(db, by, params);
  const handling = handlings(db, by, params);
  const time = windowTime(db, by, period);
  const ratings = ratingCounts(db, by, params);
  const followUps = followUpCounts(db, by, { ...params, now: period.now });
  const appointments = appointmentCounts(db, by, params);
  const hours = outOfHoursCounts(db, state, by, params);

  const keys = new Set<string>();
  for (const m of [counts, wait, handling, time, ratings, followUps, appointments, hours]) for (const k of m.keys()) keys.add(k);
  const label = rowLabeller(db, by);
  const windowTimeApplies = by !== 'service';
  // Nobody's tickets have no window hours to show: blank, not zero.
  const timeApplies = (key: string) => windowTimeApplies && key !== unhandledKey;
  const missedApplies = by !== 'window' && by !== 'staff';
  return [...keys].sort(compareKeys(by)).map((key): StatsRow => {
    const c = counts.get(key);
    const t = time.get(key) ?? { openMs: 0, busyMs: 0, pausedMs: { lunch: 0, break: 0, meeting: 0, other: 0 } };
    const r = ratings.get(key) ?? { ratings: 0, good: 0, bad: 0 };
    const spread = (s: Spread | undefined) => [seconds(s?.meanMs), seconds(s?.p90Ms)] as const;
    const [waitMeanSec, waitP90Sec] = spread(wait.get(key));
    const [handlingMeanSec, handlingP90Sec] = spread(handling.get(key));
    return {
      key, label: label(key),
      tickets: c?.tickets ?? 0, served: c?.served ?? 0, noShow: c?.noShow ?? 0,
      transferred: c?.transferred ?? 0, cancelled: c?.cancelled ?? 0,
      waitMeanSec, waitP90Sec, handlingMeanSec, handlingP90Sec,
      openMinutes: timeApplies(key) ? minutes(t.openMs) : null,
      busyMinutes: timeApplies(key) ? minutes(t.busyMs) : null,
      idleMinutes: timeApplies(key) ? minutes(Math.max(0, t.openMs - t.busyMs)) : null,
      utilisation: timeApplies(key) ? rate(t.busyMs, t.openMs) : null,
      pauseMinutes: timeApplies(key)
        ? { lunch: minutes(t.pausedMs.lunch), break: minutes(t.pausedMs.break), meeting: minutes(t.pausedMs.meeting), other: minutes(t.pausedMs.other) }
        : null,
      ratings: r.ratings, goodRatings: r.good, badRatings: r.bad, goodRate: rate(r.good, r.ratings),
      followUps: followUps.get(key) ?? noFollowUps,
      appointmentsKept: appointments.get(key)?.kept ?? 0,
      appointmentsMissed: missedApplies ? appointments.get(key)?.missed ?? 0 : null,
      lunchBreakServed: hours.get(key)?.lunch ?? 0,
      extendedHoursServed: hours.get(key)?.extended ?? 0,
    };
  });
}

/** The report the admin screens and exports show: the rows of the chosen breakdown, and the period's total. */
export function statisticsReport(db: Db, state: HallState, query: { from: string; to: string; by: StatsDimension }, now: number): StatsReport {
  const period = statsPeriod(query.from, query.to, state.settings.timeZone, now);
  const rows = statsRows(db, state, query.by, period);
  const total = statsRows(db, state, 'total', period)[0] ?? zeroRow();
  return { from: query.from, to: query.to, by: query.by, generatedAt: now, rows, total };
}

export function zeroRow(): StatsRow {
  return {
    key: 'total', label: { zh: '合计', en: 'Total' }, tickets: 0, served: 0, noShow: 0, transferred: 0, cancelled: 0,
    waitMeanSec: null, waitP90Sec: null, handlingMeanSec: null, handlingP90Sec: null, openMinutes: 0, busyMinutes: 0, idleMinutes: 0,
    utilisation: null, pauseMinutes: { lunch: 0, break: 0, meeting: 0, other: 0 }, ratings: 0, goodRatings: 0, badRatings: 0,
    goodRate: null, followUps: noFollowUps, appointmentsKept: 0, appointmentsMissed: 0, lunchBreakServed: 0, extendedHoursServed: 0,
  };
}
