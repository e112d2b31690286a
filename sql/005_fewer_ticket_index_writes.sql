-- Fewer index pages written with every ticket: each page a command changes is written to the journal and synced.
-- tickets_stats begins with (hall_day, service_id), so it serves every query tickets_day_service did.
DROP INDEX tickets_day_service;
-- Only a start-up reads tickets by status, for the ones still open. Done and cancelled tickets, nearly all of them,
-- need no place in that index: a finished ticket now leaves it instead of moving within it (a page less for each
-- finish), and it stays the size of the day's queue instead of every ticket the hall has kept.
DROP INDEX tickets_status;
CREATE INDEX tickets_open ON tickets (status) WHERE status IN ('waiting', 'called', 'serving', 'no_show');
