import type { LiveWarning } from '../../protocol/stats.js';
import { overdueOf } from '../core/ratings/follow-up-rules.js';
import { servicePercentsOf } from '../core/ratings/settings.js';
import type { HallState, Ticket } from '../core/types.js';

const minute = 60_000;
const wholeMinutes = (ms: number) => Math.floor(ms / minute);

/**
 * The hall's yellow and red lights now, worked out from memory: visitors waiting past the wait thresholds, services
 * running past a multiple of their default handling time, and follow-up cases past a deadline. Red first.
 */
export function liveWarnings(state: HallState, now: number): LiveWarning[] {
  const s = state.settings;
  const percents = servicePercentsOf(s);
  const out: LiveWarning[] = [];
  for (const t of state.active.values()) {
    if (t.status === 'waiting') {
      const waited = now - t.issuedAt;
      const red = waited >= s.redWaitMinutes * minute;
      if (!red && waited < s.yellowWaitMinutes * minute) continue;
      const threshold = red ? s.redWaitMinutes : s.yellowWaitMinutes;
      out.push(ticketWarning(state, t, 'wait', red, t.issuedAt + threshold * minute, waited, threshold,
        { zh: `${t.number} 已等候 ${wholeMinutes(waited)} 分钟`, en: `${t.number} has waited ${wholeMinutes(waited)} min` }));
    } else if (t.status === 'serving' && t.startedAt !== null) {
      const normal = (state.services.get(t.serviceId)?.defaultHandlingMinutes ?? 5) * minute;
      const taken = now - t.startedAt;
      const red = taken >= (normal * percents.red) / 100;
      if (!red && taken < (normal * percents.yellow) / 100) continue;
      const thresholdMs = (normal * (red ? percents.red : percents.yellow)) / 100;
      const window = t.windowId !== null ? state.windows.get(t.windowId) : undefined;
      out.push(ticketWarning(state, t, 'service', red, t.startedAt + thresholdMs, taken, thresholdMs / minute,
        { zh: `${window?.name.zh ?? ''} ${t.number} 已办理 ${wholeMinutes(taken)} 分钟`, en: `${window?.name.en ?? ''} ${t.number} in service for ${wholeMinutes(taken)} min`.trim() }));
    }
  }
  for (const c of state.feedback.followUps.values()) {
    const overdue = overdueOf(c, now);
    if (!overdue.contact && !overdue.rectify) continue;
    const since = overdue.rectify ? c.rectifyDueAt : c.contactDueAt;
    out.push({
      key: `followUp:${c.id}`, kind: 'followUp', level: overdue.rectify ? 'red' : 'yellow', since, minutes: wholeMinutes(now - since),
      thresholdMinutes: null, ticketId: c.ticketId, number: c.number, serviceId: c.serviceId, windowId: c.windowId,
      areaId: state.services.get(c.serviceId)?.areaId ?? null, followUpId: c.id,
      message: overdue.rectify
        ? { zh: `差评 ${c.number} 整改已超期`, en: `Bad rating ${c.number}: rectification overdue` }
        : { zh: `差评 ${c.number} 回访已超时`, en: `Bad rating ${c.number}: call-back overdue` },
    });
  }
  return out.sort((a, b) => (a.level === b.level ? a.since - b.since : a.level === 'red' ? -1 : 1));
}

function ticketWarning(state: HallState, t: Ticket, kind: 'wait' | 'service', red: boolean, since: number, elapsed: number, threshold: number, message: LiveWarning['message']): LiveWarning {
  return {
    key: `${kind}:${t.id}`, kind, level: red ? 'red' : 'yellow', since, minutes: wholeMinutes(elapsed), thresholdMinutes: threshold,
    ticketId: t.id, number: t.number, serviceId: t.serviceId, windowId: t.windowId, areaId: state.services.get(t.serviceId)?.areaId ?? null,
    followUpId: null, message,
  };
}

/**
 * The next moment a light comes on or turns red with nobody doing anything: a wait or a service crossing its next
 * threshold, or a follow-up reaching a deadline. Null when nothing is on its way to a threshold.
 */
export function nextWarningChange(state: HallState, now: number): number | null {
  const s = state.settings;
  const percents = servicePercentsOf(s);
  let next = Infinity;
  const consider = (at: number) => {
    if (at > now && at < next) next = at;
  };
  for (const t of state.active.values()) {
    if (t.status === 'waiting') {
      consider(t.issuedAt + s.yellowWaitMinutes * minute);
      consider(t.issuedAt + s.redWaitMinutes * minute);
    } else if (t.status === 'serving' && t.startedAt !== null) {
      const normal = (state.services.get(t.serviceId)?.defaultHandlingMinutes ?? 5) * minute;
      consider(t.startedAt + (normal * percents.yellow) / 100);
      consider(t.startedAt + (normal * percents.red) / 100);
    }
  }
  for (const c of state.feedback.followUps.values()) {
    if (c.status === 'closed') continue;
    if (c.contactedAt === null) consider(c.contactDueAt);
    if (c.resolvedAt === null) consider(c.rectifyDueAt);
  }
  return next === Infinity ? null : next;
}
