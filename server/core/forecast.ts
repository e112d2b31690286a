import type { WeekHours } from '../../protocol/config-entities.js';
import type { Forecast } from '../../protocol/queue-entities.js';
import type { HallState } from './types.js';
import { expectedArrivals } from './forecast/arrivals.js';
import { runForward, type ForecastPlan, type Quote } from './forecast/forward-run.js';
import { sessionsToday, type Session } from './forecast/hall-sessions.js';
import { forecastWindows } from './forecast/open-windows.js';
import { paceOf, type Pace } from './forecast/pace.js';

/** Whatever holds forecasts: read by ticket id. */
export type Forecasts = Pick<Map<number, Forecast>, 'get'>;

/**
 * Position and estimated wait of every waiting ticket: the dispatch rule run forward over the windows that will
 * call (open ones, and those expected back from lunch or a break), the tickets waiting and the visitors expected
 * at the rate the day has shown, with handling, walk-up and turnaround times learned from the day.
 * Everything comes from the state and `now`: the pace defaults to what the state alone shows; a long-lived
 * forecaster passes the one its PaceLearner keeps (which has also seen pauses end). Given `quotes`, it also
 * collects what a ticket issued now would be told, per service and kind (see Quote).
 */
export function forecastQueue(state: HallState, now: number, pace: Pace = paceOf(state), quotes?: Quote[]): Map<number, Forecast> {
  return runForward(state, now, forecastPlan(state, now, pace), quotes);
}

export function forecastPlan(state: HallState, now: number, pace: Pace): ForecastPlan {
  const sessions = new Map<WeekHours, Session[]>();
  const sessionsOf = (hours: WeekHours) => {
    let list = sessions.get(hours);
    if (!list) sessions.set(hours, (list = sessionsToday(hours, now, state.settings.timeZone)));
    return list;
  };
  return {
    windows: forecastWindows(state, now, pace, sessionsOf(state.settings.hours)),
    arrivals: expectedArrivals(state, now, sessionsOf),
    caseOverheadMs: pace.walkUpMs + pace.turnaroundMs,
  };
}
