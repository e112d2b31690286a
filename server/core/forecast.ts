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
  const waiting: Ticket[] = [];
  for (const t of state.tickets.values()) if (t.status === 'waiting') waiting.push(t);
  const out = new Map<number, Forecast>();
  const windows = new WindowHeap(openWindows(state, now));
  const competitors = competitorsByService(windows.items);
  const ahead = new Map<number, number>();
  const pool = new WaitingPool(waiting);

  while (pool.size > 0 && windows.size > 0) {
    const w = windows.first();
    const pick = pickNext({ ...w.ctx, now: w.availableAt }, pool.candidatesFor(w.ctx));
    if (!pick) { windows.removeFirst(); continue; }
    const t = pick.ticket;
    pool.remove(t);
    out.set(t.id, { ticketId: t.id, position: ahead.get(t.serviceId) ?? 0, etaMinutes: Math.max(0, (w.availableAt - now) / 60_000) });
    for (const other of competitors.get(t.serviceId) ?? [t.serviceId]) ahead.set(other, (ahead.get(other) ?? 0) + 1);
    w.ctx = { ...w.ctx, ratio: countCall(w.ctx.rule, w.ctx.ratio, pick.reason) };
    w.availableAt += walkUpMs / 4 + expectedHandlingMs(state, t.serviceId);
    windows.firstChanged();
  }
  // Nobody open serves these: give the place in their own queue and no time.
  const keysByService = new Map<number, number[]>();
  for (const t of waiting) {
    let keys = keysByService.get(t.serviceId);
    if (!keys) keysByService.set(t.serviceId, (keys = []));
    keys.push(t.queueKey);
  }
  for (const keys of keysByService.values()) keys.sort((a, b) => a - b);
  for (const t of pool.remaining()) {
    out.set(t.id, { ticketId: t.id, position: countBelow(keysByService.get(t.serviceId)!, t.queueKey), etaMinutes: null });
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

const older = (a: Ticket, b: Ticket) => a.queueKey - b.queueKey || a.id - b.id;

/**
 * The waiting tickets, arranged so each step of the run hands pickNext only the tickets it could choose: within a
 * service, the rule only ever takes the oldest priority or the oldest ordinary ticket, so those two heads stand
 * for the whole queue. Transfers to a window and appointments depend on the window and the time, so they are
 * all offered (there are few). This keeps a forecast of thousands of waiting tickets to a few milliseconds.
 */
class WaitingPool {
  private readonly targeted = new Map<number, Set<Ticket>>();
  private readonly appointments = new Map<number, Set<Ticket>>();
  private readonly queues = new Map<number, { priority: Ticket[]; normal: Ticket[]; p: number; n: number }>();
  private readonly left = new Set<Ticket>();

  constructor(waiting: Ticket[]) {
    for (const t of waiting) {
      this.left.add(t);
      if (t.targetWindowId !== null) setOf(this.targeted, t.targetWindowId).add(t);
      else if (t.appointmentStartsAt !== null) setOf(this.appointments, t.serviceId).add(t);
      else {
        let q = this.queues.get(t.serviceId);
        if (!q) this.queues.set(t.serviceId, (q = { priority: [], normal: [], p: 0, n: 0 }));
        (t.priorityClassId !== null ? q.priority : q.normal).push(t);
      }
    }
    for (const q of this.queues.values()) {
      q.priority.sort(older);
      q.normal.sort(older);
    }
  }

  get size(): number {
    return this.left.size;
  }

  remaining(): Iterable<Ticket> {
    return this.left;
  }

  candidatesFor(ctx: DispatchContext): Ticket[] {
    const out: Ticket[] = [...(this.targeted.get(ctx.windowId) ?? [])];
    for (const serviceId of ctx.tiers.keys()) {
      for (const t of this.appointments.get(serviceId) ?? []) out.push(t);
      const q = this.queues.get(serviceId);
      if (!q) continue;
      if (q.p < q.priority.length) out.push(q.priority[q.p]);
      if (q.n < q.normal.length) out.push(q.normal[q.n]);
    }
    return out;
  }

  remove(t: Ticket): void {
    this.left.delete(t);
    if (t.targetWindowId !== null) return void this.targeted.get(t.targetWindowId)!.delete(t);
    if (t.appointmentStartsAt !== null) return void this.appointments.get(t.serviceId)!.delete(t);
    const q = this.queues.get(t.serviceId)!;
    if (t.priorityClassId !== null) q.p++;
    else q.n++;
  }
}

function setOf<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

/** Open windows by when they are next free (then by number), as a binary heap. */
class WindowHeap {
  constructor(readonly items: SimWindow[]) {
    for (let i = (items.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  get size(): number {
    return this.items.length;
  }

  first(): SimWindow {
    return this.items[0];
  }

  removeFirst(): void {
    const last = this.items.pop()!;
    if (this.items.length > 0) {
      this.items[0] = last;
      this.down(0);
    }
  }

  /** The first window's availableAt moved later. */
  firstChanged(): void {
    this.down(0);
  }

  private less(a: SimWindow, b: SimWindow): boolean {
    return a.availableAt < b.availableAt || (a.availableAt === b.availableAt && a.number < b.number);
  }

  private down(i: number): void {
    const items = this.items;
    for (;;) {
      const l = 2 * i + 1;
      let m = i;
      if (l < items.length && this.less(items[l], items[m])) m = l;
      if (l + 1 < items.length && this.less(items[l + 1], items[m])) m = l + 1;
      if (m === i) return;
      [items[i], items[m]] = [items[m], items[i]];
      i = m;
    }
  }
}
