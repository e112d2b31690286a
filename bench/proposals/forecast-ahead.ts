import type { Forecast } from '../../protocol/queue-entities.js';
import { countCall, dispatchContext, pickNext, type DispatchContext } from '../../server/core/dispatch.js';
import { expectedHandlingMs } from '../../server/core/handling.js';
import type { HallState, Ticket } from '../../server/core/types.js';

/**
 * PROPOSAL, measured by the benchmark, not used by the server: server/core/forecast.ts with three things it
 * does not see today.
 * 1. People who will come: priority visitors, checked-in appointments and transfers go ahead of those already
 *    waiting, and main-tier arrivals take a window away from its backup queue. Arrivals are expected at the rate
 *    of the last half hour, per service and kind, and run through the same dispatch rule as real tickets.
 * 2. Windows at lunch or on a break come back after a usual length; other pauses have no known end.
 * 3. The time between cases: the walk-up is learned from today's calls (called to started).
 */
export interface AheadOptions { lookBackMs: number; horizonMs: number; pauseMs: Partial<Record<string, number>> }

export const aheadDefaults: AheadOptions = {
  lookBackMs: 30 * 60_000,
  horizonMs: 3 * 3_600_000,
  pauseMs: { lunch: 60 * 60_000, break: 15 * 60_000 },
};

interface SimWindow { ctx: DispatchContext; availableAt: number; number: number }
type Kind = 'normal' | 'priority' | 'appointment';

/** Expected arrivals of one kind to one service, evenly spaced; tickets are made only when looked at. */
class Arrivals {
  next: number;
  private head: Ticket | null = null;

  constructor(private readonly serviceId: number, private readonly kind: Kind, private readonly intervalMs: number, now: number, private readonly until: number, private readonly ids: { n: number }) {
    this.next = now + intervalMs / 2;
  }

  get done(): boolean {
    return this.next > this.until;
  }

  headAt(time: number): Ticket | null {
    if (this.done || this.next > time) return null;
    this.head ??= phantom(this.serviceId, this.kind, this.next, -(++this.ids.n));
    return this.head;
  }

  take(): void {
    this.head = null;
    this.next += this.intervalMs;
  }
}

function phantom(serviceId: number, kind: Kind, at: number, id: number): Ticket {
  return {
    id, visitId: id, number: '', seqNo: 0, status: 'waiting', channel: 'kiosk', serviceId, person: null,
    priorityClassId: kind === 'priority' ? -1 : null, targetWindowId: null, appointmentId: null,
    appointmentStartsAt: kind === 'appointment' ? at : null, windowId: null, staffId: null, arrivedAt: at, issuedAt: at,
    queueKey: at, calledAt: null, startedAt: null, finishedAt: null, recalls: 0, requeues: 0, hallDay: '', transferredFromId: null,
  };
}

const older = (a: Ticket, b: Ticket) => a.queueKey - b.queueKey || a.id - b.id;

export function forecastAhead(state: HallState, now: number, options: AheadOptions = aheadDefaults): Map<number, Forecast> {
  const waiting: Ticket[] = [];
  for (const t of state.tickets.values()) if (t.status === 'waiting') waiting.push(t);
  const out = new Map<number, Forecast>();
  const perCaseMs = learnedWalkUpMs(state);
  const windows = new Heap(openWindows(state, now, options, perCaseMs));
  const competitors = competitorsByService(windows.items);
  const arrivals = expectedArrivals(state, now, options);
  const ahead = new Map<number, number>();
  const pool = new Pool(waiting);

  while (pool.size > 0 && windows.size > 0) {
    const w = windows.first();
    const candidates = pool.candidatesFor(w.ctx);
    for (const serviceId of w.ctx.tiers.keys()) {
      for (const a of arrivals.get(serviceId) ?? []) {
        const h = a.headAt(w.availableAt);
        if (h) candidates.push(h);
      }
    }
    const pick = pickNext({ ...w.ctx, now: w.availableAt }, candidates);
    if (!pick) {
      // Nothing for this window yet: it waits for the next expected arrival it serves, or is done.
      let next = Infinity;
      for (const serviceId of w.ctx.tiers.keys()) for (const a of arrivals.get(serviceId) ?? []) if (!a.done) next = Math.min(next, a.next);
      if (next === Infinity) windows.removeFirst();
      else { w.availableAt = Math.max(w.availableAt + 1, next); windows.firstChanged(); }
      continue;
    }
    const t = pick.ticket;
    if (t.id < 0) {
      for (const a of arrivals.get(t.serviceId) ?? []) if (a.headAt(w.availableAt) === t) a.take();
    } else {
      pool.remove(t);
      out.set(t.id, { ticketId: t.id, position: ahead.get(t.serviceId) ?? 0, etaMinutes: Math.max(0, (w.availableAt - now) / 60_000) });
      for (const other of competitors.get(t.serviceId) ?? [t.serviceId]) ahead.set(other, (ahead.get(other) ?? 0) + 1);
    }
    w.ctx = { ...w.ctx, ratio: countCall(w.ctx.rule, w.ctx.ratio, pick.reason) };
    w.availableAt += perCaseMs + expectedHandlingMs(state, t.serviceId);
    windows.firstChanged();
  }
  for (const t of pool.remaining()) {
    const position = waiting.filter((o) => o.serviceId === t.serviceId && o.queueKey < t.queueKey).length;
    out.set(t.id, { ticketId: t.id, position, etaMinutes: null });
  }
  return out;
}

/** The waiting tickets as in server/core/forecast.ts: per service only the two heads are candidates. */
class Pool {
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
    for (const q of this.queues.values()) { q.priority.sort(older); q.normal.sort(older); }
  }

  get size(): number { return this.left.size; }
  remaining(): Iterable<Ticket> { return this.left; }

  candidatesFor(ctx: DispatchContext): Ticket[] {
    const out: Ticket[] = [...(this.targeted.get(ctx.windowId) ?? [])];
    for (const serviceId of ctx.tiers.keys()) {
      for (const t of this.appointments.get(serviceId) ?? []) out.push(t);
      const q = this.queues.get(serviceId);
      if (q && q.p < q.priority.length) out.push(q.priority[q.p]);
      if (q && q.n < q.normal.length) out.push(q.normal[q.n]);
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

class Heap {
  constructor(readonly items: SimWindow[]) {
    for (let i = (items.length >> 1) - 1; i >= 0; i--) this.down(i);
  }
  get size(): number { return this.items.length; }
  first(): SimWindow { return this.items[0]; }
  removeFirst(): void {
    const last = this.items.pop()!;
    if (this.items.length > 0) { this.items[0] = last; this.down(0); }
  }
  firstChanged(): void { this.down(0); }
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

/** Mean time from call to start over today's cases (a few default-sized observations of 40 s as a prior). */
function learnedWalkUpMs(state: HallState): number {
  let sum = 3 * 40_000;
  let n = 3;
  for (const t of state.tickets.values()) {
    if (t.calledAt === null || t.startedAt === null) continue;
    const d = t.startedAt - t.calledAt;
    if (d >= 0 && d < 10 * 60_000) { sum += d; n++; }
  }
  return sum / n;
}

function expectedArrivals(state: HallState, now: number, options: AheadOptions): Map<number, Arrivals[]> {
  const counts = new Map<string, number>();
  for (const t of state.tickets.values()) {
    if (t.issuedAt < now - options.lookBackMs || t.issuedAt > now) continue;
    // A transfer keeps its first arrival and goes ahead, much as an appointment does.
    const kind: Kind = t.channel === 'transfer' || t.appointmentId !== null ? 'appointment' : t.priorityClassId !== null ? 'priority' : 'normal';
    const key = `${t.serviceId}:${kind}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const ids = { n: 0 };
  const out = new Map<number, Arrivals[]>();
  for (const [key, count] of counts) {
    const [serviceId, kind] = [Number(key.split(':')[0]), key.split(':')[1] as Kind];
    const list = out.get(serviceId) ?? [];
    list.push(new Arrivals(serviceId, kind, options.lookBackMs / count, now, now + options.horizonMs, ids));
    out.set(serviceId, list);
  }
  return out;
}

function openWindows(state: HallState, now: number, options: AheadOptions, perCaseMs: number): SimWindow[] {
  const out: SimWindow[] = [];
  for (const window of state.windows.values()) {
    const runtime = state.runtime.get(window.id);
    if (!window.active || !runtime) continue;
    const pauseMs = runtime.status === 'paused' ? options.pauseMs[runtime.pauseReason ?? ''] : undefined;
    if (runtime.status !== 'open' && pauseMs === undefined) continue;
    let availableAt = pauseMs === undefined ? now : Math.max(now, runtime.statusSince + pauseMs);
    const current = runtime.currentTicketId !== null ? state.tickets.get(runtime.currentTicketId) : undefined;
    if (current?.status === 'serving') availableAt = Math.max(now, current.startedAt! + expectedHandlingMs(state, current.serviceId));
    if (current?.status === 'called') availableAt = Math.max(now, current.calledAt! + perCaseMs + expectedHandlingMs(state, current.serviceId));
    out.push({ ctx: dispatchContext(state, window, runtime, now), availableAt, number: window.number });
  }
  return out;
}

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
