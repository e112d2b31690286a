import type { WindowDayCounts } from '../../protocol/queue-entities.js';
import type { HallState } from './types.js';

/**
 * A window's day so far, counted as the statistics count a leg (server/stats/ticket-figures.ts): by where the ticket
 * ended, at the window that called it. A no-show put back in the queue and served later is served, not a no-show;
 * one the day closed on after a missed call is a no-show; a visitor called here and sent on is a transfer.
 */
export function windowDayCounts(state: HallState, windowId: number, day: string): WindowDayCounts {
  const counts: WindowDayCounts = { served: 0, noShow: 0, transferred: 0 };
  for (const t of state.tickets.values()) {
    if (t.windowId !== windowId || t.hallDay !== day || t.calledAt === null) continue;
    if (t.status === 'done') counts.served++;
    else if (t.status === 'no_show' || t.status === 'cancelled') counts.noShow++;
    else if (t.status === 'transferred') counts.transferred++;
  }
  return counts;
}
