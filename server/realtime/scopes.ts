import type { Follow, PublicEvent } from '../../protocol/realtime.js';
import { tiersOf } from '../core/dispatch.js';
import type { HallState, Ticket } from '../core/types.js';

/** What a board, pad or phone may see of the hall, as two predicates: one on events, one for snapshots. */
export interface Scope {
  follow: Follow;
  wantsEvent(e: PublicEvent): boolean;
  includes(t: Ticket | null, windowId: number | null): boolean;
}

export function scopeOf(state: HallState, follow: Follow): Scope {
  switch (follow.scope) {
    case 'hall':
      return { follow, wantsEvent: () => true, includes: () => true };
    case 'area': {
      const { areaId } = follow;
      const serviceArea = (serviceId: number) => state.services.get(serviceId)?.areaId;
      return {
        follow,
        wantsEvent: (e) => e.ticket?.areaId === areaId || e.previous?.areaId === areaId || e.window?.areaId === areaId,
        includes: (t, windowId) => (t ? serviceArea(t.serviceId) === areaId : state.windows.get(windowId!)?.areaId === areaId),
      };
    }
    case 'window': {
      const { windowId } = follow;
      const window = state.windows.get(windowId);
      const tiers = window ? tiersOf(state, window) : new Map<number, 1 | 2>();
      const served = (serviceId: number, target: number | null) => target === windowId || (target === null && tiers.has(serviceId));
      return {
        follow,
        wantsEvent: (e) => e.window?.id === windowId
          || (e.ticket !== undefined && (e.ticket.windowId === windowId || served(e.ticket.serviceId, e.ticket.targetWindowId)))
          || (e.previous !== undefined && served(e.previous.serviceId, e.previous.targetWindowId)),
        includes: (t, wid) => (t ? t.windowId === windowId || served(t.serviceId, t.targetWindowId) : wid === windowId),
      };
    }
    case 'ticket':
      return { follow, wantsEvent: () => false, includes: () => false };
  }
}
