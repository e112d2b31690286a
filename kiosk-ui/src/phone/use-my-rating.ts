import { useCallback, useEffect, useState } from 'preact/hooks';
import { apiCall } from '../../../protocol/api-client.js';
import type { FollowUpView, RatingView } from '../../../protocol/ratings.js';

/** What GET /api/visits/<token>/rating says: the visit's rating, and the follow-up a bad one opened. */
export interface MyRating {
  rating: RatingView | null;
  canRate: boolean;
  followUp: (Pick<FollowUpView, 'id' | 'status' | 'fixRating'> & { canRateFix: boolean }) | null;
}

export const myRatingPath = (token: string) => `/api/visits/${encodeURIComponent(token)}/rating`;

/**
 * The visit's rating and its follow-up, fetched when the page opens and again whenever the visitor comes back to
 * the tab: a follow-up moves on over days (called back, put right) and nothing pushes that to a phone.
 * `failed` is set when the first look found nothing to show (an unknown link, or no answer).
 */
export function useMyRating(token: string): { mine: MyRating | null; failed: boolean; reload: () => Promise<void>; update: (m: MyRating) => void } {
  const [mine, setMine] = useState<MyRating | null>(null);
  const [failed, setFailed] = useState(false);
  const reload = useCallback(async () => {
    const res = await apiCall<MyRating>('GET', myRatingPath(token));
    if (res.ok) setMine(res.data);
    else setFailed(true);
  }, [token]);
  useEffect(() => {
    void reload();
    const back = () => { if (document.visibilityState === 'visible') void reload(); };
    document.addEventListener('visibilitychange', back);
    return () => document.removeEventListener('visibilitychange', back);
  }, [reload]);
  return { mine, failed, reload, update: setMine };
}
