import type { FollowUpView, RatingView } from '../../../protocol/ratings.js';

/** A rating as the hall keeps it: tied to the visit's last leg, its window, staff, service and 办件编号. */
export type Rating = RatingView;

/** Overdue flags are worked out against the clock when asked (see follow-up-rules.ts), never stored. */
export type FollowUpCase = Omit<FollowUpView, 'overdue' | 'nextSteps'>;

/**
 * What the domain needs to decide about ratings: the ratings of visits still in memory (one per visit), the case
 * numbers posted for those visits' legs, and the follow-up cases that are open or recently closed.
 */
export interface FeedbackState {
  /** By visit id. */
  ratings: Map<number, Rating>;
  /** By ticket (leg) id. */
  caseNumbers: Map<number, string>;
  followUps: Map<number, FollowUpCase>;
  lastId: { rating: number; followUp: number };
}

export function emptyFeedback(): FeedbackState {
  return { ratings: new Map(), caseNumbers: new Map(), followUps: new Map(), lastId: { rating: 0, followUp: 0 } };
}

