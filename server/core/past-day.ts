import { domainError, type DomainError } from './errors.js';
import { hallDay } from './hall-time.js';
import type { HallState, Ticket } from './types.js';

/*
 * Between the hall's midnight and the day close (a moment, at the scheduler's next tick), yesterday's queue is still
 * in memory. It is the close's to end: nobody calls, re-queues or transfers a ticket of an earlier hall day
 * (call-next skips them in dispatch.ts).
 */

export function pastDayRefusal(state: HallState, ticket: Ticket, now: number): DomainError | null {
  const today = hallDay(now, state.settings.timeZone);
  return ticket.hallDay < today ? domainError('TICKET_OF_PAST_DAY', { number: ticket.number, hallDay: ticket.hallDay }) : null;
}
