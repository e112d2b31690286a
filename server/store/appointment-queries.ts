import type { Service } from '../../protocol/config-entities.js';
import type { Appointment } from '../core/types.js';
import type { Db } from './database.js';

/** A booking as stored, with the number of the ticket it became once checked in. */
export interface StoredBooking { appointment: Appointment; ticketNumber: string | null }

/**
 * The bookings of one date, by slot and then in the order they were made. Read from SQLite, not from memory: the
 * hall keeps only current days live, and a supervisor looks back at last week as easily as at today. The date index
 * finds the day; the ticket is looked up by its key.
 */
export function bookingsOn(db: Db, date: string, serviceId: number | null): StoredBooking[] {
  const rows = db.prepare(`
    SELECT a.json AS json, t.number AS number FROM appointments a
      LEFT JOIN tickets t ON t.id = json_extract(a.json, '$.ticketId')
    WHERE a.date = @date AND (@serviceId IS NULL OR a.service_id = @serviceId)
    ORDER BY a.slot_start, a.id`).all({ date, serviceId }) as { json: string; number: string | null }[];
  return rows.map((r) => ({ appointment: JSON.parse(r.json) as Appointment, ticketNumber: r.number }));
}

/** One booking by its id, of whatever day: a supervisor may try to cancel a booking of a day the hall has closed. */
export function bookingById(db: Db, id: number): Appointment | null {
  const json = db.prepare('SELECT json FROM appointments WHERE id = ?').pluck().get(id) as string | undefined;
  return json ? (JSON.parse(json) as Appointment) : null;
}

/** How many bookings still stand (booked, neither checked in, cancelled nor missed) on each of the dates. */
export function standingBookingCounts(db: Db, dates: readonly string[]): Map<string, number> {
  const rows = db.prepare(`
    SELECT date, COUNT(*) AS booked FROM appointments
    WHERE status = 'booked' AND date IN (SELECT value FROM json_each(?))
    GROUP BY date`).all(JSON.stringify(dates)) as { date: string; booked: number }[];
  return new Map(rows.map((r) => [r.date, r.booked]));
}

/** A service as last saved, deleted or not: bookings of a service deleted since still name it. */
export function serviceRecord(db: Db, id: number): Service | null {
  const json = db.prepare('SELECT json FROM services WHERE id = ?').pluck().get(id) as string | undefined;
  return json ? (JSON.parse(json) as Service) : null;
}

/**
 * The latest booking of a check-in's code or card (ID hash) dated from `from` up to, not including, `before`: the
 * booking of a day the hall has closed, which memory no longer holds.
 */
export function latestBookingBetween(db: Db, match: { code: string } | { idHash: string }, from: string, before: string): Appointment | null {
  const json = db.prepare(`SELECT json FROM appointments
    WHERE date >= @from AND date < @before AND (code = @code OR id_hash = @idHash)
    ORDER BY date DESC, slot_start DESC, id DESC LIMIT 1`).pluck()
    .get({ from, before, code: 'code' in match ? match.code : null, idHash: 'idHash' in match ? match.idHash : null }) as string | undefined;
  return json ? (JSON.parse(json) as Appointment) : null;
}
