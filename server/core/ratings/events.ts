import type { FollowUpCase, Rating } from './types.js';

/** Ratings' events carry whole records, as the queue's do, so storing and applying them looks nothing up. */
export type FeedbackEvent =
  /** A bad rating opens its follow-up case in the same event. */
  | { type: 'rating.recorded'; rating: Rating; followUp: FollowUpCase | null }
  /** The rating is the visit's, updated when the number came after it. */
  | { type: 'case.numbered'; ticketId: number; visitId: number; caseNumber: string; rating: Rating | null }
  /** An upheld appeal voids the rating too (by id: the rating may have left memory with its day). */
  | { type: 'followUp.updated'; followUp: FollowUpCase; voidedRatingId: number | null };
