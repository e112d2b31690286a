-- Who came in and how: sign-ins (and failed ones), sign-outs, pairing codes, devices paired and revoked. Written by
-- the sign-in and device operations only, never by a ticket or a window's command. Never a password, token or code.
CREATE TABLE access_log (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  at            INTEGER NOT NULL,
  action        TEXT    NOT NULL,
  -- Who did it: signed in or out, made the code, revoked the device, took the account out of service.
  staff_id      INTEGER,
  -- The staff number typed at a failed sign-in.
  staff_number  TEXT,
  -- Whose sessions ended when their account was deactivated or deleted.
  account_id    INTEGER,
  reason        TEXT,
  device_id     INTEGER,
  device_name   TEXT,
  role          TEXT,
  area_id       INTEGER,
  window_id     INTEGER,
  address       TEXT
);
-- Days are read and the retention purge deletes by time.
CREATE INDEX access_log_at ON access_log (at);
