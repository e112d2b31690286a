import type { PauseReason } from '../../../protocol/queue-entities.js';
import { hallDay } from '../hall-time.js';
import type { HallState } from '../types.js';

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
    const today = hallDay(now, state.settings.timeZone);
    if (today !== this.day) {
      this.day = today;
      this.underWay.clear();
      this.ended.clear();
    }
    for (const r of state.runtime.values()) {
      const seen = this.underWay.get(r.windowId);
      if (r.status === 'paused') {
        if (!seen || seen.since !== r.statusSince) this.underWay.set(r.windowId, { reason: r.pauseReason ?? 'other', since: r.statusSince });
        continue;
      }
      if (!seen) continue;
      this.underWay.delete(r.windowId);
      const lasted = r.statusSince - seen.since;
      if (r.status !== 'open' || lasted <= 0 || lasted > longestPauseMs) continue;
      const sum = this.ended.get(seen.reason) ?? { count: 0, totalMs: 0 };
      this.ended.set(seen.reason, { count: sum.count + 1, totalMs: sum.totalMs + lasted });
    }
  }

  /** The expected length of a pause for this reason, or null when it has no usual length. */
  expectedMs(reason: PauseReason): number | null {
    const prior = priorMs[reason];
    if (prior === undefined) return null;
    const sum = this.ended.get(reason) ?? { count: 0, totalMs: 0 };
    return (sum.totalMs + prior * priorWeight) / (sum.count + priorWeight);
  }
}
