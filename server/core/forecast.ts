import type { Forecast } from '../../protocol/queue-entities.js';
import type { HallState, Ticket } from './types.js';
import { countCall, dispatchContext, pickNext, type DispatchContext } from './dispatch.js';
import { expectedHandlingMs } from './handling.js';

/** A visitor called but not yet started is expected at the window within this time. */
const walkUpMs = 60_000;

interface SimWindow { ctx: DispatchContext; availableAt: number; number: number }

/**
 * Position and estimated wait of every waiting ticket, by running the dispatch rule forward over the open windows:
 * each window becomes free when its current case is expected to end and takes what the rule would give it.
 * "People ahead" counts tickets called earlier by windows that could also have served this ticket.
 */
export function forecastQueue(state: HallState, now: number): Map<number, Forecast> {
  const waiting: Ticket[] = [...state.tickets.values()].filter((t) => t.status === 'waiting');
  const out = new Map<number, Forecast>();
  const windows = openWindows(state, now);
  const competitors = competitorsByService(windows);
  const ahead = new Map<number, number>();
  const remaining = new Set(waiting);

  while (remaining.size > 0 && windows.length > 0) {
    windows.sort((a, b) => a.availableAt - b.availableAt || a.number - b.number);
    const w = windows[0];
    const pick = pickNext({ ...w.ctx, now: w.availableAt }, remaining);
    if (!pick) { windows.shift(); continue; }
    const t = pick.ticket;
    remaining.delete(t);
    out.set(t.id, { ticketId: t.id, position: ahead.get(t.serviceId) ?? 0, etaMinutes: Math.max(0, (w.availableAt - now) / 60_000) });
    for (const other of competitors.get(t.serviceId) ?? [t.serviceId]) ahead.set(other, (ahead.get(other) ?? 0) + 1);
    w.ctx = { ...w.ctx, ratio: countCall(w.ctx.rule, w.ctx.ratio, pick.reason) };
    w.availableAt += walkUpMs / 4 + expectedHandlingMs(state, t.serviceId);
  }
  // Nobody open serves these: give the place in their own queue and no time.
  for (const t of remaining) {
    const position = waiting.filter((o) => o.serviceId === t.serviceId && o.queueKey < t.queueKey).length;
    out.set(t.id, { ticketId: t.id, position, etaMinutes: null });
  }
  return out;
}

function openWindows(state: HallState, now: number): SimWindow[] {
  const out: SimWindow[] = [];
  for (const window of state.windows.values()) {
    const runtime = state.runtime.get(window.id);
    if (!window.active || !runtime || runtime.status !== 'open') continue;
    let availableAt = now;
    const current = runtime.currentTicketId !== null ? state.tickets.get(runtime.currentTicketId) : undefined;
    if (current?.status === 'serving') availableAt = Math.max(now, current.startedAt! + expectedHandlingMs(state, current.serviceId));
    if (current?.status === 'called') availableAt = Math.max(now, current.calledAt! + walkUpMs + expectedHandlingMs(state, current.serviceId));
    out.push({ ctx: dispatchContext(state, window, runtime, now), availableAt, number: window.number });
  }
  return out;
}

/** Services that share at least one open window compete for the same calls. */
function competitorsByService(windows: SimWindow[]): Map<number, number[]> {
  const sets = new Map<number, Set<number>>();
  for (const w of windows) {
    for (const a of w.ctx.tiers.keys()) {
      let set = sets.get(a);
      if (!set) sets.set(a, (set = new Set()));
      for (const b of w.ctx.tiers.keys()) set.add(b);
    }
  }
  return new Map([...sets].map(([k, v]) => [k, [...v]]));
}
