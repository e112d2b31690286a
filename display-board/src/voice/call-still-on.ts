import type { BoardState } from '../state/board-state.js';

/**
 * Whether a call is still worth saying when its turn comes: the board still shows that ticket called at that window.
 * Once the visitor is at the counter (serving) or the window has moved on (finished, no-show, sent on, the next
 * call), saying it would hold up the calls behind it for nothing, or send someone to a window that no longer wants
 * them. A window the board does not know gives no such sign, so its call is said.
 */
export function callStillOn(state: BoardState | null, call: { ticketId: number; windowNumber: number }): boolean {
  const window = state?.windows.find((w) => w.number === call.windowNumber);
  if (!window) return true;
  return window.currentTicket?.id === call.ticketId && window.currentTicket.status === 'called';
}
