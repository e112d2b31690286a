import type { TicketView } from '../../../../protocol/queue-entities.js';
import type { HallSnapshot, PublicEvent, PublicService } from '../../../../protocol/realtime.js';

export type MonitorWindow = HallSnapshot['windows'][number];

/** The hall as the monitor draws it: a snapshot kept current by the hall's events. */
export interface MonitorState {
  seq: number;
  hall: HallSnapshot['hall'];
  areas: HallSnapshot['areas'];
  services: PublicService[];
  windows: MonitorWindow[];
  waiting: TicketView[];
}

export function monitorFromSnapshot(s: HallSnapshot, seq: number): MonitorState {
  return { seq, hall: s.hall, areas: s.areas, services: s.services, windows: s.windows, waiting: s.waiting };
}

const without = (list: TicketView[], id: number | undefined) => list.filter((t) => t.id !== id);

export function applyMonitorEvent(state: MonitorState, e: PublicEvent, seq: number): MonitorState {
  let windows = state.windows;
  if (e.window) {
    const w = e.window;
    windows = windows.map((x) => (x.id === w.id ? { ...w, lastTicket: e.type === 'ticket.called' && e.ticket ? e.ticket : x.lastTicket } : x));
  }
  let waiting = state.waiting;
  const t = e.ticket;
  if (t) {
    if (e.type === 'ticket.transferred') waiting = without(waiting, e.previous?.id);
    waiting = without(waiting, t.id);
    if (t.status === 'waiting') waiting = [...waiting, t].sort((a, b) => a.queueKey - b.queueKey);
  }
  return { ...state, seq, windows, waiting };
}

export type WaitLevel = 'normal' | 'yellow' | 'red';

export interface ServiceLoad {
  service: PublicService;
  waiting: number;
  longestMinutes: number;
  overYellow: number;
  overRed: number;
  level: WaitLevel;
}

/** Waiting per service with the hall's yellow / red lights, from each ticket's wait against the thresholds. */
export function serviceLoads(state: MonitorState, now: number): ServiceLoad[] {
  const { yellowWaitMinutes: yellow, redWaitMinutes: red } = state.hall;
  return state.services.filter((s) => s.active).map((service) => {
    const waits = state.waiting.filter((t) => t.serviceId === service.id).map((t) => Math.max(0, Math.floor((now - t.arrivedAt) / 60_000)));
    const longestMinutes = waits.length ? Math.max(...waits) : 0;
    const overRed = waits.filter((w) => w >= red).length;
    const overYellow = waits.filter((w) => w >= yellow).length;
    const level: WaitLevel = overRed > 0 ? 'red' : overYellow > 0 ? 'yellow' : 'normal';
    return { service, waiting: waits.length, longestMinutes, overYellow, overRed, level };
  });
}
