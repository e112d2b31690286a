import type { PauseReason } from '../../../protocol/queue-entities.js';
import { hallDay } from '../hall-time.js';
import type { HallState, WindowRuntime } from '../types.js';

/** A window's status as one of the hall's recorded changes left it (a `window.statusChanged` event). */
export interface WindowChange { at: number; runtime: WindowRuntime }

/**
 * Lunch and breaks have a usual length, guessed at these until the day shows its own (each guess worth a few
 * pauses). A meeting or an "other" pause has no usual length, so a window paused for one is not expected back.
 */
const priorMs: Partial<Record<PauseReason, number>> = { lunch: 60 * 60_000, break: 15 * 60_000 };
const priorWeight = 3;
/** A pause longer than this is a window left paused, not a lunch or a break. */
const longestPauseMs = 4 * 3_600_000;

/**
 * How long today's lunches and breaks lasted. The state keeps each window's current status and since when, not its
 * history, so pauses are learned by watching: a window seen paused and later seen open ended its pause when its
 * open status began. Watched after every change, every pause is seen; a pause that began and ended between two
 * looks is missed (a new pause or a close in between is noticed, and that pause dropped).
 */
export class PauseLengths {
  private day: string | null = null;
  private readonly underWay = new Map<number, { reason: PauseReason; since: number }>();
  private readonly ended = new Map<PauseReason, { count: number; totalMs: number }>();

  watch(state: HallState, now: number): void {
    this.onDay(hallDay(now, state.settings.timeZone));
    for (const r of state.runtime.values()) this.look(r);
  }

  /**
   * The day's pauses so far from the hall's record of window changes, oldest first, as if they had been watched:
   * a restarted hall (or forecast thread) expects lunches and breaks as long as the ones it saw before.
   */
  recall(timeZone: string, changes: WindowChange[]): void {
    for (const { at, runtime } of changes) {
      this.onDay(hallDay(at, timeZone));
      this.look(runtime);
    }
  }

  /** A new day starts with the guesses again. */
  private onDay(today: string): void {
    if (today === this.day) return;
    this.day = today;
    this.underWay.clear();
    this.ended.clear();
  }

  private look(r: WindowRuntime): void {
    const seen = this.underWay.get(r.windowId);
    if (r.status === 'paused') {
      if (!seen || seen.since !== r.statusSince) this.underWay.set(r.windowId, { reason: r.pauseReason ?? 'other', since: r.statusSince });
      return;
    }
    if (!seen) return;
    this.underWay.delete(r.windowId);
    const lasted = r.statusSince - seen.since;
    if (r.status !== 'open' || lasted <= 0 || lasted > longestPauseMs) return;
    const sum = this.ended.get(seen.reason) ?? { count: 0, totalMs: 0 };
    this.ended.set(seen.reason, { count: sum.count + 1, totalMs: sum.totalMs + lasted });
  }

  /** The expected length of a pause for this reason, or null when it has no usual length. */
  expectedMs(reason: PauseReason): number | null {
    const prior = priorMs[reason];
    if (prior === undefined) return null;
    const sum = this.ended.get(reason) ?? { count: 0, totalMs: 0 };
    return (sum.totalMs + prior * priorWeight) / (sum.count + priorWeight);
  }
}
