import { dispatchContext } from '../dispatch.js';
import { expectedHandlingMs } from '../handling.js';
import type { HallState, WindowRuntime } from '../types.js';
import { nextOpeningAfter, type Session } from './hall-sessions.js';
import type { Pace } from './pace.js';
import type { ForecastWindow } from './window-heap.js';

/**
 * The windows that will call in the forward run, each with when it next calls: an open window once its current
 * case is expected to end, a window at lunch or on a break when it is expected back. Closed windows and other
 * pauses have no known return and are left out.
 */
export function forecastWindows(state: HallState, now: number, pace: Pace, hallSessions: Session[]): ForecastWindow[] {
  const out: ForecastWindow[] = [];
  for (const window of state.windows.values()) {
    const runtime = state.runtime.get(window.id);
    if (!window.active || !runtime) continue;
    let availableAt: number | null = null;
    if (runtime.status === 'open') availableAt = nextCallAt(state, runtime, now, pace);
    else if (runtime.status === 'paused') availableAt = backFromPauseAt(runtime, pace, hallSessions);
    if (availableAt === null) continue;
    out.push({ ctx: dispatchContext(state, window, runtime, now), availableAt: Math.max(now, availableAt), number: window.number });
  }
  return out;
}

function nextCallAt(state: HallState, runtime: WindowRuntime, now: number, pace: Pace): number {
  const current = runtime.currentTicketId !== null ? state.tickets.get(runtime.currentTicketId) : undefined;
  if (current?.status === 'serving') return current.startedAt! + expectedHandlingMs(state, current.serviceId) + pace.turnaroundMs;
  if (current?.status === 'called') return current.calledAt! + pace.walkUpMs + expectedHandlingMs(state, current.serviceId) + pace.turnaroundMs;
  return now;
}

/** Lunch ends when the hall's next session opens if its hours have a midday gap; else lunches and breaks last as long as today's did. */
function backFromPauseAt(runtime: WindowRuntime, pace: Pace, hallSessions: Session[]): number | null {
  const reason = runtime.pauseReason ?? 'other';
  if (reason === 'lunch') {
    const opening = nextOpeningAfter(hallSessions, runtime.statusSince);
    if (opening !== null) return opening;
  }
  const lasts = pace.pauseMs(reason);
  return lasts === null ? null : runtime.statusSince + lasts;
}
