// Rating rules the screens share with the server (the window's rating screen, the phone page, the admin ledger): a
// screen asks before it sends, and the server decides with the same functions (server/core/commands/ratings.ts,
// follow-ups.ts). No schema library here: the rating screen is a small page of its own and stays light.

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

/**
 * The visitor rates each fix once. A bad rating of a fix sends the case back to rectification (its resolution is
 * cleared), so a case resolved again after one awaits the rating of the new fix; one voided by an upheld appeal has
 * nothing to rate.
 */
export function fixAwaitsRating(c: { resolvedAt: number | null; outcome: string | null; fixRating: { level: number } | null }): boolean {
  return c.resolvedAt !== null && c.outcome !== 'appealUpheld' && (c.fixRating === null || isBadRatingLevel(c.fixRating.level));
}
