import type { PauseReason } from '../../protocol/queue-entities.js';
import { addDays } from '../core/hall-time.js';
import type { Db } from '../store/database.js';
import type { Grouping } from './dimensions.js';
import type { StatsPeriod } from './period.js';

export interface WindowTime { openMs: number; busyMs: number; pausedMs: Record<PauseReason, number> }

interface Span { windowId: number; staffId: number | null; areaId: number | null; since: number; until: number }
interface StatusSpan extends Span { status: 'open' | 'paused'; reason: PauseReason | null }

/**
 * The windows' status history, read from the event log: every status change and every day close carries the
 * window's runtime as it became, so consecutive changes of a window bound the spans it spent open or paused.
 * A window the hall closed after its hours (after-hours.ts) is stored when the hall noticed but closed when its day
 * ended (`afterHours.endedAt`), which may be in the period though the close was stored after it (the close at the
 * next midnight, or at start-up when the server was off): a window still open at the period's end looks at its next
 * change, which is that close if the hall made one, found within minutes of the end on the (type, at) index.
 */
function statusSpans(db: Db, period: StatsPeriod): StatusSpan[] {
  return db.prepare(`
    WITH changes AS (
      SELECT e.seq, COALESCE(json_extract(e.payload, '$.afterHours.endedAt'), e.at) AS at, json_extract(e.payload, '$.runtime.windowId') AS window_id,
        json_extract(e.payload, '$.runtime.status') AS status, json_extract(e.payload, '$.runtime.pauseReason') AS reason,
        json_extract(e.payload, '$.runtime.staffId') AS staff_id
      FROM events e WHERE e.type = 'window.statusChanged' AND e.at < @end
      UNION ALL
      SELECT e.seq, e.at, json_extract(r.value, '$.windowId'), json_extract(r.value, '$.status'),
        json_extract(r.value, '$.pauseReason'), json_extract(r.value, '$.staffId')
      FROM events e, json_each(e.payload, '$.runtimes') r WHERE e.type = 'day.closed' AND e.at < @end),
    spans AS (
      SELECT window_id, status, reason, staff_id, at AS since, LEAD(at) OVER (PARTITION BY window_id ORDER BY at, seq) AS next_at
      FROM changes),
    bounded AS (
      SELECT window_id, status, reason, staff_id, since, CASE
        WHEN next_at IS NOT NULL THEN next_at
        WHEN status = 'closed' THEN @end
        ELSE COALESCE((SELECT json_extract(x.payload, '$.afterHours.endedAt') FROM events x
          WHERE x.type = 'window.statusChanged' AND x.at >= @end AND json_extract(x.payload, '$.runtime.windowId') = window_id
          ORDER BY x.at, x.seq LIMIT 1), @end)
      END AS until
      FROM spans)
    SELECT sp.window_id AS windowId, sp.staff_id AS staffId, w.area_id AS areaId, sp.status, sp.reason,
      MAX(sp.since, @start) AS since, MIN(sp.until, @end) AS until
    FROM bounded sp LEFT JOIN windows w ON w.id = sp.window_id
    WHERE sp.status <> 'closed' AND sp.until > @start AND sp.since < @end`).all({ start: period.start, end: period.end }) as StatusSpan[];
}

/** From call to the end of the leg (finished, no-show, transferred): the window is taken by that visitor. */
const busyLegs = `
  FROM tickets t LEFT JOIN windows w ON w.id = t.window_id
  WHERE t.hall_day BETWEEN @dayBefore AND @to AND t.called_at IS NOT NULL AND t.window_id IS NOT NULL
    AND t.called_at < @end AND COALESCE(t.finished_at, @end) > @start`;
const busyClip = 'MIN(COALESCE(t.finished_at, @end), @end) - MAX(t.called_at, @start)';

function busySpans(db: Db, period: StatsPeriod): Span[] {
  return db.prepare(`
    SELECT t.window_id AS windowId, t.staff_id AS staffId, w.area_id AS areaId,
      MAX(t.called_at, @start) AS since, MIN(COALESCE(t.finished_at, @end), @end) AS until ${busyLegs}`)
    .all(busyParams(period)) as Span[];
}

/** By window, staff or area nothing needs cutting, so SQL adds the time up itself instead of handing over every leg. */
function busyTotals(db: Db, by: 'window' | 'staff' | 'area' | 'total', period: StatsPeriod): [string, number][] {
  const key = { window: 't.window_id', staff: 't.staff_id', area: 'w.area_id', total: `'total'` }[by];
  return db.prepare(`SELECT CAST(${key} AS TEXT) AS k, SUM(${busyClip}) AS ms ${busyLegs} GROUP BY k HAVING k IS NOT NULL`)
    .raw().all(busyParams(period)) as [string, number][];
}

function busyParams(period: StatsPeriod) {
  return { start: period.start, end: period.end, to: period.to, dayBefore: dayBefore(period) };
}

/** A leg called late on the evening before the period may still hold the window after midnight. */
function dayBefore(period: StatsPeriod): string {
  return addDays(period.from, -1);
}

/**
 * Cuts a span into the pieces that fall in each group: by window, staff or area whole; by hour, day or month at
 * the boundaries of the hall's days and hours. By service there is nothing to cut into: a window serves many.
 */
export function* piecesOf(by: Grouping, period: StatsPeriod, span: Span): Generator<[string, number]> {
  if (span.until <= span.since) return;
  switch (by) {
    case 'service': return;
    case 'total': yield ['total', span.until - span.since]; return;
    case 'window': yield [String(span.windowId), span.until - span.since]; return;
    case 'staff': if (span.staffId !== null) yield [String(span.staffId), span.until - span.since]; return;
    case 'area': if (span.areaId !== null) yield [String(span.areaId), span.until - span.since]; return;
  }
  for (let i = firstDayEnding(period, span.since); i < period.days.length && period.days[i].start < span.until; i++) {
    const day = period.days[i];
    const since = Math.max(span.since, day.start);
    const until = Math.min(span.until, day.end);
    if (until <= since) continue;
    if (by === 'day') yield [day.day, until - since];
    else if (by === 'month') yield [day.day.slice(0, 7), until - since];
    else {
      for (let hour = Math.floor((since - day.start) / 3_600_000); day.start + hour * 3_600_000 < until; hour++) {
        const piece = Math.min(until, day.start + (hour + 1) * 3_600_000) - Math.max(since, day.start + hour * 3_600_000);
        if (piece > 0) yield [String(hour).padStart(2, '0'), piece];
      }
    }
  }
}

/** The first day that ends after the moment (days are in order): a binary search, since a month has many spans. */
function firstDayEnding(period: StatsPeriod, at: number): number {
  let lo = 0;
  let hi = period.days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (period.days[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function windowTime(db: Db, by: Grouping, period: StatsPeriod): Map<string, WindowTime> {
  const out = new Map<string, WindowTime>();
  const entry = (k: string) => {
    let e = out.get(k);
    if (!e) out.set(k, (e = { openMs: 0, busyMs: 0, pausedMs: { lunch: 0, break: 0, meeting: 0, other: 0 } }));
    return e;
  };
  for (const span of statusSpans(db, period)) {
    for (const [k, ms] of piecesOf(by, period, span)) {
      if (span.status === 'open') entry(k).openMs += ms;
      else entry(k).pausedMs[span.reason ?? 'other'] += ms;
    }
  }
  if (by === 'window' || by === 'staff' || by === 'area' || by === 'total') {
    for (const [k, ms] of busyTotals(db, by, period)) entry(k).busyMs += ms;
  } else if (by !== 'service') {
    for (const span of busySpans(db, period)) for (const [k, ms] of piecesOf(by, period, span)) entry(k).busyMs += ms;
  }
  return out;
}
