import type { Db } from '../../server/store/database.js';
import { hallTimeToEpoch } from '../../server/core/hall-time.js';

/**
 * February 2026 of finished legs written straight into the ticket table, enough that a month's report is real work
 * (the better part of a second): the statistics read these columns alone, so the legs need no events behind them.
 * Days are 24 hours long, as they are in Asia/Shanghai, the test hall's zone.
 */
export function writeBusyFebruary(db: Db, o: { legs: number; serviceIds: number[]; windowIds: number[] }): void {
  const firstId = (db.prepare('SELECT COALESCE(MAX(id), 0) FROM tickets').pluck().get() as number) + 1_000_000;
  db.prepare(`
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < @legs),
    leg AS (
      SELECT i, i / @perDay AS day, @opening + (i / @perDay) * 86400000 + (i * 7919 % 28800) * 1000 AS issued,
        (i * 104729 % 3600) * 1000 AS waited, (i * 31 % 1200) * 1000 AS handled FROM n)
    INSERT INTO tickets (id, visit_id, number, seq_no, hall_day, service_id, status, channel, window_id, staff_id,
      arrived_at, issued_at, called_at, first_called_at, started_at, finished_at, json)
    SELECT @firstId + i, @firstId + i, 'Z' || (i % @perDay + 1), i % @perDay + 1, date('2026-02-01', '+' || day || ' days'),
      json_extract(@services, '$[' || (i % json_array_length(@services)) || ']'), 'done', 'kiosk',
      json_extract(@windows, '$[' || (i % json_array_length(@windows)) || ']'), NULL,
      issued, issued, issued + waited, issued + waited, issued + waited + 30000, issued + waited + 30000 + handled, '{}'
    FROM leg`).run({
    legs: o.legs, perDay: Math.ceil(o.legs / 28), firstId, opening: hallTimeToEpoch('2026-02-01', '09:00', 'Asia/Shanghai'),
    services: JSON.stringify(o.serviceIds), windows: JSON.stringify(o.windowIds),
  });
}
