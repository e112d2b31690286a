/**
 * What the figures count (the same in the exports and the window report):
 * - Everything is per leg. A transfer ends one leg and opens another for the same visit, so a visit sent from
 *   社保 to 不动产 is two tickets, one transferred and one with its own outcome, each in its own service's row.
 * - A leg's wait runs from joining its queue to its first call: a first leg joins at the visitor's arrival, a
 *   transferred leg at the transfer, so the time served at the first window is not waiting at the second. A
 *   re-queued no-show's wait ends at its first call too: what follows a missed call is not counted as waiting.
 *   The visit keeps its first arrival (arrived_at): the queue is ordered by it, and a visit's time in the hall
 *   runs from it.
 * - Handling runs from start of service to its end (finished, or transferred onwards after being started).
 * - Outcomes by final status: served (done, a re-queued no-show served in the end included), no-show (missed the
 *   call; a leg cancelled after being called, as the day close ends a no-show, counts here), transferred, and
 *   cancelled (only before any call: visitors can cancel only while waiting).
 * - A leg belongs to the hour it joined its queue, its service, and the window and staff member that called it.
 */
import type { Db } from '../store/database.js';
import { legKey, legsOf, unhandledKey, type Grouping } from './dimensions.js';
import { daysCte } from './period.js';

export interface LegCounts { tickets: number; served: number; noShow: number; transferred: number; cancelled: number }
export interface Spread { count: number; meanMs: number; p90Ms: number }

type Params = { days: string; from: string; to: string };

/** Legs by final status; called means called at least once, so a re-queued no-show is counted as called. */
export function legCounts(db: Db, by: Grouping, params: Params): Map<string, LegCounts> {
  const rows = db.prepare(`
    WITH ${daysCte}
    SELECT ${legKey(by)} AS k, COUNT(*) AS tickets,
      SUM(t.status = 'done') AS served,
      SUM(t.status = 'no_show' OR (t.status = 'cancelled' AND t.first_called_at IS NOT NULL)) AS noShow,
      SUM(t.status = 'transferred') AS transferred, SUM(t.status = 'cancelled' AND t.first_called_at IS NULL) AS cancelled
    FROM ${legsOf(by)}
    WHERE t.hall_day BETWEEN @from AND @to
    GROUP BY k`).all(params) as ({ k: string | null } & LegCounts)[];
  // Only a window or staff key can be missing: a leg nobody called. Kept, so the rows add up to the total.
  return new Map(rows.map(({ k, ...counts }) => [k ?? unhandledKey, counts]));
}

/**
 * Mean and nearest-rank 90th percentile of a duration per group, in SQL: rank within the group, then take the
 * value at rank ceil(0.9 n).
 */
function spread(db: Db, by: Grouping, params: Params, duration: string, present: string): Map<string, Spread> {
  const rows = db.prepare(`
    WITH ${daysCte},
    durations AS (
      SELECT ${legKey(by)} AS k, ${duration} AS v FROM ${legsOf(by)}
      WHERE t.hall_day BETWEEN @from AND @to AND ${present}),
    ranked AS (
      SELECT k, v, ROW_NUMBER() OVER (PARTITION BY k ORDER BY v) AS rn, COUNT(*) OVER (PARTITION BY k) AS n
      FROM durations WHERE k IS NOT NULL)
    SELECT k, COUNT(*) AS count, AVG(v) AS meanMs, MAX(CASE WHEN rn = (9 * n + 9) / 10 THEN v END) AS p90Ms
    FROM ranked GROUP BY k`).all(params) as ({ k: string } & Spread)[];
  return new Map(rows.map(({ k, ...s }) => [k, s]));
}

/** issued_at is the leg's own joining of its queue: the arrival for a first leg, the transfer for the next. */
export function waits(db: Db, by: Grouping, params: Params): Map<string, Spread> {
  return spread(db, by, params, 't.first_called_at - t.issued_at', 't.first_called_at IS NOT NULL');
}

export function handlings(db: Db, by: Grouping, params: Params): Map<string, Spread> {
  return spread(db, by, params, 't.finished_at - t.started_at', 't.started_at IS NOT NULL AND t.finished_at IS NOT NULL');
}
