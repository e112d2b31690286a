import type { LiveWarning } from '../../protocol/stats.js';
import { overdueOf, pendingDeadlines } from '../core/ratings/follow-up-rules.js';
import { servicePercentsOf } from '../core/ratings/settings.js';
import type { HallState, Ticket } from '../core/types.js';

const minute = 60_000;
const wholeMinutes = (ms: number) => Math.floor(ms / minute);

/**
 * The hall's yellow and red lights now, worked out from memory: visitors waiting past the wait thresholds, services
 * running past a multiple of their default handling time, and follow-up cases past a deadline. Red first.
 */
export function liveWarnings(state: HallState, now: number): LiveWarning[] {
  const out: LiveWarning[] = [];
  const thresholds = ticketThresholds(state);
  for (const t of state.active.values()) {
    const light = thresholds(t);
    if (!light || now < light.yellowAt) continue;
    const red = now >= light.redAt;
    const since = red ? light.redAt : light.yellowAt;
    const elapsed = now - light.from;
    const message = light.kind === 'wait'
      ? { zh: `${t.number} 已等候 ${wholeMinutes(elapsed)} 分钟`, en: `${t.number} has waited ${wholeMinutes(elapsed)} min` }
      : serviceMessage(state, t, elapsed);
    out.push(ticketWarning(state, t, light.kind, red, since, elapsed, (since - light.from) / minute, message));
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
  let next = Infinity;
  const consider = (at: number | null) => {
    if (at !== null && at > now && at < next) next = at;
  };
  const thresholds = ticketThresholds(state);
  for (const t of state.active.values()) {
    const light = thresholds(t);
    if (!light) continue;
    consider(light.yellowAt);
    consider(light.redAt);
  }
  for (const c of state.feedback.followUps.values()) {
    const due = pendingDeadlines(c);
    consider(due.contact);
    consider(due.rectify);
  }
  return next === Infinity ? null : next;
}

interface TicketThresholds { kind: 'wait' | 'service'; from: number; yellowAt: number; redAt: number }

/**
 * When a ticket's light turns yellow and red: a wait from the ticket's issue by the hall's wait thresholds, a
 * service from its start by a share of the service's default handling time. Null for a ticket with no clock running.
 */
function ticketThresholds(state: HallState): (t: Ticket) => TicketThresholds | null {
  const s = state.settings;
  const percents = servicePercentsOf(s);
  return (t) => {
    if (t.status === 'waiting') {
      return { kind: 'wait', from: t.issuedAt, yellowAt: t.issuedAt + s.yellowWaitMinutes * minute, redAt: t.issuedAt + s.redWaitMinutes * minute };
    }
    if (t.status !== 'serving' || t.startedAt === null) return null;
    const normal = (state.services.get(t.serviceId)?.defaultHandlingMinutes ?? 5) * minute;
    return { kind: 'service', from: t.startedAt, yellowAt: t.startedAt + (normal * percents.yellow) / 100, redAt: t.startedAt + (normal * percents.red) / 100 };
  };
}

function serviceMessage(state: HallState, t: Ticket, taken: number): LiveWarning['message'] {
  const window = t.windowId !== null ? state.windows.get(t.windowId) : undefined;
  return { zh: `${window?.name.zh ?? ''} ${t.number} 已办理 ${wholeMinutes(taken)} 分钟`, en: `${window?.name.en ?? ''} ${t.number} in service for ${wholeMinutes(taken)} min`.trim() };
}
