import { addDays, hallTimeToEpoch } from '../core/hall-time.js';
import type { FollowUpCase, Rating } from '../core/ratings/types.js';
import type { Appointment, HallState, Ticket } from '../core/types.js';
import type { Db } from '../store/database.js';
import { erasedPerson, recordStretch, scrubEventLog, type Stretch } from './event-scrub.js';
import { truncateWal, withSecureDelete } from './secure-erase.js';

/** Everything the hall keeps about one person, found by the keyed hash of their ID number. */
export interface PersonRecords { tickets: Ticket[]; appointments: Appointment[]; ratings: Rating[]; followUps: FollowUpCase[] }

export interface ErasureCounts { tickets: number; appointments: number; events: number; phoneLinks: number; sealedIdentities: number }

/**
 * The person's tickets and appointments, and the ratings and follow-up cases of their visits. There is no index on
 * the hash (matching in the live queue happens in memory): this reads the tickets table once, which is fine for an
 * admin's occasional request.
 */
export function findPersonRecords(db: Db, idHash: string): PersonRecords {
  const tickets = (db.prepare('SELECT json FROM tickets WHERE id_hash = ? ORDER BY id').pluck().all(idHash) as string[]).map((j) => JSON.parse(j) as Ticket);
  const appointments = (db.prepare('SELECT json FROM appointments WHERE id_hash = ? ORDER BY id').pluck().all(idHash) as string[]).map((j) => JSON.parse(j) as Appointment);
  const visits = JSON.stringify([...new Set(tickets.map((t) => t.visitId))]);
  const ratings = (db.prepare('SELECT json FROM ratings WHERE visit_id IN (SELECT value FROM json_each(?)) ORDER BY id').pluck().all(visits) as string[])
    .map((j) => JSON.parse(j) as Rating);
  const ratingIds = JSON.stringify(ratings.map((r) => r.id));
  const followUps = (db.prepare('SELECT json FROM follow_ups WHERE rating_id IN (SELECT value FROM json_each(?)) ORDER BY id').pluck().all(ratingIds) as string[])
    .map((j) => JSON.parse(j) as FollowUpCase);
  return { tickets, appointments, ratings, followUps };
}

/** Whether the live queue (memory) still holds any record of the person: those cannot be erased under it. */
export function personInLiveQueue(state: HallState, idHash: string): boolean {
  for (const t of state.tickets.values()) if (t.person?.idHash === idHash) return true;
  for (const a of state.appointments.values()) if (a.person.idHash === idHash) return true;
  return false;
}

/**
 * Erases one person: their tickets and appointments keep what the statistics count and lose the person, their
 * phone links and any sealed identity go, and the stored events about them are rewritten without them, all in
 * one transaction, so there is never a moment when the log still names someone the tables have forgotten.
 * Ratings and follow-up cases hold no identity and stay (a visit's rating still counts).
 *
 * Rewriting the event log breaks its append-only rule on purpose: the law's right to erasure outranks a complete
 * history, and the events keep everything else (who served, when, which window). It is done here, not through
 * the command runner, because nothing in the live queue changes: the caller refuses while the person is still in
 * memory (see personInLiveQueue), so no screen has anything to show and memory and database cannot disagree.
 */
export function erasePersonRecords(db: Db, idHash: string, timeZone: string, now: number): ErasureCounts {
  const counts = withSecureDelete(db, () => db.transaction(() => {
    const { tickets, appointments } = findPersonRecords(db, idHash);
    const stretches: Stretch[] = [
      ...tickets.map((t) => recordStretch(db, Math.min(t.arrivedAt, t.issuedAt), dayEnd(t.hallDay, timeZone), now)),
      ...appointments.map((a) => recordStretch(db, a.bookedAt, dayEnd(a.date, timeZone), now)),
    ];
    const clearTicket = db.prepare("UPDATE tickets SET id_hash = NULL, json = json_set(json, '$.person', json('null')) WHERE id = ?");
    const clearAppointment = db.prepare("UPDATE appointments SET id_hash = '', json = json_set(json, '$.person', json(?)) WHERE id = ?");
    for (const t of tickets) clearTicket.run(t.id);
    for (const a of appointments) clearAppointment.run(JSON.stringify(erasedPerson), a.id);
    const visits = JSON.stringify([...new Set(tickets.map((t) => t.visitId))]);
    const bookings = JSON.stringify(appointments.map((a) => a.id));
    const phoneLinks = db.prepare('DELETE FROM visit_tokens WHERE visit_id IN (SELECT value FROM json_each(?))').run(visits).changes
      + db.prepare('DELETE FROM appointment_tokens WHERE appointment_id IN (SELECT value FROM json_each(?))').run(bookings).changes;
    const sealedIdentities = db.prepare('DELETE FROM identity_vault WHERE visit_id IN (SELECT value FROM json_each(?))').run(visits).changes;
    const events = stretches.length === 0 ? 0 : scrubEventLog(db, stretches, idHash, (r) => r.person.idHash === idHash);
    return { tickets: tickets.length, appointments: appointments.length, events, phoneLinks, sealedIdentities };
  })());
  truncateWal(db);
  return counts;
}

function dayEnd(day: string, timeZone: string): number {
  return hallTimeToEpoch(addDays(day, 1), '00:00', timeZone);
}

/** The operations' handle on one person's records (they hold no database of their own). */
export class PersonData {
  constructor(private readonly db: Db) {}

  find(idHash: string): PersonRecords {
    return findPersonRecords(this.db, idHash);
  }

  erase(idHash: string, timeZone: string, now: number): ErasureCounts {
    return erasePersonRecords(this.db, idHash, timeZone, now);
  }
}
