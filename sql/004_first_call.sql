-- A leg's wait runs from joining its queue to its first call. A no-show re-queued (过号顺延) is called again and
-- called_at moves to that call (or back to none while it waits); first_called_at keeps the first, so the time
-- after a missed call is not counted as waiting, and a re-queued leg the day closes on still counts as a no-show.
ALTER TABLE tickets ADD COLUMN first_called_at INTEGER;
UPDATE tickets SET first_called_at = called_at;

-- Legs re-queued before this column existed: their first call is in the event log.
WITH first_calls AS (
  SELECT json_extract(payload, '$.ticket.id') AS id, MIN(json_extract(payload, '$.ticket.calledAt')) AS at
  FROM events WHERE type = 'ticket.called' GROUP BY 1)
UPDATE tickets SET first_called_at = first_calls.at FROM first_calls
WHERE first_calls.id = tickets.id AND json_extract(tickets.json, '$.requeues') > 0;

-- The statistics index holds every column the statistics read, now the first call too.
DROP INDEX tickets_stats;
CREATE INDEX tickets_stats ON tickets (hall_day, service_id, status, window_id, staff_id, visit_id, issued_at, first_called_at, called_at, started_at, finished_at);
