import type { TicketView, WindowView } from '../protocol/queue-entities.js';
import type { HallSnapshot, PublicEvent, VisitSnapshot } from '../protocol/realtime.js';
import type { Forecast } from '../protocol/queue-entities.js';
import type { DomainEvent } from './core/events.js';
import { callableNow, openCallers } from './core/dispatch.js';
import { hallDay } from './core/hall-time.js';
import type { HallState, Ticket, WindowRuntime } from './core/types.js';
import type { Forecasts } from './core/forecast.js';

/** How screens see the hall: records turned into views with names, and never the keyed hash or birth date. */
export function ticketView(state: HallState, t: Ticket): TicketView {
  const service = state.services.get(t.serviceId);
  const window = t.windowId !== null ? state.windows.get(t.windowId) : undefined;
  return {
    id: t.id, visitId: t.visitId, number: t.number, status: t.status, channel: t.channel, serviceId: t.serviceId,
    serviceName: service?.name ?? { zh: '—', en: '—' }, areaId: service?.areaId ?? 0,
    person: t.person ? { nameMasked: t.person.nameMasked, idMasked: t.person.idMasked } : null,
    priorityClassId: t.priorityClassId, windowId: t.windowId, windowNumber: window?.number ?? null,
    targetWindowId: t.targetWindowId, arrivedAt: t.arrivedAt, queueKey: t.queueKey, calledAt: t.calledAt,
    startedAt: t.startedAt, finishedAt: t.finishedAt, recalls: t.recalls, requeues: t.requeues, hallDay: t.hallDay,
  };
}

export function windowView(state: HallState, r: WindowRuntime): WindowView {
  const w = state.windows.get(r.windowId)!;
  const current = r.currentTicketId !== null ? state.tickets.get(r.currentTicketId) : undefined;
  const staff = r.staffId !== null ? state.staff.get(r.staffId) : undefined;
  return {
    id: w.id, number: w.number, name: w.name, areaId: w.areaId, status: r.status, pauseReason: r.pauseReason,
    staffId: r.staffId, staffName: staff?.name ?? null, currentTicket: current ? ticketView(state, current) : null,
  };
}

/** The event as screens get it; config changes only say "config changed" and screens take a new snapshot. */
export function publicEvent(state: HallState, event: DomainEvent, at: number): PublicEvent {
  const base = { type: event.type, at };
  switch (event.type) {
    case 'ticket.issued':
    case 'ticket.requeued':
      return { ...base, ticket: ticketView(state, event.ticket) };
    case 'ticket.called':
      return { ...base, ticket: ticketView(state, event.ticket), window: windowView(state, event.runtime), reason: event.outOfOrderReason };
    case 'ticket.recalled':
    case 'ticket.started':
    case 'ticket.finished':
    case 'ticket.noShow':
      return { ...base, ticket: ticketView(state, event.ticket), window: windowView(state, event.runtime) };
    case 'ticket.transferred':
      return { ...base, ticket: ticketView(state, event.next), previous: ticketView(state, event.ticket), ...(event.runtime ? { window: windowView(state, event.runtime) } : {}) };
    case 'ticket.cancelled':
      return { ...base, ticket: ticketView(state, event.ticket), reason: event.reason, ...(event.runtime ? { window: windowView(state, event.runtime) } : {}) };
    case 'window.statusChanged':
      return { ...base, window: windowView(state, event.runtime) };
    case 'appointment.checkedIn':
      return { ...base, type: 'ticket.issued', ticket: ticketView(state, event.ticket) };
    default:
      return base;
  }
}

export function lastTicketOf(state: HallState, windowId: number): Ticket | null {
  let last: Ticket | null = null;
  for (const t of state.tickets.values()) {
    if (t.windowId === windowId && t.calledAt !== null && (!last || t.calledAt > last.calledAt!)) last = t;
  }
  return last;
}

export function hallSnapshot(state: HallState, now: number, forecasts: Forecasts, inScope: (t: Ticket | null, windowId: number | null) => boolean): HallSnapshot {
  const s = state.settings;
  const windows = [...state.runtime.values()]
    .filter((r) => state.windows.get(r.windowId)?.active && inScope(null, r.windowId))
    .map((r) => {
      const last = lastTicketOf(state, r.windowId);
      return { ...windowView(state, r), lastTicket: last ? ticketView(state, last) : null };
    })
    .sort((a, b) => a.number - b.number);
  const today = [...state.tickets.values()].filter((t) => inScope(t, null));
  const waiting = today.filter((t) => t.status === 'waiting').sort((a, b) => a.queueKey - b.queueKey);
  const recentCalls = today.filter((t) => t.calledAt !== null).sort((a, b) => b.calledAt! - a.calledAt!).slice(0, 12);
  return {
    kind: 'hall',
    hall: { name: s.name, notice: s.notice, hallDay: hallDay(now, s.timeZone), timeZone: s.timeZone, yellowWaitMinutes: s.yellowWaitMinutes, redWaitMinutes: s.redWaitMinutes },
    areas: [...state.areas.values()],
    services: [...state.services.values()].map(({ id, code, areaId, name, prefix, idRequired, onlineAllowed, active }) => ({ id, code, areaId, name, prefix, idRequired, onlineAllowed, active })),
    windows,
    waiting: waiting.map((t) => ticketView(state, t)),
    recentCalls: recentCalls.map((t) => ticketView(state, t)),
    forecasts: waiting.map((t) => forecasts.get(t.id)).filter((f): f is Forecast => f !== undefined),
  };
}

/** The newest leg of a visit: transfers add legs, the phone follows the visit. */
export function currentLeg(state: HallState, visitId: number): Ticket | null {
  let leg: Ticket | null = null;
  for (const t of state.tickets.values()) if (t.visitId === visitId && (!leg || t.id > leg.id)) leg = t;
  return leg;
}

export function visitSnapshot(state: HallState, leg: Ticket, forecast: Forecast | null): VisitSnapshot {
  return {
    kind: 'visit', hall: visitHall(state), ticket: ticketView(state, leg), forecast,
    anyWindowOpen: callableNow(openCallers(state), leg), window: visitWindow(state, leg), dayClosed: visitDayClosed(state, leg),
  };
}

/**
 * The hall's close has ended the ticket's day and let the ticket go from memory; its phone is shown it as stored,
 * as the hall left it.
 */
export function visitDayClosed(state: HallState, leg: Ticket): boolean {
  return !state.tickets.has(leg.id);
}

/** The parts of a visit's view, apart, for phones: the realtime feed encodes each once and splices them. */
export function visitHall(state: HallState): VisitSnapshot['hall'] {
  return { name: state.settings.name };
}

export function visitWindow(state: HallState, leg: Ticket): VisitSnapshot['window'] {
  const window = leg.windowId !== null ? state.windows.get(leg.windowId) : undefined;
  return window ? { number: window.number, name: window.name } : null;
}
