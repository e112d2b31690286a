import type { HallState, Ticket } from '../types.js';

/** Guesses for the start of the day, each worth a few observations, so the first cases do not swing the forecast. */
const prior = { walkUpMs: 60_000, turnaroundMs: 15_000, weight: 3 };
/** Longer than this from the call to the start is a visitor found late (recalled), not a walk to the counter. */
const longestWalkUpMs = 10 * 60_000;
/** A longer gap between a finish and the window's next call is a window with nobody to call, not staff getting ready. */
const longestTurnaroundMs = 2 * 60_000;

/**
 * The time each case takes beyond its handling, as today's tickets show it: the walk-up (called to started, the
 * visitor crossing the hall) and the turnaround (a window's finish to its next call, staff closing the case). A
 * window calls its next visitor walk-up + handling + turnaround after the last call; both are tens of seconds a
 * case, which over a dozen cases ahead is minutes of wait.
 */
export interface CasePace { walkUpMs: number; turnaroundMs: number }

export function casePace(state: HallState): CasePace {
  let walkUpSum = prior.walkUpMs * prior.weight;
  let walkUps = prior.weight;
  const calledAt = new Map<number, Ticket[]>();
  for (const t of state.tickets.values()) {
    if (t.calledAt === null || t.windowId === null) continue;
    if (t.startedAt !== null) {
      const walk = t.startedAt - t.calledAt;
      if (walk >= 0 && walk < longestWalkUpMs) {
        walkUpSum += walk;
        walkUps++;
      }
    }
    let list = calledAt.get(t.windowId);
    if (!list) calledAt.set(t.windowId, (list = []));
    list.push(t);
  }
  let turnSum = prior.turnaroundMs * prior.weight;
  let turns = prior.weight;
  for (const list of calledAt.values()) {
    list.sort((a, b) => a.calledAt! - b.calledAt!);
    for (let i = 1; i < list.length; i++) {
      const finished = list[i - 1].finishedAt;
      if (finished === null) continue;
      const gap = list[i].calledAt! - finished;
      if (gap >= 0 && gap < longestTurnaroundMs) {
        turnSum += gap;
        turns++;
      }
    }
  }
  return { walkUpMs: walkUpSum / walkUps, turnaroundMs: turnSum / turns };
}
