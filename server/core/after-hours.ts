import type { WeekHours } from '../../protocol/config-entities.js';
import { tiersOf } from './dispatch.js';
import type { DomainEvent } from './events.js';
import { hallCalendar } from './hall-calendar.js';
import { hallDay } from './hall-time.js';
import { expectedHandlingMs } from './handling.js';
import { hoursOf, lastSessionEnd } from './hours.js';
import type { HallState, Ticket, WindowRuntime } from './types.js';

/**
 * How long a window may sit untouched after its hours before the hall closes it. Halls serve everyone who took a
 * ticket before closing (延时服务), and a window working through that overtime is pressed at least once a visitor:
 * an hour is longer than a usual case (5 to 30 minutes) and a wait for a slow visitor together, yet a deserted
 * window stops showing as open on the board about an hour after closing. A visitor of a long service being served
 * holds the window for twice its expected handling time when that is longer: a long case is work, not idleness.
 */
export const afterHoursGraceMs = 60 * 60_000;

/** A window closed by the hall at the end of its day, with the visitor it found at the counter, ended. */
export interface WindowClosure { runtime: WindowRuntime; ticket: Ticket | null; endedAt: number }

function currentOf(state: HallState, runtime: WindowRuntime): Ticket | null {
  const t = runtime.currentTicketId !== null ? state.tickets.get(runtime.currentTicketId) : undefined;
  return t && (t.status === 'called' || t.status === 'serving') ? t : null;
}

/** When the window was last worked: a status change or anything done at its counter. */
export function lastActionOf(state: HallState, runtime: WindowRuntime): number {
  if (runtime.lastActionAt !== undefined) return Math.max(runtime.statusSince, runtime.lastActionAt);
  // Stored before windows kept their last action: what the visitor at the counter shows is the best left.
  const current = currentOf(state, runtime);
  return Math.max(runtime.statusSince, current?.calledAt ?? 0, current?.startedAt ?? 0);
}

/**
 * The end of the last session on a hall day of the services the window serves (the hall's hours when it serves
 * none), or null when none of them works that day. A window serving a service open late (延时服务) works to its end.
 */
function hoursEndOn(state: HallState, windowId: number, date: string): number | null {
  const window = state.windows.get(windowId);
  const kept = new Set<WeekHours>();
  if (window) for (const serviceId of tiersOf(state, window).keys()) kept.add(hoursOf(state, state.services.get(serviceId)!));
  if (kept.size === 0) kept.add(state.settings.hours);
  const calendar = hallCalendar(state.settings);
  let end: number | null = null;
  for (const hours of kept) {
    const e = lastSessionEnd(hours, calendar, date, state.settings.timeZone);
    if (e !== null && (end === null || e > end)) end = e;
  }
  return end;
}

/**
 * When the window's day ended, as the record keeps it: the later of its last action and the end of that day's last
 * session, so a clerk who forgot to close counts no time after the hall closed, and overtime counts to its last
 * action; on a day none of its services works, its last action.
 */
export function windowDayEnd(state: HallState, runtime: WindowRuntime): { lastAction: number; endedAt: number } {
  const lastAction = lastActionOf(state, runtime);
  const hoursEnd = hoursEndOn(state, runtime.windowId, hallDay(lastAction, state.settings.timeZone));
  return { lastAction, endedAt: Math.max(lastAction, hoursEnd ?? lastAction) };
}

/** Whether the hall closes the window now: open or paused, and left untouched for the grace since its day ended. */
export function idleAfterHours(state: HallState, runtime: WindowRuntime, now: number): boolean {
  if (runtime.status === 'closed') return false;
  // Cheap first: a window worked within the last grace is busy whatever its hours (the whole day, most windows).
  if (now - lastActionOf(state, runtime) < afterHoursGraceMs) return false;
  const current = currentOf(state, runtime);
  const grace = current?.status === 'serving' ? Math.max(afterHoursGraceMs, 2 * expectedHandlingMs(state, current.serviceId)) : afterHoursGraceMs;
  return now >= windowDayEnd(state, runtime).endedAt + grace;
}

/**
 * The window closed at the end of its day, recorded at that end (never later than now), not when the hall noticed.
 * A visitor being served is finished after the service's expected handling time: when the clerk really finished
 * is unknown, and the expected time neither shortens the service's figures (a case begun after hours would count
 * 0 s) nor lengthens them (one begun at 16:28 would count to the 17:00 close); the window stays open until then.
 * A visitor called and never started is ended as the day close ends a no-show (cancelled after a call), at the
 * window's last action: waiting for someone who never came to the counter does not make a window busy for the rest
 * of the afternoon.
 */
export function closeWindowDay(state: HallState, runtime: WindowRuntime, now: number): WindowClosure {
  const { lastAction, endedAt: dayEnd } = windowDayEnd(state, runtime);
  let endedAt = Math.min(now, dayEnd);
  const current = currentOf(state, runtime);
  let ticket: Ticket | null = null;
  if (current?.status === 'serving') {
    const finishedAt = Math.min(now, current.startedAt! + expectedHandlingMs(state, current.serviceId));
    ticket = { ...current, status: 'done', finishedAt };
    endedAt = Math.max(endedAt, finishedAt);
  }
  if (current?.status === 'called') ticket = { ...current, status: 'cancelled', finishedAt: Math.min(now, lastAction) };
  const closed: WindowRuntime = { ...runtime, status: 'closed', pauseReason: null, staffId: null, currentTicketId: null, statusSince: endedAt };
  return { runtime: closed, ticket, endedAt };
}

/** The closure as every screen, sign and record hears of a window closing, marked as the hall's after its hours. */
export function closedByHall(closure: WindowClosure): DomainEvent {
  return { type: 'window.statusChanged', runtime: closure.runtime, afterHours: { endedAt: closure.endedAt, ticket: closure.ticket } };
}
