import type { Forecast } from '../../../protocol/queue-entities.js';
import { tiersOf } from '../dispatch.js';
import { expectedHandlingMs } from '../handling.js';
import type { HallState, Ticket } from '../types.js';
import type { Forecasts } from '../forecast.js';

/**
 * A wait for a ticket issued since the last forecast, for when working out a new forecast now would take more of
 * the server than forecasting may (a rush of hundreds of tickets a second): the ticket goes behind the last ticket
 * of its service that the forecast knows, one more case of the service per ticket between them, shared among the
 * open windows that serve it. Rough, and replaced by the next forecast; but a printed ticket never goes without a
 * wait. Null when no ticket ahead in the service is known: then only a real forecast can tell.
 */
export function extendForecast(state: HallState, forecasts: Forecasts, ticket: Ticket, caseOverheadMs = 0): Forecast | null {
  // Queue order: the queue key, then the ticket id for tickets issued in the same millisecond.
  const before = (a: Ticket, b: Ticket) => a.queueKey < b.queueKey || (a.queueKey === b.queueKey && a.id < b.id);
  const ahead: Ticket[] = [];
  for (const t of state.active.values()) {
    if (t.status === 'waiting' && t.serviceId === ticket.serviceId && before(t, ticket)) ahead.push(t);
  }
  let known: { ticket: Ticket; forecast: Forecast } | null = null;
  for (const t of ahead) {
    const f = forecasts.get(t.id);
    if (f && (!known || before(known.ticket, t))) known = { ticket: t, forecast: f };
  }
  if (!known) return null;
  const last = known.ticket;
  const steps = ahead.filter((t) => before(last, t)).length + 1;
  return oneCaseBehind(state, known.forecast, ticket, steps, caseOverheadMs);
}

/**
 * `steps` cases of the ticket's service behind a wait already given: the next ticket of a rush goes behind the
 * one before it without anyone looking at the queue again. A case takes its handling time and the walk-up and
 * turnaround around it (`caseOverheadMs`, learned by the forecast).
 */
export function oneCaseBehind(state: HallState, base: Forecast, ticket: Ticket, steps = 1, caseOverheadMs = 0): Forecast {
  const position = base.position + steps;
  if (base.etaMinutes === null) return { ticketId: ticket.id, position, etaMinutes: null };
  let windows = 0;
  for (const r of state.runtime.values()) {
    const window = state.windows.get(r.windowId);
    if (r.status !== 'closed' && window?.active && tiersOf(state, window).has(ticket.serviceId)) windows++;
  }
  const caseMinutes = (expectedHandlingMs(state, ticket.serviceId) + caseOverheadMs) / 60_000 / Math.max(1, windows);
  return { ticketId: ticket.id, position, etaMinutes: base.etaMinutes + steps * caseMinutes };
}
