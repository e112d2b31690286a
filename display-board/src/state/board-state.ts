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
  /**
   * The call no longer stands: its ticket ended unserved (cancelled, no-show) or its window closed, as the hall
   * does to every window after hours. It stays in the history, but the big card must not send anyone to it.
   */
  over: boolean;
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

const endedUnserved = new Set<TicketView['status']>(['cancelled', 'no_show']);

function callOf(t: TicketView, windowNumber: number, at: number, recall: boolean): CallEntry {
  return { ticketId: t.id, number: t.number, windowNumber, serviceName: t.serviceName, nameMasked: t.person?.nameMasked ?? null, at, recall, over: false };
}

export function fromSnapshot(s: HallSnapshot): BoardState {
  const closed = new Set(s.windows.filter((w) => w.status === 'closed').map((w) => w.number));
  return {
    hallName: s.hall.name, notice: s.hall.notice, timeZone: s.hall.timeZone, areas: s.areas,
    services: s.services.filter((x) => x.active),
    windows: s.windows.map(({ lastTicket: _last, ...w }) => w),
    waiting: new Map(s.waiting.map((t) => [t.id, t.serviceId])),
    calls: s.recentCalls.filter((t) => t.windowNumber !== null).map((t) => ({
      ...callOf(t, t.windowNumber!, t.calledAt!, false),
      over: endedUnserved.has(t.status) || closed.has(t.windowNumber!),
    })),
  };
}

/** The calls with those matching `ends` marked over; untouched entries keep their identity (the flash follows it). */
function endingCalls(calls: CallEntry[], ends: (c: CallEntry) => boolean): CallEntry[] {
  return calls.some((c) => !c.over && ends(c)) ? calls.map((c) => (!c.over && ends(c) ? { ...c, over: true } : c)) : calls;
}

/**
 * What the board shows of its calls: the newest on the card while it stands, and the ones before it. A call that is
 * over leaves the card empty rather than making way for an older one, which would read as a new call; it goes on
 * in the list, so a visitor who missed it still sees they were called and can ask at the desk.
 */
export function shownCalls(state: BoardState, recentCount: number): { latest: CallEntry | null; recent: CallEntry[] } {
  const newest = state.calls[0];
  const latest = newest && !newest.over ? newest : null;
  return { latest, recent: state.calls.slice(latest ? 1 : 0, (latest ? 1 : 0) + recentCount) };
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
    case 'ticket.cancelled':
    case 'ticket.noShow': {
      const calls = endingCalls(state.calls, (c) => c.ticketId === e.ticket?.id);
      return { ...state, windows, calls, waiting: withWaiting(state.waiting, e.ticket) };
    }
    case 'ticket.issued':
    case 'ticket.requeued':
    case 'ticket.started':
    case 'ticket.finished':
      return { ...state, windows, waiting: withWaiting(state.waiting, e.ticket) };
    case 'ticket.transferred':
      return { ...state, windows, waiting: withWaiting(state.waiting, e.ticket, e.previous) };
    case 'window.statusChanged': {
      const closed = e.window?.status === 'closed' ? e.window.number : null;
      return { ...state, windows, calls: closed === null ? state.calls : endingCalls(state.calls, (c) => c.windowNumber === closed) };
    }
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
