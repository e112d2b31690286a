import type { TicketView, WindowView } from '../../../protocol/queue-entities.js';
import type { HallSnapshot, PublicEvent, PublicService } from '../../../protocol/realtime.js';

/** Everything the desk screen draws, rebuilt from a snapshot and kept current by the window's events. */
export interface DeskState {
  seq: number;
  hall: HallSnapshot['hall'];
  areas: HallSnapshot['areas'];
  services: PublicService[];
  window: WindowView | null;
  /** Waiting tickets this window may call, in queue order. */
  waiting: TicketView[];
  /** Today's no-shows at this window, newest first: the visitors who may come back for 过号顺延. */
  noShows: TicketView[];
}

const byQueue = (a: TicketView, b: TicketView) => a.queueKey - b.queueKey || a.id - b.id;

export function deskFromSnapshot(snapshot: HallSnapshot, seq: number, windowId: number): DeskState {
  const window = snapshot.windows.find((w) => w.id === windowId) ?? null;
  return {
    seq,
    hall: snapshot.hall,
    areas: snapshot.areas,
    services: snapshot.services,
    window: window ? stripLast(window) : null,
    waiting: [...snapshot.waiting].sort(byQueue),
    noShows: snapshot.recentCalls.filter((t) => t.status === 'no_show' && t.windowId === windowId),
  };
}

function stripLast(w: HallSnapshot['windows'][number]): WindowView {
  const { lastTicket: _last, ...view } = w;
  return view;
}

const without = (list: TicketView[], id: number | undefined) => list.filter((t) => t.id !== id);

/**
 * One event applied to the desk. `servesHere` says whether a waiting ticket belongs in this window's list, because a
 * transfer or a re-queue can move a ticket into or out of it.
 */
export function applyDeskEvent(state: DeskState, event: PublicEvent, seq: number, windowId: number, servesHere: (t: TicketView) => boolean): DeskState {
  const next: DeskState = { ...state, seq };
  if (event.window && event.window.id === windowId) next.window = event.window;
  const t = event.ticket;
  if (!t) return next;
  switch (event.type) {
    case 'ticket.issued':
    case 'ticket.requeued':
      next.waiting = without(state.waiting, t.id);
      if (t.status === 'waiting' && servesHere(t)) next.waiting = [...next.waiting, t].sort(byQueue);
      if (event.type === 'ticket.requeued') next.noShows = without(state.noShows, t.id);
      break;
    case 'ticket.called':
    case 'ticket.cancelled':
      next.waiting = without(state.waiting, t.id);
      break;
    case 'ticket.transferred':
      next.waiting = without(without(state.waiting, event.previous?.id), t.id);
      if (servesHere(t)) next.waiting = [...next.waiting, t].sort(byQueue);
      break;
    case 'ticket.noShow':
      if (t.windowId === windowId) next.noShows = [t, ...without(state.noShows, t.id)];
      break;
    default:
      break;
  }
  return next;
}
