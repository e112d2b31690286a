import type { WeekHours } from '../../protocol/config-entities.js';
import type { HallState } from '../core/types.js';
import { parseEndOfPeriod, parseTimeOfDay } from '../core/hall-time.js';
import { hoursOf } from '../core/hours.js';
import type { Db } from '../store/database.js';
import { legKey, type Grouping } from './dimensions.js';
import { daysCte } from './period.js';

export interface HoursCounts { lunch: number; extended: number }

const int = (n: number) => {
  if (!Number.isInteger(n)) throw new Error(`not an integer: ${n}`);
  return String(n);
};

/**
 * One set of opening hours as a SQL expression over `weekday` and `minute` (since the hall day's midnight): 'lunch'
 * between two sessions, 'extended' before the first, after the last or on a closed day, NULL within a session.
 * Written out from the hall's configuration (integers only) because a join against a table of sessions costs a
 * scan of that table for every one of a month's legs.
 */
function classifier(hours: WeekHours): string {
  const sessions = hours.sessions.map((s) => [parseTimeOfDay(s.start), parseEndOfPeriod(s.end)] as const).sort((a, b) => a[0] - b[0]);
  const parts = [`WHEN weekday NOT IN (${hours.days.map(int).join(', ')}) THEN 'extended'`];
  let covered = 0;
  sessions.forEach(([start, end], i) => {
    if (start > covered) parts.push(`WHEN minute < ${int(start)} THEN '${i === 0 ? 'extended' : 'lunch'}'`);
    if (end > covered) parts.push(`WHEN minute < ${int(end)} THEN NULL`);
    covered = Math.max(covered, end);
  });
  return `CASE ${parts.join(' ')} ELSE 'extended' END`;
}

/** Services grouped by their hours (most use the hall's), each group tested once. */
function classifierOfServices(state: HallState): string {
  const groups = new Map<string, { hours: WeekHours; ids: number[] }>();
  for (const service of state.services.values()) {
    const hours = hoursOf(state, service);
    const key = JSON.stringify(hours);
    const group = groups.get(key) ?? { hours, ids: [] };
    group.ids.push(service.id);
    groups.set(key, group);
  }
  const all = [...groups.values()];
  if (all.length === 0) return 'NULL';
  const fallback = classifier(state.settings.hours);
  if (all.length === 1 && all[0].hours === state.settings.hours) return fallback;
  return `CASE ${all.map((g) => `WHEN service_id IN (${g.ids.map(int).join(', ')}) THEN ${classifier(g.hours)}`).join(' ')} ELSE ${fallback} END`;
}

/**
 * 午休值班 and 延时服务: legs whose service started in the gap between two sessions (the lunch break), or before the
 * first session, after the last or on a day the service is closed (extended hours). Judged against the hours
 * configured now.
 */
export function outOfHoursCounts(db: Db, state: HallState, by: Grouping, params: { days: string; from: string; to: string }): Map<string, HoursCounts> {
  const rows = db.prepare(`
    WITH ${daysCte},
    started AS (
      SELECT ${legKey(by)} AS k, t.service_id AS service_id, d.weekday AS weekday, (t.started_at - d.start) / 60000 AS minute
      FROM tickets t JOIN days d ON d.day = t.hall_day ${by === 'area' ? 'JOIN services s ON s.id = t.service_id' : ''}
      WHERE t.hall_day BETWEEN @from AND @to AND t.started_at IS NOT NULL),
    classed AS (SELECT k, ${classifierOfServices(state)} AS class FROM started WHERE k IS NOT NULL)
    SELECT k, SUM(class = 'lunch') AS lunch, SUM(class = 'extended') AS extended FROM classed GROUP BY k`)
    .all(params) as ({ k: string } & { lunch: number | null; extended: number | null })[];
  return new Map(rows.map(({ k, lunch, extended }) => [k, { lunch: lunch ?? 0, extended: extended ?? 0 }]));
}
