// What a rating needs before it can be sent, for the screens that ask for one (the window's rating screen and the
// phone page). No schema library here: the rating screen is a small page of its own and stays light. The server
// decides again (server/core/commands/ratings.ts); these rules only let a screen ask before it sends.

/** Levels 2 and 1 (不满意, 非常不满意) are a bad rating and need a reason. */
export const isBadRatingLevel = (level: number): boolean => level <= 2;

/** The one reason that means nothing without a few words from the visitor. */
export const reasonNeedsComment = (reason: string): boolean => reason === 'other';

/** The longest note the hall keeps with a rating (RateVisitBody's comment). */
export const ratingCommentMax = 500;

/** What is still missing: a reason for a bad rating, or the words the "other" reason asks for; null when complete. */
export function ratingGap(level: number, reasons: readonly string[], comment: string): 'reason' | 'comment' | null {
  if (isBadRatingLevel(level) && reasons.length === 0) return 'reason';
  if (reasons.some(reasonNeedsComment) && !comment.trim()) return 'comment';
  return null;
}
