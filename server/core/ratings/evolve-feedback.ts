import { addDays } from '../hall-time.js';
import type { HallState } from '../types.js';
import type { FeedbackEvent } from './events.js';

/** Applies a committed rating event to memory (see evolve.ts: only after the event is stored). */
export function evolveFeedback(state: HallState, event: FeedbackEvent): void {
  const feedback = state.feedback;
  switch (event.type) {
    case 'rating.recorded':
      feedback.ratings.set(event.rating.visitId, event.rating);
      feedback.lastId.rating = Math.max(feedback.lastId.rating, event.rating.id);
      if (event.followUp) {
        feedback.followUps.set(event.followUp.id, event.followUp);
        feedback.lastId.followUp = Math.max(feedback.lastId.followUp, event.followUp.id);
      }
      return;
    case 'case.numbered':
      feedback.caseNumbers.set(event.ticketId, event.caseNumber);
      if (event.rating) feedback.ratings.set(event.rating.visitId, event.rating);
      return;
    case 'followUp.updated': {
      feedback.followUps.set(event.followUp.id, event.followUp);
      const rating = feedback.ratings.get(event.followUp.visitId);
      if (event.voidedRatingId !== null && rating?.id === event.voidedRatingId) feedback.ratings.set(rating.visitId, { ...rating, voided: true });
      return;
    }
  }
}

/** How long a closed case stays in memory, for the visitor to rate the fix and for the supervisors' lists. */
export const closedCaseMemoryDays = 90;

/**
 * A new hall day: ratings and case numbers follow their tickets out of memory (both stay in SQLite); closed cases
 * leave after a while. Open cases stay however old, because they still have to be dealt with.
 */
export function pruneFeedback(state: HallState, today: string): void {
  const visits = new Set<number>();
  for (const t of state.tickets.values()) visits.add(t.visitId);
  for (const visitId of state.feedback.ratings.keys()) if (!visits.has(visitId)) state.feedback.ratings.delete(visitId);
  for (const ticketId of state.feedback.caseNumbers.keys()) if (!state.tickets.has(ticketId)) state.feedback.caseNumbers.delete(ticketId);
  const oldest = addDays(today, -closedCaseMemoryDays);
  for (const [id, c] of state.feedback.followUps) if (c.status === 'closed' && c.hallDay < oldest) state.feedback.followUps.delete(id);
}
