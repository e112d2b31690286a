import type { PriorityRule, Window } from '../../protocol/config-entities.js';
import type { HallState, Ticket, WindowRuntime } from './types.js';

/**
 * Which services a window serves and at which tier (1 main, 2 backup). A service taken off offer during the day
 * (deactivated, or its area) issues no more tickets, but the visitors already waiting for it are still called:
 * they took their number in good faith.
 */
export function tiersOf(state: HallState, window: Window): Map<number, 1 | 2> {
  const tiers = new Map<number, 1 | 2>();
  if (window.comprehensive) {
    for (const s of state.services.values()) tiers.set(s.id, 1);
    return tiers;
  }
  for (const { serviceId, tier } of window.services) {
    if (state.services.has(serviceId) && (tiers.get(serviceId) ?? 3) > tier) tiers.set(serviceId, tier);
  }
  return tiers;
}

export interface DispatchContext {
  windowId: number;
  tiers: Map<number, 1 | 2>;
  rule: PriorityRule;
  ratio: WindowRuntime['ratio'];
  redMs: number;
  now: number;
  /**
   * For a real call, the hall day at `now`: between midnight and the day close, yesterday's queue is the close's to
   * end, not anyone's to call. The forecast leaves it out: its expected visitors belong to no day.
   */
  today?: string;
}

export type PickReason = 'transfer' | 'appointment' | 'priority' | 'red' | 'tier';
export interface Pick { ticket: Ticket; reason: PickReason }

export function dispatchContext(state: HallState, window: Window, runtime: WindowRuntime, now: number): DispatchContext {
  return {
    windowId: window.id,
    tiers: tiersOf(state, window),
    rule: window.priorityRule === 'strict' ? { mode: 'strict' } : state.settings.priorityRule,
    ratio: runtime.ratio,
    redMs: state.settings.redWaitMinutes * 60_000,
    now,
  };
}

const older = (a: Ticket, b: Ticket) => a.queueKey < b.queueKey || (a.queueKey === b.queueKey && a.id < b.id);

/**
 * The dispatch rule, in the order halls expect: tickets transferred to this window; checked-in appointments whose
 * slot has begun; priority tickets under the strict or P-per-N rule; tickets waiting past the red threshold (so
 * backup services never starve); then the window's tiers, oldest first.
 */
export function pickNext(ctx: DispatchContext, waiting: Iterable<Ticket>): Pick | null {
  let transfer: Ticket | null = null;
  let appointment: Ticket | null = null;
  let priority: Ticket | null = null;
  let red: Ticket | null = null;
  let tiered: Ticket | null = null;
  let tieredTier = 3;
  for (const t of waiting) {
    if (t.status !== 'waiting' || (ctx.today !== undefined && t.hallDay < ctx.today)) continue;
    if (t.targetWindowId !== null) {
      if (t.targetWindowId === ctx.windowId && (!transfer || t.issuedAt < transfer.issuedAt)) transfer = t;
      continue;
    }
    const tier = ctx.tiers.get(t.serviceId);
    if (tier === undefined) continue;
    if (t.appointmentStartsAt !== null && t.appointmentStartsAt <= ctx.now) {
      if (!appointment || t.appointmentStartsAt < appointment.appointmentStartsAt! || (t.appointmentStartsAt === appointment.appointmentStartsAt && older(t, appointment))) appointment = t;
      continue;
    }
    if (t.priorityClassId !== null) {
      if (!priority || older(t, priority)) priority = t;
      continue;
    }
    if (ctx.now - t.queueKey >= ctx.redMs && (!red || older(t, red))) red = t;
    if (tier < tieredTier || (tier === tieredTier && older(t, tiered!))) { tiered = t; tieredTier = tier; }
  }
  if (transfer) return { ticket: transfer, reason: 'transfer' };
  if (appointment) return { ticket: appointment, reason: 'appointment' };
  const normal = red ?? tiered;
  if (priority && (!normal || priorityTurn(ctx.rule, ctx.ratio))) return { ticket: priority, reason: 'priority' };
  if (red) return { ticket: red, reason: 'red' };
  if (tiered) return { ticket: tiered, reason: 'tier' };
  return null;
}

function priorityTurn(rule: PriorityRule, ratio: WindowRuntime['ratio']): boolean {
  return rule.mode === 'strict' || ratio.priority < rule.priority;
}

/**
 * Count a call against the P-per-N rule: priority calls fill a block of P; N normal calls since then open the next
 * block. So two priority calls never follow each other (for P = 1) while normal visitors wait, however long the
 * run of normal calls before. Transfers and appointments do not count.
 */
export function countCall(rule: PriorityRule, ratio: WindowRuntime['ratio'], reason: PickReason): WindowRuntime['ratio'] {
  if (rule.mode === 'strict' || reason === 'transfer' || reason === 'appointment') return ratio;
  if (reason === 'priority') return { priority: ratio.priority + 1, normal: 0 };
  const normal = ratio.normal + 1;
  return normal >= rule.normal ? { priority: 0, normal: 0 } : { priority: ratio.priority, normal };
}

/**
 * Who can call a waiting ticket now, by the rule pickNext follows: the services the open windows serve, and the
 * open windows themselves.
 */
export interface OpenCallers { services: ReadonlySet<number>; windows: ReadonlySet<number> }

export function openCallers(state: HallState): OpenCallers {
  const services = new Set<number>();
  const windows = new Set<number>();
  for (const r of state.runtime.values()) {
    const window = state.windows.get(r.windowId);
    if (r.status !== 'open' || !window?.active) continue;
    windows.add(window.id);
    for (const serviceId of tiersOf(state, window).keys()) services.add(serviceId);
  }
  return { services, windows };
}

/** A ticket sent to one window waits for that window alone; any other, for a window serving its service. */
export function callableNow(open: OpenCallers, leg: Ticket): boolean {
  return leg.targetWindowId !== null ? open.windows.has(leg.targetWindowId) : open.services.has(leg.serviceId);
}
