import type { Service, WeekHours } from '../../../protocol/config-entities.js';
import { hoursOf } from '../hours.js';
import { isOffered } from '../offered.js';
import type { HallState, Ticket } from '../types.js';
import { sessionEndAt, type Session } from './hall-sessions.js';

/** Arrivals are expected at the rate of this last stretch: long enough to count a few, short enough to follow the day. */
const lookBackMs = 30 * 60_000;
/** Arrivals further out are too uncertain to move a wait. */
export const horizonMs = 3 * 3_600_000;

/**
 * Who will come, by how the dispatch rule treats them: 'ahead' are checked-in appointments and transfers (called
 * before priority visitors, or keeping their first arrival), 'priority' the priority classes (called before those
 * waiting), 'normal' everyone else (behind those waiting, but they take main-tier windows away from backup queues).
 */
export type ArrivalKind = 'ahead' | 'priority' | 'normal';
const kinds: ArrivalKind[] = ['ahead', 'priority', 'normal'];

/** Expected arrivals of one kind to one service, evenly spaced from half an interval after now until `until`. */
export interface ArrivalStream {
  serviceId: number;
  kind: ArrivalKind;
  firstAt: number;
  intervalMs: number;
  until: number;
  /** This stream's place among `of` streams: it gives every expected ticket its own id. */
  index: number;
  of: number;
}

/**
 * The visitors expected from now on, at the rate each service and kind had over the last half hour, while the
 * service takes tickets (its configured hours) and for at most three hours.
 */
export function expectedArrivals(state: HallState, now: number, sessionsOf: (hours: WeekHours) => Session[]): ArrivalStream[] {
  const counts = new Map<number, { serviceId: number; kind: ArrivalKind; count: number }>();
  // Every ticket (a leg of a transfer, an appointment checked in) is made with the next id at the time of its
  // making, so the newest ids are the last half hour's and the day's earlier thousands need not be looked at. A
  // missing id is a ticket of an earlier day that has left memory: all of today's are still there.
  for (let id = state.lastId.ticket; id > 0; id--) {
    const t = state.tickets.get(id);
    if (!t || t.issuedAt <= now - lookBackMs) break;
    if (t.issuedAt > now) continue;
    const kind = arrivalKind(t);
    const key = t.serviceId * kinds.length + kinds.indexOf(kind);
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { serviceId: t.serviceId, kind, count: 1 });
  }
  const streams: Omit<ArrivalStream, 'of'>[] = [];
  for (const { serviceId, kind, count } of counts.values()) {
    const service = state.services.get(serviceId);
    if (!service || !isOffered(state, service)) continue;
    const until = Math.min(now + horizonMs, issuingUntil(state, service, now, sessionsOf));
    const intervalMs = lookBackMs / count;
    const firstAt = now + intervalMs / 2;
    if (firstAt <= until) streams.push({ serviceId, kind, firstAt, intervalMs, until, index: streams.length });
  }
  return streams.map((s) => ({ ...s, of: streams.length }));
}

/** How the dispatch rule will treat a ticket, real or expected. */
export function arrivalKind(t: Ticket): ArrivalKind {
  if (t.channel === 'transfer' || t.appointmentId !== null) return 'ahead';
  return t.priorityClassId !== null ? 'priority' : 'normal';
}

function issuingUntil(state: HallState, service: Service, now: number, sessionsOf: (hours: WeekHours) => Session[]): number {
  return sessionEndAt(sessionsOf(hoursOf(state, service)), now) ?? now;
}

export function arrivalAt(stream: ArrivalStream, k: number): number {
  return stream.firstAt + k * stream.intervalMs;
}

/** The k-th expected visitor of a stream as a waiting ticket, so the dispatch rule treats it as it will the real one. */
export function expectedTicket(stream: ArrivalStream, k: number): Ticket {
  const at = arrivalAt(stream, k);
  const id = -(k * stream.of + stream.index + 1);
  return {
    id, visitId: id, number: '', seqNo: 0, status: 'waiting', channel: 'kiosk', serviceId: stream.serviceId, person: null,
    priorityClassId: stream.kind === 'priority' ? -1 : null, targetWindowId: null, appointmentId: null,
    appointmentStartsAt: stream.kind === 'ahead' ? at : null, windowId: null, staffId: null, arrivedAt: at, issuedAt: at,
    queueKey: at, calledAt: null, startedAt: null, finishedAt: null, recalls: 0, requeues: 0, hallDay: '', transferredFromId: null,
  };
}

/** Walks one stream in the forward run: its next visitor becomes a ticket only once a window looks at it. */
export class ArrivalCursor {
  private k = 0;
  private head: Ticket | null = null;
  /** When the next expected visitor arrives (a field, not a getter: the run reads it at every step). */
  next: number;
  done: boolean;

  constructor(readonly stream: ArrivalStream) {
    this.next = stream.firstAt;
    this.done = this.next > stream.until;
  }

  /** The next expected visitor, if they have arrived by `time`. */
  headBy(time: number): Ticket | null {
    if (this.done || this.next > time) return null;
    return (this.head ??= expectedTicket(this.stream, this.k));
  }

  take(): void {
    this.head = null;
    this.k++;
    this.next = arrivalAt(this.stream, this.k);
    this.done = this.next > this.stream.until;
  }
}
