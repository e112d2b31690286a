import type { Window } from '../../../protocol/config-entities.js';
import { domainError, notFound, windowBusy, type DomainError } from '../errors.js';
import type { Actor, HallState, Ticket, WindowRuntime } from '../types.js';

export interface WindowAt { window: Window; runtime: WindowRuntime }

export function findWindow(state: HallState, windowId: number): WindowAt | DomainError {
  const window = state.windows.get(windowId);
  const runtime = state.runtime.get(windowId);
  if (!window || !runtime) return notFound('window', windowId);
  return { window, runtime };
}

/**
 * 顶岗 is explicit. A clerk (role staff) may not work a window that someone else staffs, open or paused: two pads
 * would run one window while the board showed one name, the statistics credited that person and the audit another.
 * Taking the window over (setWindowStatus with takeOver) is the way in. Supervisors and admins act on any window, for
 * oversight (closing a window a clerk left open); a paired device acts for the window it sits at, whoever staffs it.
 */
export function staffedByOther(state: HallState, at: WindowAt, actor: Actor): DomainError | null {
  if (actor.kind !== 'staff' || actor.role !== 'staff') return null;
  const { runtime } = at;
  if (runtime.status === 'closed' || runtime.staffId === null || runtime.staffId === actor.staffId) return null;
  const staffName = state.staff.get(runtime.staffId)?.name ?? String(runtime.staffId);
  return domainError('WINDOW_STAFFED', { window: at.window.number, staffName });
}

/** The window, if this actor may work it now (see staffedByOther). */
export function windowFor(state: HallState, windowId: number, actor: Actor): WindowAt | DomainError {
  const at = findWindow(state, windowId);
  if ('ok' in at) return at;
  return staffedByOther(state, at, actor) ?? at;
}

/** A window that may call: it exists, is open, and has nobody at the counter still to be dealt with. */
export function windowReadyToCall(state: HallState, windowId: number, actor: Actor): WindowAt | DomainError {
  const at = windowFor(state, windowId, actor);
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

/** The ticket at the window's counter, for recall / start / finish / no-show. */
export function windowWithTicket(state: HallState, windowId: number, actor: Actor): (WindowAt & { ticket: Ticket }) | DomainError {
  const at = windowFor(state, windowId, actor);
  if ('ok' in at) return at;
  const ticket = currentTicket(state, at.runtime);
  if (!ticket) return domainError('WINDOW_IDLE');
  return { ...at, ticket };
}

/**
 * Who a ticket called at this window is credited to (statistics, 好差评): the staff member who called it, as the
 * audit log says (at a colleague's window only a supervisor or admin can be that); a device calls for whoever
 * staffs the window.
 */
export function creditedStaff(runtime: WindowRuntime, actor: Actor): number | null {
  return actor.kind === 'staff' ? actor.staffId : runtime.staffId;
}
