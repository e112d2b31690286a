-- A visitor sees and cancels their booking by an unguessable token their phone keeps; only its hash is stored.
CREATE TABLE appointment_tokens (
  token_hash TEXT PRIMARY KEY, appointment_id INTEGER NOT NULL
);
