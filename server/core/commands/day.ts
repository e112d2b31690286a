import { closedByHall, closeWindowDay, idleAfterHours, lastActionOf } from '../after-hours.js';
import type { DomainEvent } from '../events.js';
import { hallDay, hallTimeToEpoch } from '../hall-time.js';
import type { Appointment, Ticket } from '../types.js';
import { accept, type Handler } from './decision.js';

/**
 * The hall's new day: tickets still open from earlier days are ended, unkept appointments are marked missed, and
 * windows close, so the morning starts clean. Runs from the scheduler at the hall's midnight and at start-up.
 */
export const closeDay: Handler<Record<string, never>, { hallDay: string; ended: number }> = (state, _args, ctx) => {
  const today = hallDay(ctx.now, state.settings.timeZone);
  const midnight = hallTimeToEpoch(today, '00:00', state.settings.timeZone);
  const hasStale = [...state.tickets.values()].some((t) => t.hallDay < today) || [...state.appointments.values()].some((a) => a.date < today);
  // A window left open overnight closes as the evening would have closed it (after-hours.ts), so the figures are the
  // same whether or not the server ran that evening; a new day starts with staff signing in again.
  const events: DomainEvent[] = [];
  const endedAtWindows = new Set<number>();
  for (const r of state.runtime.values()) {
    if (r.status === 'closed') continue;
    const current = r.currentTicketId !== null ? state.tickets.get(r.currentTicketId) : undefined;
    const fromYesterday = current ? current.hallDay < today : lastActionOf(state, r) < midnight;
    if (!fromYesterday) continue;
    const closure = closeWindowDay(state, r, ctx.now);
    if (closure.ticket) endedAtWindows.add(closure.ticket.id);
    events.push(closedByHall(closure));
  }
  const tickets: Ticket[] = [];
  for (const t of state.tickets.values()) {
    if (t.hallDay >= today || endedAtWindows.has(t.id)) continue;
    // A no-show keeps the moment it was marked: the statistics time how long the window waited for the visitor.
    if (t.status === 'no_show') tickets.push({ ...t, status: 'cancelled' });
    if (t.status === 'waiting' || t.status === 'called') tickets.push({ ...t, status: 'cancelled', finishedAt: ctx.now });
    if (t.status === 'serving') tickets.push({ ...t, status: 'done', finishedAt: ctx.now });
  }
  const appointments: Appointment[] = [];
  for (const a of state.appointments.values()) if (a.date < today && a.status === 'booked') appointments.push({ ...a, status: 'missed' });
  const ended = endedAtWindows.size + tickets.length;
  if (hasStale) events.push({ type: 'day.closed', hallDay: today, tickets, appointments, runtimes: [] });
  return accept(events, { hallDay: today, ended });
};

/**
 * Windows whose clerks left them open after the day's hours are closed by the hall once idle (after-hours.ts),
 * so neither the board nor the figures show them open until midnight. Runs from the scheduler each minute.
 */
export const closeWindowsAfterHours: Handler<Record<string, never>, { closed: number }> = (state, _args, ctx) => {
  const events: DomainEvent[] = [];
  for (const r of state.runtime.values()) {
    if (idleAfterHours(state, r, ctx.now)) events.push(closedByHall(closeWindowDay(state, r, ctx.now)));
  }
  return accept(events, { closed: events.length });
};
