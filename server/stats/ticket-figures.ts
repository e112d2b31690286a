import type { Db } from '../store/database.js';
import { legKey, legsOf, type Grouping } from './dimensions.js';
import { daysCte } from './period.js';

export interface LegCounts { tickets: number; served: number; noShow: number; transferred: number; cancelled: number }
export interface Spread { count: number; meanMs: number; p90Ms: number }

type Params = { days: string; from: string; to: string };

/**
 * Legs by final status. A no-show who came back and was served counts as served. The day close ends a no-show
 * (and a visitor called but never come) as cancelled: a leg cancelled after a call is counted as a no-show, since
 * visitors can only cancel while waiting.
 */
export function legCounts(db: Db, by: Grouping, params: Params): Map<string, LegCounts> {
  const rows = db.prepare(`
    WITH ${daysCte}
    SELECT ${legKey(by)} AS k, COUNT(*) AS tickets,
      SUM(t.status = 'done') AS served,
      SUM(t.status = 'no_show' OR (t.status = 'cancelled' AND t.called_at IS NOT NULL)) AS noShow,
      SUM(t.status = 'transferred') AS transferred, SUM(t.status = 'cancelled' AND t.called_at IS NULL) AS cancelled
    FROM ${legsOf(by)}
    WHERE t.hall_day BETWEEN @from AND @to
    GROUP BY k`).all(params) as ({ k: string | null } & LegCounts)[];
  return new Map(rows.filter((r) => r.k !== null).map(({ k, ...counts }) => [k!, counts]));
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

/**
 * Wait runs from the leg's issue to its call: for a first leg that is the visitor's arrival; for a transferred
 * leg it is the transfer, so the time spent at the first window is not counted as waiting at the second.
 */
export function waits(db: Db, by: Grouping, params: Params): Map<string, Spread> {
  return spread(db, by, params, 't.called_at - t.issued_at', 't.called_at IS NOT NULL');
}

/** Handling runs from start to finish, for legs finished or transferred onwards after being started. */
export function handlings(db: Db, by: Grouping, params: Params): Map<string, Spread> {
  return spread(db, by, params, 't.finished_at - t.started_at', 't.started_at IS NOT NULL AND t.finished_at IS NOT NULL');
}
