-- The event log is the record of everything that happened; the other tables are projections of it,
-- written in the same transaction so they never disagree.
CREATE TABLE events (
  seq      INTEGER PRIMARY KEY AUTOINCREMENT,
  at       INTEGER NOT NULL,
  type     TEXT    NOT NULL,
  actor    TEXT    NOT NULL,
  payload  TEXT    NOT NULL
);
CREATE INDEX events_type_at ON events (type, at);

CREATE TABLE settings (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  json  TEXT NOT NULL
);

-- Config rows are kept after deletion (deleted_at) so history and statistics can still name them.
CREATE TABLE areas (
  id INTEGER PRIMARY KEY, code TEXT NOT NULL, json TEXT NOT NULL, deleted_at INTEGER
);
CREATE TABLE services (
  id INTEGER PRIMARY KEY, code TEXT NOT NULL, area_id INTEGER NOT NULL, prefix TEXT NOT NULL, json TEXT NOT NULL, deleted_at INTEGER
);
CREATE TABLE windows (
  id INTEGER PRIMARY KEY, number INTEGER NOT NULL, area_id INTEGER NOT NULL, json TEXT NOT NULL, deleted_at INTEGER
);
CREATE TABLE staff (
  id INTEGER PRIMARY KEY, number TEXT NOT NULL, role TEXT NOT NULL, json TEXT NOT NULL, deleted_at INTEGER,
  password_hash TEXT
);
CREATE UNIQUE INDEX staff_number ON staff (number) WHERE deleted_at IS NULL;
CREATE TABLE priority_classes (
  id INTEGER PRIMARY KEY, code TEXT NOT NULL, json TEXT NOT NULL, deleted_at INTEGER
);

CREATE TABLE window_runtime (
  window_id INTEGER PRIMARY KEY, json TEXT NOT NULL
);

CREATE TABLE tickets (
  id                INTEGER PRIMARY KEY,
  visit_id          INTEGER NOT NULL,
  number            TEXT    NOT NULL,
  seq_no            INTEGER NOT NULL,
  hall_day          TEXT    NOT NULL,
  service_id        INTEGER NOT NULL,
  status            TEXT    NOT NULL,
  channel           TEXT    NOT NULL,
  id_hash           TEXT,
  priority_class_id INTEGER,
  window_id         INTEGER,
  staff_id          INTEGER,
  arrived_at        INTEGER NOT NULL,
  issued_at         INTEGER NOT NULL,
  called_at         INTEGER,
  started_at        INTEGER,
  finished_at       INTEGER,
  json              TEXT    NOT NULL
);
CREATE INDEX tickets_day_service ON tickets (hall_day, service_id);
CREATE INDEX tickets_status ON tickets (status);
-- A number is given once per service per hall day; transfer legs share their visit's number.
CREATE UNIQUE INDEX tickets_number_once ON tickets (service_id, hall_day, seq_no) WHERE channel <> 'transfer';

CREATE TABLE appointments (
  id INTEGER PRIMARY KEY, service_id INTEGER NOT NULL, date TEXT NOT NULL, slot_start TEXT NOT NULL,
  code TEXT NOT NULL, status TEXT NOT NULL, id_hash TEXT NOT NULL, json TEXT NOT NULL
);
CREATE INDEX appointments_date ON appointments (date);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY, staff_id INTEGER NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL
);
CREATE TABLE devices (
  id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, role TEXT NOT NULL, area_id INTEGER, window_id INTEGER,
  token_hash TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL, revoked_at INTEGER
);
CREATE TABLE pairing_codes (
  code_hash TEXT PRIMARY KEY, role TEXT NOT NULL, area_id INTEGER, window_id INTEGER,
  created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, used_at INTEGER
);
-- A phone follows its visit by an unguessable token; only its hash is stored.
CREATE TABLE visit_tokens (
  token_hash TEXT PRIMARY KEY, visit_id INTEGER NOT NULL
);
CREATE INDEX visit_tokens_visit ON visit_tokens (visit_id);
-- The identity the desktop bridge types, encrypted, kept for the hall day only.
CREATE TABLE identity_vault (
  visit_id INTEGER PRIMARY KEY, hall_day TEXT NOT NULL, sealed BLOB NOT NULL
);
