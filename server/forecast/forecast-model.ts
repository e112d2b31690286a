import type { Forecast } from '../../protocol/queue-entities.js';
import { forecastQueue } from '../core/forecast.js';
import type { Quote } from '../core/forecast/forward-run.js';
import { PaceLearner } from '../core/forecast/pace.js';
import type { WindowChange } from '../core/forecast/pause-lengths.js';
import type { HallState } from '../core/types.js';

/**
 * What the forecast thread runs on its copy of the hall: the forward run with the pace it learns by watching the
 * windows. The simulated day runs the same in-process.
 */
export class ForecastModel {
  private readonly pace = new PaceLearner();

  constructor(readonly state: HallState) {}

  /** Today's window changes so far, read back from the hall's record when the model starts after the hall did. */
  recall(changes: WindowChange[]): void {
    this.pace.recall(this.state.settings.timeZone, changes);
  }

  /** After every change: watching the windows is the only way to see a pause end. */
  watch(now: number): void {
    this.pace.watch(this.state, now);
  }

  compute(now: number): { forecasts: Map<number, Forecast>; quotes: Quote[]; caseOverheadMs: number } {
    const quotes: Quote[] = [];
    const pace = this.pace.pace(this.state, now);
    const forecasts = forecastQueue(this.state, now, pace, quotes);
    return { forecasts, quotes, caseOverheadMs: pace.walkUpMs + pace.turnaroundMs };
  }
}
