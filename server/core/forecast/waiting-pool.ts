import type { DispatchContext } from '../dispatch.js';
import type { Ticket } from '../types.js';

const older = (a: Ticket, b: Ticket) => a.queueKey - b.queueKey || a.id - b.id;

/**
 * The waiting tickets, arranged so each step of the forward run hands pickNext only the tickets it could choose:
 * within a service the rule only ever takes the oldest priority or the oldest ordinary ticket, so those two heads
 * stand for the whole queue. Transfers to a window and appointments depend on the window and the time, so they
 * are all offered (there are few). This keeps a forecast of thousands of waiting tickets to a few milliseconds.
 */
export class WaitingPool {
  private readonly targeted = new Map<number, Set<Ticket>>();
  private readonly appointments = new Map<number, Set<Ticket>>();
  private readonly queues = new Map<number, { priority: Ticket[]; normal: Ticket[]; p: number; n: number }>();
  private readonly left = new Set<Ticket>();

  constructor(waiting: Iterable<Ticket>) {
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

  /** Fills `out` (cleared first: the run reuses one array for its thousands of steps) with what `ctx` could call. */
  candidatesFor(ctx: DispatchContext, out: Ticket[]): Ticket[] {
    out.length = 0;
    for (const t of this.targeted.get(ctx.windowId) ?? []) out.push(t);
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
