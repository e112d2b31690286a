import type { Area, Text } from '../../../protocol/index.js';
import type { PublicService } from '../../../protocol/realtime.js';
import type { HallSnapshot, PublicEvent } from '../../../protocol/realtime.js';
import type { TicketView, WindowView } from '../../../protocol/queue-entities.js';

/** One call as the board shows it: latest at the top, masked name only. */
export interface CallEntry {
  ticketId: number;
  number: string;
  windowNumber: number;
  serviceName: Text;
  nameMasked: string | null;
  at: number;
  recall: boolean;
}

export interface BoardState {
  hallName: Text;
  notice: Text;
  timeZone: string;
  areas: Area[];
  services: PublicService[];
  windows: WindowView[];
  /** ticket id -> service id of every ticket waiting in the board's scope. */
  waiting: Map<number, number>;
  /** Newest first, one entry per ticket. */
  calls: CallEntry[];
}

const keptCalls = 12;

function callOf(t: TicketView, windowNumber: number, at: number, recall: boolean): CallEntry {
  return { ticketId: t.id, number: t.number, windowNumber, serviceName: t.serviceName, nameMasked: t.person?.nameMasked ?? null, at, recall };
}

export function fromSnapshot(s: HallSnapshot): BoardState {
  return {
    hallName: s.hall.name, notice: s.hall.notice, timeZone: s.hall.timeZone, areas: s.areas,
    services: s.services.filter((x) => x.active),
    windows: s.windows.map(({ lastTicket: _last, ...w }) => w),
    waiting: new Map(s.waiting.map((t) => [t.id, t.serviceId])),
    calls: s.recentCalls.filter((t) => t.windowNumber !== null).map((t) => callOf(t, t.windowNumber!, t.calledAt!, false)),
  };
}

function withWindow(windows: WindowView[], w: WindowView | undefined): WindowView[] {
  if (!w) return windows;
  const known = windows.some((x) => x.id === w.id);
  // A window the snapshot did not have (added since) is taken in where its number puts it.
  return known ? windows.map((x) => (x.id === w.id ? w : x)) : [...windows, w].sort((a, b) => a.number - b.number);
}

function withWaiting(waiting: Map<number, number>, t: TicketView | undefined, ...gone: (TicketView | undefined)[]): Map<number, number> {
  const next = new Map(waiting);
  for (const g of gone) if (g) next.delete(g.id);
  if (t) {
    if (t.status === 'waiting') next.set(t.id, t.serviceId);
    else next.delete(t.id);
  }
  return next;
}

/**
 * The board's picture after one event. Events carry the ticket and window as they are after the change, so the
 * board never looks anything up; a type it does not know changes nothing.
 */
export function applyEvent(state: BoardState, e: PublicEvent): BoardState {
  const windows = withWindow(state.windows, e.window);
  switch (e.type) {
    case 'ticket.called':
    case 'ticket.recalled': {
      const t = e.ticket!;
      const windowNumber = e.window?.number ?? t.windowNumber;
      if (windowNumber === null) return { ...state, windows };
      const entry = callOf(t, windowNumber, e.at, e.type === 'ticket.recalled');
      const calls = [entry, ...state.calls.filter((c) => c.ticketId !== t.id)].slice(0, keptCalls);
      return { ...state, windows, calls, waiting: withWaiting(state.waiting, t) };
    }
    case 'ticket.issued':
    case 'ticket.requeued':
    case 'ticket.cancelled':
    case 'ticket.noShow':
    case 'ticket.started':
    case 'ticket.finished':
      return { ...state, windows, waiting: withWaiting(state.waiting, e.ticket) };
    case 'ticket.transferred':
      return { ...state, windows, waiting: withWaiting(state.waiting, e.ticket, e.previous) };
    case 'window.statusChanged':
      return { ...state, windows };
    default:
      return state;
  }
}

/** Waiting tickets per service, for the services the board shows. */
export function waitingByService(state: BoardState): Map<number, number> {
  const counts = new Map<number, number>();
  for (const serviceId of state.waiting.values()) counts.set(serviceId, (counts.get(serviceId) ?? 0) + 1);
  return counts;
}
