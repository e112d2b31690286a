import type { PauseReason, WindowStatus } from '../../../protocol/queue-entities.js';
import { windowBusy } from '../errors.js';
import type { WindowRuntime } from '../types.js';
import { accept, type Handler } from './decision.js';
import { currentTicket, findWindow } from './window-access.js';

export interface SetWindowStatusArgs { windowId: number; status: WindowStatus; reason?: PauseReason }

/**
 * Open, pause (with a reason, for the pause-time statistics) or close a window. A visitor still at the counter
 * must be dealt with first, so nobody is left called at a window that has gone away.
 */
export const setWindowStatus: Handler<SetWindowStatusArgs, WindowRuntime> = (state, args, ctx) => {
  const at = findWindow(state, args.windowId);
  if ('ok' in at) return at;
  const current = currentTicket(state, at.runtime);
  if (args.status !== 'open' && current && (current.status === 'called' || current.status === 'serving')) {
    return windowBusy(current.number, current.status);
  }
  const staffId = args.status === 'closed' ? null : ctx.actor.kind === 'staff' ? ctx.actor.staffId : at.runtime.staffId;
  const pauseReason = args.status === 'paused' ? args.reason ?? 'other' : null;
  const unchanged = at.runtime.status === args.status && at.runtime.pauseReason === pauseReason && at.runtime.staffId === staffId;
  if (unchanged) return accept([], at.runtime);
  const runtime: WindowRuntime = { ...at.runtime, status: args.status, pauseReason, staffId, statusSince: ctx.now };
  return accept([{ type: 'window.statusChanged', runtime }], runtime);
};
