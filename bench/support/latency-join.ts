import type { CallRecord } from '../sim/http-actions.js';
import type { ScreenClient } from './screens.js';

/** The first arrival at or after `from` (a ticket may be called twice: a no-show re-queued). */
function firstAfter(list: number[] | undefined, from: number): number | null {
  if (!list) return null;
  let best: number | null = null;
  for (const at of list) if (at >= from - 50 && (best === null || at < best)) best = at;
  return best;
}

/**
 * Joins calls with the moments their ticket.called event reached each screen. Latency is taken from the moment
 * the pad sent callNext (the screen may well hear of the call before the pad has its reply), and also from the
 * reply, which is how the issue words it; the first is the larger and is the one held against the target.
 */
export function callLatencies(calls: CallRecord[], screens: ScreenClient[]): { fromSend: number[]; fromReply: number[]; missing: number } {
  const fromSend: number[] = [];
  const fromReply: number[] = [];
  let missing = 0;
  for (const call of calls) {
    for (const s of screens) {
      const at = firstAfter(s.called.get(call.ticketId), call.sentAt);
      if (at === null) continue;
      fromSend.push(at - call.sentAt);
      fromReply.push(at - call.repliedAt);
    }
    if (!screens.some((s) => s.called.has(call.ticketId))) missing++;
  }
  return { fromSend, fromReply, missing };
}

/** Each called visitor's own phone: from callNext sent to the visit message saying "called". */
export function calledPhoneLatencies(calls: CallRecord[], calledSeen: Map<number, number>): number[] {
  const out: number[] = [];
  for (const call of calls) {
    const at = calledSeen.get(call.ticketId);
    if (at !== undefined && at >= call.sentAt - 50) out.push(at - call.sentAt);
  }
  return out;
}
