import type { DomainEvent } from './events.js';
import type { ConfigEntity, HallState, Ticket } from './types.js';
import { learnHandling } from './handling.js';
import { isActive, keepTicket } from './state.js';
import { evolveFeedback, pruneFeedback } from './ratings/evolve-feedback.js';

/**
 * Applies a committed event to the in-memory state. Mutates for speed: the runner calls it only after the
 * event is committed, so memory never runs ahead of the database (and nobody hears of it before it is on disk).
 */
export function evolve(state: HallState, event: DomainEvent): void {
  switch (event.type) {
    case 'ticket.issued':
    case 'ticket.requeued':
      putTicket(state, event.ticket);
      return;
    case 'ticket.called':
    case 'ticket.recalled':
    case 'ticket.started':
    case 'ticket.noShow':
      putTicket(state, event.ticket);
      state.runtime.set(event.runtime.windowId, event.runtime);
      return;
    case 'ticket.finished':
      putTicket(state, event.ticket);
      state.runtime.set(event.runtime.windowId, event.runtime);
      if (event.ticket.startedAt !== null && event.ticket.finishedAt !== null) {
        learnHandling(state, event.ticket.serviceId, event.ticket.finishedAt - event.ticket.startedAt);
      }
      return;
    case 'ticket.transferred':
      putTicket(state, event.ticket);
      putTicket(state, event.next);
      if (event.runtime) state.runtime.set(event.runtime.windowId, event.runtime);
      return;
    case 'ticket.cancelled':
      putTicket(state, event.ticket);
      if (event.runtime) state.runtime.set(event.runtime.windowId, event.runtime);
      return;
    case 'window.statusChanged':
      if (event.takeOver?.ticket) putTicket(state, event.takeOver.ticket);
      // A visitor the hall ended after hours teaches no handling time: nobody knows how long they really took.
      if (event.afterHours?.ticket) putTicket(state, event.afterHours.ticket);
      state.runtime.set(event.runtime.windowId, event.runtime);
      return;
    case 'appointment.booked':
    case 'appointment.cancelled':
      state.appointments.set(event.appointment.id, event.appointment);
      state.lastId.appointment = Math.max(state.lastId.appointment, event.appointment.id);
      return;
    case 'appointment.checkedIn':
      state.appointments.set(event.appointment.id, event.appointment);
      putTicket(state, event.ticket);
      return;
    case 'config.saved':
      saveConfig(state, event);
      return;
    case 'config.deleted':
      configMap(state, event.entity).delete(event.id);
      if (event.entity === 'window') state.runtime.delete(event.id);
      return;
    case 'settings.saved':
      state.settings = event.settings;
      return;
    case 'day.closed':
      closeDay(state, event);
      return;
    case 'rating.recorded':
    case 'case.numbered':
    case 'followUp.updated':
      evolveFeedback(state, event);
      return;
  }
}

function putTicket(state: HallState, ticket: Ticket): void {
  keepTicket(state, ticket);
  state.lastId.ticket = Math.max(state.lastId.ticket, ticket.id);
  const counter = state.counters.get(ticket.serviceId);
  if (ticket.channel !== 'transfer' && (!counter || ticket.hallDay > counter.hallDay || (ticket.hallDay === counter.hallDay && ticket.seqNo > counter.last))) {
    state.counters.set(ticket.serviceId, { hallDay: ticket.hallDay, last: ticket.seqNo });
  }
}

function configMap(state: HallState, entity: ConfigEntity): Map<number, unknown> {
  const maps = { area: state.areas, service: state.services, window: state.windows, staff: state.staff, priorityClass: state.priorityClasses };
  return maps[entity] as Map<number, unknown>;
}

function saveConfig(state: HallState, event: Extract<DomainEvent, { type: 'config.saved' }>): void {
  configMap(state, event.entity).set(event.item.id, event.item);
  state.lastId[event.entity] = Math.max(state.lastId[event.entity], event.item.id);
  if (event.entity === 'window' && !state.runtime.has(event.item.id)) {
    state.runtime.set(event.item.id, {
      windowId: event.item.id, status: 'closed', pauseReason: null, staffId: null, currentTicketId: null,
      statusSince: 0, ratio: { priority: 0, normal: 0 },
    });
  }
}

/** A new hall day: leftovers are ended, and finished tickets of earlier days leave memory (they stay in SQLite). */
function closeDay(state: HallState, event: Extract<DomainEvent, { type: 'day.closed' }>): void {
  for (const t of event.tickets) putTicket(state, t);
  for (const a of event.appointments) state.appointments.set(a.id, a);
  for (const r of event.runtimes) state.runtime.set(r.windowId, r);
  for (const [id, t] of state.tickets) if (t.hallDay < event.hallDay && !isActive(t)) state.tickets.delete(id);
  for (const [id, a] of state.appointments) if (a.date < event.hallDay) state.appointments.delete(id);
  state.handling.clear();
  pruneFeedback(state, event.hallDay);
}

