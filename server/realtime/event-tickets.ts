import type { DomainEvent } from '../core/events.js';
import type { Ticket } from '../core/types.js';

/**
 * The tickets an event carries, wherever it holds them: as a field, in a list (a day's close), or one level down (a
 * takeover's visitor). Tickets are told apart by their queue key, which nothing else has.
 */
export function ticketsIn(event: DomainEvent): Ticket[] {
  const found: Ticket[] = [];
  const look = (value: unknown, depth: number): void => {
    if (typeof value !== 'object' || value === null) return;
    if (isTicket(value)) found.push(value);
    else if (Array.isArray(value)) for (const item of value) look(item, 0);
    else if (depth > 0) for (const inner of Object.values(value)) look(inner, depth - 1);
  };
  for (const value of Object.values(event)) look(value, 1);
  return found;
}

function isTicket(value: object): value is Ticket {
  return 'visitId' in value && 'queueKey' in value;
}
