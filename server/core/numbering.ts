import type { Service } from '../../protocol/config-entities.js';
import type { HallState } from './types.js';

/**
 * The next number of a service on a hall day. The hall's day never goes back: if the clock jumps back across
 * midnight, every service numbers on in the latest day any service has reached (not only those that already
 * gave a number on it), so a number is never given twice in a day and no ticket lands on a day already closed,
 * to be cancelled when midnight comes round again.
 */
export function nextNumber(state: HallState, service: Service, today: string): { hallDay: string; seqNo: number; number: string } {
  let hallDay = today;
  for (const c of state.counters.values()) if (c.hallDay > hallDay) hallDay = c.hallDay;
  const counter = state.counters.get(service.id);
  const seqNo = counter !== undefined && counter.hallDay === hallDay ? counter.last + 1 : 1;
  return { hallDay, seqNo, number: formatNumber(service.prefix, seqNo) };
}

export function formatNumber(prefix: string, seqNo: number): string {
  return prefix + String(seqNo).padStart(3, '0');
}

/** A no-show re-queued goes `offset` places behind the head of its service's queue ("过号顺延"). */
export function requeueKey(state: HallState, serviceId: number, offset: number, now: number): number {
  const queue = [...state.active.values()]
    .filter((t) => t.status === 'waiting' && t.serviceId === serviceId && t.targetWindowId === null)
    .map((t) => t.queueKey)
    .sort((a, b) => a - b);
  if (queue.length === 0) return now;
  if (offset === 0) return queue[0] - 1;
  if (queue.length <= offset) return queue[queue.length - 1] + 1;
  return (queue[offset - 1] + queue[offset]) / 2;
}
