-- Export and erasure of one person's data find their visits by the keyed hash without reading every ticket.
CREATE INDEX tickets_id_hash ON tickets (id_hash) WHERE id_hash IS NOT NULL;
CREATE INDEX appointments_id_hash ON appointments (id_hash);
