import { addDays, hallTimeToEpoch } from '../core/hall-time.js';
import type { Db } from '../store/database.js';
import { forgetAccessBefore } from '../auth/access-log.js';
import { erasedPerson, recordStretch, scrubEventLog } from './event-scrub.js';
import { truncateWal, withSecureDelete } from './secure-erase.js';

export interface RetentionPass {
  /** Hall days anonymised in this pass. */
  days: string[];
  tickets: number;
  appointments: number;
  events: number;
  /** Access log entries (sign-ins, devices) deleted for being as old. */
  accessEntries: number;
  /** Every day before the limit is done; false when the time budget ran out first. */
  finished: boolean;
}

/**
 * Visits older than the retention period keep everything the statistics count (service, window, staff, times,
 * status, priority class) and lose the person: the ID hash, masked ID and name and birth date on the ticket or
 * appointment, the phone token and any sealed identity, and the same person fields inside the stored events.
 * Rows are anonymised rather than deleted, so last year's figures do not change when its people are forgotten.
 *
 * Work goes a hall day at a time, oldest first, each day in its own transaction, within a time budget per call:
 * a hall that turns retention on over years of data catches up over a few minutes without stalling its queue.
 * The day reached is kept in memory; after a restart the walk starts again from the oldest day, and days already
 * done cost one indexed look each.
 */
export class VisitRetention {
  private nextDay: string | null = null;

  constructor(private readonly db: Db) {}

  /** Anonymises the days before `before` ('YYYY-MM-DD'), until `budgetMs` is spent (at least one day per call). */
  purge(before: string, timeZone: string, now: number, budgetMs = 50): RetentionPass {
    // The access log's addresses and typed staff numbers are kept no longer than the visitors' data (one indexed
    // delete, nothing to do on most ticks).
    const accessEntries = forgetAccessBefore(this.db, hallTimeToEpoch(before, '00:00', timeZone));
    const pass: RetentionPass = { days: [], tickets: 0, appointments: 0, events: 0, accessEntries, finished: false };
    const started = performance.now();
    let day = this.nextDay ?? this.firstDayAfter('');
    while (day !== null && day < before && (pass.days.length === 0 || performance.now() - started < budgetMs)) {
      const current = day;
      const done = withSecureDelete(this.db, () => this.purgeDay(current, timeZone, now));
      pass.days.push(current);
      pass.tickets += done.tickets;
      pass.appointments += done.appointments;
      pass.events += done.events;
      day = this.firstDayAfter(current);
    }
    pass.finished = day === null || day >= before;
    this.nextDay = day ?? before;
    if (pass.tickets + pass.appointments > 0) truncateWal(this.db);
    return pass;
  }

  /** The next day after `day` that holds any ticket or appointment (index look-ups, so empty days cost nothing). */
  private firstDayAfter(day: string): string | null {
    const ticket = this.db.prepare('SELECT MIN(hall_day) FROM tickets WHERE hall_day > ?').pluck().get(day) as string | null;
    const appointment = this.db.prepare('SELECT MIN(date) FROM appointments WHERE date > ?').pluck().get(day) as string | null;
    if (ticket === null || appointment === null) return ticket ?? appointment;
    return ticket < appointment ? ticket : appointment;
  }

  private purgeDay(day: string, timeZone: string, now: number): { tickets: number; appointments: number; events: number } {
    const db = this.db;
    return db.transaction(() => {
      const firstIssued = db.prepare('SELECT MIN(issued_at) FROM tickets WHERE hall_day = ? AND id_hash IS NOT NULL').pluck().get(day) as number | null;
      const firstBooked = db.prepare("SELECT MIN(json_extract(json, '$.bookedAt')) FROM appointments WHERE date = ? AND id_hash <> ''").pluck().get(day) as number | null;
      const tickets = db.prepare("UPDATE tickets SET id_hash = NULL, json = json_set(json, '$.person', json('null')) WHERE hall_day = ? AND id_hash IS NOT NULL").run(day).changes;
      const appointments = db.prepare("UPDATE appointments SET id_hash = '', json = json_set(json, '$.person', json(?)) WHERE date = ? AND id_hash <> ''")
        .run(JSON.stringify(erasedPerson), day).changes;
      db.prepare('DELETE FROM visit_tokens WHERE visit_id IN (SELECT visit_id FROM tickets WHERE hall_day = ?)').run(day);
      db.prepare('DELETE FROM appointment_tokens WHERE appointment_id IN (SELECT id FROM appointments WHERE date = ?)').run(day);
      db.prepare('DELETE FROM identity_vault WHERE hall_day <= ?').run(day);
      const began = Math.min(firstIssued ?? Infinity, firstBooked ?? Infinity);
      // Records already anonymised had their events cleaned in the same transaction: nothing to look for then.
      if (!Number.isFinite(began)) return { tickets, appointments, events: 0 };
      const stretch = recordStretch(db, began, hallTimeToEpoch(addDays(day, 1), '00:00', timeZone), now);
      const events = scrubEventLog(db, [stretch], '"idHash":"', (r) => recordDay(r) <= day);
      return { tickets, appointments, events };
    })();
  }
}

function recordDay(record: Record<string, unknown>): string {
  return String(record.hallDay ?? record.date ?? '');
}
