import type { PauseReason } from '../../../protocol/queue-entities.js';
import type { HallState } from '../types.js';
import { casePace, type CasePace } from './case-pace.js';
import { PauseLengths, type WindowChange } from './pause-lengths.js';

/** The day's pace as the forward run uses it: time around each case, and how long a pause of each reason lasts. */
export interface Pace extends CasePace {
  pauseMs(reason: PauseReason): number | null;
}

/** The pace from the state alone: case times from today's tickets, pause lengths at their usual guesses. */
export function paceOf(state: HallState, pauses: PauseLengths = new PauseLengths()): Pace {
  return { ...casePace(state), pauseMs: (reason) => pauses.expectedMs(reason) };
}

/** Walk-up and turnaround move slowly over a day, and measuring them sorts the day's calls: every few minutes is enough. */
const casePaceMaxAgeMs = 5 * 60_000;

/**
 * The pace a long-lived forecaster keeps: pause lengths learned by watching the windows (see PauseLengths) and
 * case times remeasured every few minutes, so a forecast at every ticket issue stays cheap.
 */
export class PaceLearner {
  private readonly pauses = new PauseLengths();
  private cases: CasePace | null = null;
  private casesAt = -Infinity;

  /** Called after every change to the state: it is how pauses are seen ending. */
  watch(state: HallState, now: number): void {
    this.pauses.watch(state, now);
  }

  /** Today's pauses from the hall's record of window changes (see PauseLengths.recall). */
  recall(timeZone: string, changes: WindowChange[]): void {
    this.pauses.recall(timeZone, changes);
  }

  pace(state: HallState, now: number): Pace {
    this.watch(state, now);
    if (!this.cases || now - this.casesAt >= casePaceMaxAgeMs || now < this.casesAt) {
      this.cases = casePace(state);
      this.casesAt = now;
    }
    return { ...this.cases, pauseMs: (reason) => this.pauses.expectedMs(reason) };
  }
}
