import { hallDay, hallTimeToEpoch } from '../hall-time.js';
import type { Appointment, Ticket, WindowRuntime } from '../types.js';
import { accept, type Handler } from './decision.js';

/**
 * The hall's new day: tickets still open from earlier days are ended, unkept appointments are marked missed, and
 * windows close, so the morning starts clean. Runs from the scheduler at the hall's midnight and at start-up.
 */
export const closeDay: Handler<Record<string, never>, { hallDay: string; ended: number }> = (state, _args, ctx) => {
  const today = hallDay(ctx.now, state.settings.timeZone);
  const tickets: Ticket[] = [];
  for (const t of state.tickets.values()) {
    if (t.hallDay >= today) continue;
    // A no-show keeps the moment it was marked: the statistics time how long the window waited for the visitor.
    if (t.status === 'no_show') tickets.push({ ...t, status: 'cancelled' });
    if (t.status === 'waiting' || t.status === 'called') tickets.push({ ...t, status: 'cancelled', finishedAt: ctx.now });
    if (t.status === 'serving') tickets.push({ ...t, status: 'done', finishedAt: ctx.now });
  }
  const appointments: Appointment[] = [];
  for (const a of state.appointments.values()) if (a.date < today && a.status === 'booked') appointments.push({ ...a, status: 'missed' });
  const runtimes: WindowRuntime[] = [];
  const midnight = hallTimeToEpoch(today, '00:00', state.settings.timeZone);
  const hasStale = [...state.tickets.values()].some((t) => t.hallDay < today) || [...state.appointments.values()].some((a) => a.date < today);
  for (const r of state.runtime.values()) {
    const current = r.currentTicketId !== null ? state.tickets.get(r.currentTicketId) : undefined;
    // A window left open overnight closes too: a new day starts with staff signing in again.
    const fromYesterday = current ? current.hallDay < today : r.statusSince < midnight;
    if (r.status !== 'closed' && fromYesterday) runtimes.push({ ...r, status: 'closed', currentTicketId: null, staffId: null, statusSince: ctx.now });
  }
  if (!hasStale && runtimes.length === 0) return accept([], { hallDay: today, ended: 0 });
  return accept([{ type: 'day.closed', hallDay: today, tickets, appointments, runtimes }], { hallDay: today, ended: tickets.length });
};
