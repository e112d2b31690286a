import type { Window } from '../../../protocol/config-entities.js';
import { domainError, notFound, windowBusy, type DomainError } from '../errors.js';
import type { HallState, Ticket, WindowRuntime } from '../types.js';

export interface WindowAt { window: Window; runtime: WindowRuntime }

export function findWindow(state: HallState, windowId: number): WindowAt | DomainError {
  const window = state.windows.get(windowId);
  const runtime = state.runtime.get(windowId);
  if (!window || !runtime) return notFound('window', windowId);
  return { window, runtime };
}

/** A window that may call: it exists, is open, and has nobody at the counter still to be dealt with. */
export function windowReadyToCall(state: HallState, windowId: number): WindowAt | DomainError {
  const at = findWindow(state, windowId);
  if ('ok' in at) return at;
  if (at.runtime.status === 'closed' || !at.window.active) return domainError('WINDOW_CLOSED');
  if (at.runtime.status === 'paused') return domainError('WINDOW_PAUSED');
  const current = currentTicket(state, at.runtime);
  if (current && (current.status === 'called' || current.status === 'serving')) return windowBusy(current.number, current.status);
  return at;
}

export function currentTicket(state: HallState, runtime: WindowRuntime): Ticket | null {
  return runtime.currentTicketId === null ? null : state.tickets.get(runtime.currentTicketId) ?? null;
}

/** The ticket at the window's counter, for recall / start / finish / no-show / transfer. */
export function windowWithTicket(state: HallState, windowId: number): (WindowAt & { ticket: Ticket }) | DomainError {
  const at = findWindow(state, windowId);
  if ('ok' in at) return at;
  const ticket = currentTicket(state, at.runtime);
  if (!ticket) return domainError('WINDOW_IDLE');
  return { ...at, ticket };
}
