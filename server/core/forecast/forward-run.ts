import type { Forecast } from '../../../protocol/queue-entities.js';
import { countCall, pickNext } from '../dispatch.js';
import { expectedHandlingMs } from '../handling.js';
import type { HallState, Ticket } from '../types.js';
import { ArrivalCursor, horizonMs, type ArrivalKind, type ArrivalStream } from './arrivals.js';
import { WaitingPool } from './waiting-pool.js';
import { WindowHeap, type ForecastWindow } from './window-heap.js';

/** What the forward run starts from: the windows that will call, the visitors expected, the time around each case. */
export interface ForecastPlan {
  windows: ForecastWindow[];
  arrivals: ArrivalStream[];
  /** Walk-up + turnaround: a window's next call comes this long after its last plus the case's handling. */
  caseOverheadMs: number;
}

/**
 * The wait a ticket of a service and kind issued now would get: the run carries a shadow ticket for each, waiting
 * since now, that windows call like any other but that takes no time (a ticket's own turn depends only on those
 * ahead of it, so the shadow leaves everyone else's forecast as it is). It lets a ticket issued before the next
 * forecast be told its wait without a forward run of its own.
 */
export interface Quote { serviceId: number; kind: ArrivalKind; position: number; etaMinutes: number }

/** Shadow tickets are numbered from here down, below any expected visitor's number. */
const shadowIds = -1_000_000_000;

/** A window in the run, with the expected visitors of the services it serves. */
interface RunWindow extends ForecastWindow { arrivals: ArrivalCursor[] }

/**
 * Position and estimated wait of every waiting ticket, by running the dispatch rule forward: the window that calls
 * first takes what the rule would give it among the tickets waiting and the visitors expected by then, and calls
 * again one case later. A window with nothing to take waits for the next expected visitor it serves. Only waiting
 * tickets are placed: the expected visitors just take their turns. "People ahead" counts tickets called earlier by
 * windows that could also have served this ticket.
 */
export function runForward(state: HallState, now: number, plan: ForecastPlan, quotes?: Quote[]): Map<number, Forecast> {
  const waiting: Ticket[] = [];
  for (const t of state.active.values()) if (t.status === 'waiting') waiting.push(t);
  const out = new Map<number, Forecast>();
  const arrivals = cursorsByService(plan.arrivals);
  // The run moves windows on and counts their calls: on copies, so a plan can be run again.
  const windows = new WindowHeap<RunWindow>(plan.windows.map((w) => ({ ...w, ctx: { ...w.ctx }, arrivals: servedBy(w, arrivals) })));
  const competitors = competitorsByService(windows.items);
  const ahead = new Map<number, number>();
  const shadows = quotes ? shadowTickets(windows.items, now) : [];
  const pool = new WaitingPool([...waiting, ...shadows]);
  let real = waiting.length;
  const candidates: Ticket[] = [];

  // Past the last real ticket, shadows are called within the horizon of expected visitors or not at all.
  while (pool.size > 0 && windows.size > 0 && (real > 0 || windows.first().availableAt <= now + horizonMs)) {
    const w = windows.first();
    pool.candidatesFor(w.ctx, candidates);
    for (const a of w.arrivals) {
      const expected = a.headBy(w.availableAt);
      if (expected) candidates.push(expected);
    }
    w.ctx.now = w.availableAt;
    const pick = pickNext(w.ctx, candidates);
    if (!pick) {
      // Every expected visitor it serves is still to come (one who had come would have been picked), and no real
      // ticket will ever be its to take again: it only goes on taking expected visitors from the other windows.
      const next = nextArrival(w.arrivals);
      if (next === null || next <= w.availableAt) windows.removeFirst();
      else {
        w.availableAt = next;
        windows.firstChanged();
      }
      continue;
    }
    const t = pick.ticket;
    if (t.id <= shadowIds) {
      // Its turn is the quote; it takes no time, so the window calls again at once.
      pool.remove(t);
      quotes!.push({ serviceId: t.serviceId, kind: t.priorityClassId !== null ? 'priority' : 'normal', position: ahead.get(t.serviceId) ?? 0, etaMinutes: Math.max(0, (w.availableAt - now) / 60_000) });
      continue;
    }
    if (t.id < 0) {
      for (const a of arrivals.get(t.serviceId)!) if (a.headBy(w.availableAt) === t) a.take();
    } else {
      real--;
      pool.remove(t);
      out.set(t.id, { ticketId: t.id, position: ahead.get(t.serviceId) ?? 0, etaMinutes: Math.max(0, (w.availableAt - now) / 60_000) });
      for (const other of competitors.get(t.serviceId) ?? [t.serviceId]) ahead.set(other, (ahead.get(other) ?? 0) + 1);
    }
    w.ctx.ratio = countCall(w.ctx.rule, w.ctx.ratio, pick.reason);
    w.availableAt += plan.caseOverheadMs + expectedHandlingMs(state, t.serviceId);
    windows.firstChanged();
  }
  placeUnserved(waiting, [...pool.remaining()].filter((t) => t.id > shadowIds), out);
  return out;
}

/** A normal and a priority shadow for every service an open window serves, waiting since now. */
function shadowTickets(windows: ForecastWindow[], now: number): Ticket[] {
  const services = new Set<number>();
  for (const w of windows) for (const serviceId of w.ctx.tiers.keys()) services.add(serviceId);
  const out: Ticket[] = [];
  for (const serviceId of services) {
    for (const priority of [false, true]) {
      const id = shadowIds - out.length;
      out.push({
        id, visitId: id, number: '', seqNo: 0, status: 'waiting', channel: 'kiosk', serviceId, person: null,
        priorityClassId: priority ? -1 : null, targetWindowId: null, appointmentId: null, appointmentStartsAt: null,
        // Half a millisecond after now: behind a ticket issued in the same millisecond as the forecast.
        windowId: null, staffId: null, arrivedAt: now, issuedAt: now, queueKey: now + 0.5, calledAt: null, startedAt: null,
        finishedAt: null, recalls: 0, requeues: 0, hallDay: '', transferredFromId: null,
      });
    }
  }
  return out;
}

/** Nobody open serves these: they get their place in their own queue and no time. */
function placeUnserved(waiting: Ticket[], unserved: Iterable<Ticket>, out: Map<number, Forecast>): void {
  const keysByService = new Map<number, number[]>();
  for (const t of waiting) {
    let keys = keysByService.get(t.serviceId);
    if (!keys) keysByService.set(t.serviceId, (keys = []));
    keys.push(t.queueKey);
  }
  for (const keys of keysByService.values()) keys.sort((a, b) => a - b);
  for (const t of unserved) out.set(t.id, { ticketId: t.id, position: countBelow(keysByService.get(t.serviceId)!, t.queueKey), etaMinutes: null });
}

function cursorsByService(streams: ArrivalStream[]): Map<number, ArrivalCursor[]> {
  const out = new Map<number, ArrivalCursor[]>();
  for (const s of streams) {
    let list = out.get(s.serviceId);
    if (!list) out.set(s.serviceId, (list = []));
    list.push(new ArrivalCursor(s));
  }
  return out;
}

function servedBy(w: ForecastWindow, arrivals: Map<number, ArrivalCursor[]>): ArrivalCursor[] {
  const out: ArrivalCursor[] = [];
  for (const serviceId of w.ctx.tiers.keys()) for (const a of arrivals.get(serviceId) ?? []) out.push(a);
  return out;
}

function nextArrival(arrivals: ArrivalCursor[]): number | null {
  let next = Infinity;
  for (const a of arrivals) if (!a.done && a.next < next) next = a.next;
  return next === Infinity ? null : next;
}

/** Services that share at least one window compete for the same calls. */
function competitorsByService(windows: ForecastWindow[]): Map<number, number[]> {
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

/** How many of the ascending keys are strictly below `key`. */
function countBelow(keys: number[], key: number): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
