import type { Forecast } from '../../../protocol/queue-entities.js';
import type { Forecasts } from '../forecast.js';
import type { HallState, Ticket } from '../types.js';
import { arrivalKind } from './arrivals.js';
import { extendForecast, oneCaseBehind } from './extend.js';
import type { Quote } from './forward-run.js';

/** A whole-hall forecast as interim waits read it: by ticket, and the waits it quoted for a ticket issued then. */
export interface LastForecast extends Forecasts {
  computedAt: number;
  /** Walk-up and turnaround around each case, as the forecast had learned them. */
  caseOverheadMs: number;
  quote(serviceId: Quote['serviceId'], kind: Quote['kind']): Quote | undefined;
}

/**
 * The wait of a ticket issued after the last forecast, told without a forward run of its own (the forecast runs
 * on its own thread, and under a rush of hundreds of tickets a second it is always a few tickets behind):
 * - the first such ticket of a service and kind gets the wait the last forecast gave the first visitor it
 *   expected of that service and kind (its quote), counted from now;
 * - the next one of the same service and kind goes one case behind the one before, and so on;
 * - with no quote (nobody of that kind expected, or the visitor expected would not have waited), behind the last
 *   ticket ahead in its service that the forecast knows (extendForecast);
 * - and when nothing is known at all, null: only a forecast with the ticket in it can tell.
 * Waits already told are kept until a forecast knows their tickets, so asking again gives the same answer.
 */
export class InterimWaits {
  private last: LastForecast | null = null;
  /** Waits told since the forecast, by ticket, and the last one told per service and kind. */
  private readonly told = new Map<number, Forecast>();
  private readonly lastOf = new Map<string, Forecast>();

  /** A new forecast: what it knows it tells itself; the chains go on behind the tickets it still lacks. */
  reset(forecast: LastForecast): void {
    this.last = forecast;
    for (const id of this.told.keys()) if (forecast.get(id)) this.told.delete(id);
    for (const [key, f] of this.lastOf) if (forecast.get(f.ticketId)) this.lastOf.delete(key);
  }

  tell(state: HallState, ticket: Ticket, now: number): Forecast | null {
    if (!this.last || ticket.status !== 'waiting') return null;
    const known = this.last.get(ticket.id) ?? this.told.get(ticket.id);
    if (known) return known;
    const key = `${ticket.serviceId}:${arrivalKind(ticket)}`;
    const before = this.lastOf.get(key);
    let wait: Forecast | null;
    if (before && ticket.id > before.ticketId) wait = oneCaseBehind(state, before, ticket, 1, this.last.caseOverheadMs);
    else if (!before) wait = this.quoted(ticket, now) ?? extendForecast(state, this.last, ticket, this.last.caseOverheadMs);
    // Older than the last one told (a leg nobody asked about at its issue): behind what the forecast knows.
    else wait = extendForecast(state, this.last, ticket, this.last.caseOverheadMs);
    if (!wait) return null;
    this.told.set(ticket.id, wait);
    if (!before || ticket.id > before.ticketId) this.lastOf.set(key, wait);
    return wait;
  }

  private quoted(ticket: Ticket, now: number): Forecast | null {
    const quote = this.last!.quote(ticket.serviceId, arrivalKind(ticket));
    if (!quote) return null;
    // The quote is a moment in the hall's future: the time to it shrinks as the clock moves on.
    const elapsed = (now - this.last!.computedAt) / 60_000;
    return { ticketId: ticket.id, position: quote.position, etaMinutes: Math.max(0, quote.etaMinutes - elapsed) };
  }
}
