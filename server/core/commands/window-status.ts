import type { PauseReason } from '../../../protocol/queue-entities.js';
import { windowBusy } from '../errors.js';
import type { DomainEvent } from '../events.js';
import type { Actor, Ticket, WindowRuntime } from '../types.js';
import { accept, type Handler } from './decision.js';
import { currentTicket, findWindow, staffedByOther, type WindowAt } from './window-access.js';

/**
 * `takeOver` (顶岗) opens the window for the staff member asking even though someone else staffs it: the one way a
 * clerk comes to work a colleague's window. It only goes with 'open': taking a window over is to work it.
 */
export type SetWindowStatusArgs =
  | { windowId: number; status: 'open'; takeOver?: boolean }
  | { windowId: number; status: 'paused'; reason?: PauseReason }
  | { windowId: number; status: 'closed' };

/**
 * Open, pause (with a reason, for the pause-time statistics) or close a window. A visitor still at the counter
 * must be dealt with first, so nobody is left called at a window that has gone away.
 */
export const setWindowStatus: Handler<SetWindowStatusArgs, WindowRuntime> = (state, args, ctx) => {
  const at = findWindow(state, args.windowId);
  if ('ok' in at) return at;
  const fromStaffId = takesOverFrom(at, args, ctx.actor);
  if (fromStaffId === null) {
    const refused = staffedByOther(state, at, ctx.actor);
    if (refused) return refused;
  }
  const current = currentTicket(state, at.runtime);
  const atCounter = current && (current.status === 'called' || current.status === 'serving') ? current : null;
  if (args.status !== 'open' && atCounter) return windowBusy(atCounter.number, atCounter.status);

  const staffId = fromStaffId !== null ? (ctx.actor as { staffId: number }).staffId : staffAfter(at.runtime, args.status, ctx.actor);
  const pauseReason = args.status === 'paused' ? args.reason ?? 'other' : null;
  const unchanged = at.runtime.status === args.status && at.runtime.pauseReason === pauseReason && at.runtime.staffId === staffId;
  if (unchanged) return accept([], at.runtime);
  const runtime: WindowRuntime = { ...at.runtime, status: args.status, pauseReason, staffId, statusSince: ctx.now };
  if (fromStaffId === null) return accept([{ type: 'window.statusChanged', runtime }], runtime);
  // Whoever serves the visitor at the counter from now on is credited with them (statistics, 好差评).
  const ticket: Ticket | null = atCounter ? { ...atCounter, staffId } : null;
  const event: DomainEvent = { type: 'window.statusChanged', runtime, takeOver: { fromStaffId, ticket } };
  return accept([event], runtime);
};

/** The staff member a takeover replaces, or null when this is no takeover (asked or not, nobody else staffs it). */
function takesOverFrom(at: WindowAt, args: SetWindowStatusArgs, actor: Actor): number | null {
  if (args.status !== 'open' || !args.takeOver || actor.kind !== 'staff') return null;
  const { runtime } = at;
  if (runtime.status === 'closed' || runtime.staffId === null || runtime.staffId === actor.staffId) return null;
  return runtime.staffId;
}

/**
 * Who staffs the window after a change that is no takeover: nobody once closed; a staff member opening or pausing
 * it, unless a supervisor does so at a colleague's window (oversight leaves it theirs); a device changes nobody.
 */
function staffAfter(runtime: WindowRuntime, status: SetWindowStatusArgs['status'], actor: Actor): number | null {
  if (status === 'closed') return null;
  if (actor.kind !== 'staff') return runtime.staffId;
  const someoneElses = runtime.status !== 'closed' && runtime.staffId !== null && runtime.staffId !== actor.staffId;
  return someoneElses ? runtime.staffId : actor.staffId;
}
