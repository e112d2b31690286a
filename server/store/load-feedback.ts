import { closedCaseMemoryDays } from '../core/ratings/evolve-feedback.js';
import type { FollowUpCase, Rating } from '../core/ratings/types.js';
import { addDays } from '../core/hall-time.js';
import type { HallState } from '../core/types.js';
import type { Db } from './database.js';

/**
 * At start, after the tickets: the ratings and case numbers of the visits in memory, every follow-up case still
 * open plus those closed recently, and the highest ids.
 */
export function loadFeedback(db: Db, state: HallState, today: string): void {
  const feedback = state.feedback;
  const visits = new Set<number>();
  for (const t of state.tickets.values()) visits.add(t.visitId);
  const oldestDay = [...state.tickets.values()].reduce((min, t) => (t.hallDay < min ? t.hallDay : min), today);
  for (const json of db.prepare('SELECT json FROM ratings WHERE hall_day >= ?').pluck().all(oldestDay) as string[]) {
    const r = JSON.parse(json) as Rating;
    if (visits.has(r.visitId)) feedback.ratings.set(r.visitId, r);
  }
  let firstTicket = Number.MAX_SAFE_INTEGER;
  for (const id of state.tickets.keys()) firstTicket = Math.min(firstTicket, id);
  const numbers = db.prepare('SELECT ticket_id AS ticketId, case_number AS caseNumber FROM case_numbers WHERE ticket_id >= ?')
    .all(firstTicket) as { ticketId: number; caseNumber: string }[];
  for (const n of numbers) if (state.tickets.has(n.ticketId)) feedback.caseNumbers.set(n.ticketId, n.caseNumber);
  const cases = db.prepare(`SELECT json FROM follow_ups WHERE status <> 'closed' OR hall_day >= ?`).pluck().all(addDays(today, -closedCaseMemoryDays)) as string[];
  for (const json of cases) {
    const c = JSON.parse(json) as FollowUpCase;
    feedback.followUps.set(c.id, c);
  }
  feedback.lastId.rating = db.prepare('SELECT COALESCE(MAX(id), 0) FROM ratings').pluck().get() as number;
  feedback.lastId.followUp = db.prepare('SELECT COALESCE(MAX(id), 0) FROM follow_ups').pluck().get() as number;
}
