-- Statistics read a month of tickets by hall day: this index holds every column they read, so a month's figures
-- come from the index alone and never from the ticket rows with their JSON.
CREATE INDEX tickets_stats ON tickets (hall_day, service_id, status, window_id, staff_id, visit_id, issued_at, called_at, started_at, finished_at);

-- 好差评: one rating per visit, tied to the leg that finished it; columns for the statistics, json for the record.
CREATE TABLE ratings (
  id           INTEGER PRIMARY KEY,
  visit_id     INTEGER NOT NULL UNIQUE,
  ticket_id    INTEGER NOT NULL,
  hall_day     TEXT    NOT NULL,
  service_id   INTEGER NOT NULL,
  window_id    INTEGER,
  staff_id     INTEGER,
  level        INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  channel      TEXT    NOT NULL,
  case_number  TEXT,
  rated_at     INTEGER NOT NULL,
  -- An upheld appeal: the rating was mistaken and counts in no statistics.
  voided       INTEGER NOT NULL DEFAULT 0,
  json         TEXT    NOT NULL
);
-- Holds every column the statistics read, as tickets_stats does for tickets.
CREATE INDEX ratings_stats ON ratings (hall_day, voided, level, service_id, window_id, staff_id, ticket_id);
CREATE INDEX ratings_case_number ON ratings (case_number) WHERE case_number IS NOT NULL;

-- A bad rating's follow-up case; the deadlines are stored so overdue cases are found by an indexed query.
CREATE TABLE follow_ups (
  id              INTEGER PRIMARY KEY,
  rating_id       INTEGER NOT NULL UNIQUE,
  ticket_id       INTEGER NOT NULL,
  hall_day        TEXT    NOT NULL,
  service_id      INTEGER NOT NULL,
  window_id       INTEGER,
  staff_id        INTEGER,
  assignee_id     INTEGER,
  status          TEXT    NOT NULL,
  opened_at       INTEGER NOT NULL,
  contact_due_at  INTEGER NOT NULL,
  rectify_due_at  INTEGER NOT NULL,
  contacted_at    INTEGER,
  resolved_at     INTEGER,
  closed_at       INTEGER,
  json            TEXT    NOT NULL
);
CREATE INDEX follow_ups_day ON follow_ups (hall_day);
CREATE INDEX follow_ups_status ON follow_ups (status, rectify_due_at);
CREATE INDEX follow_ups_assignee ON follow_ups (assignee_id, status);

-- 办件编号 posted by the window's business system, per leg; the latest posting wins, the event log keeps them all.
CREATE TABLE case_numbers (
  ticket_id    INTEGER PRIMARY KEY,
  visit_id     INTEGER NOT NULL,
  case_number  TEXT    NOT NULL,
  posted_at    INTEGER NOT NULL
);
