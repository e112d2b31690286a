import { apiCall, type ApiResult } from '../../../protocol/api-client.js';
import type { RatingLevel, RatingReason } from '../../../protocol/ratings.js';

/** How long the hall asks for a rating, and how long after the finish it still takes one; both in ms. */
export interface AskTimes { askMs: number; closesMs: number }

/** The hall's ask times; without an answer, the fallback's ask and no time beyond it (never promise what may close). */
export async function loadAskTimes(fallbackAskMs: number): Promise<AskTimes> {
  const res = await apiCall<{ padTimeoutSeconds: number; padClosesAfterSeconds: number }>('GET', '/api/ratings/options');
  if (!res.ok) return { askMs: fallbackAskMs, closesMs: fallbackAskMs };
  return { askMs: res.data.padTimeoutSeconds * 1000, closesMs: res.data.padClosesAfterSeconds * 1000 };
}

export interface RatingDraft { level: RatingLevel; reasons: RatingReason[]; comment: string }

export function sendRating(token: string | null, ticketId: number, draft: RatingDraft): Promise<ApiResult<unknown>> {
  const comment = draft.comment.trim();
  const body = { ticketId, level: draft.level, ...(draft.reasons.length ? { reasons: draft.reasons } : {}), ...(comment ? { comment } : {}) };
  return apiCall('POST', '/api/ratings', { token, body });
}

/** Refusals after which sending again cannot help: the visit is closed for rating here, or already rated. */
const final = new Set(['RATING_CLOSED', 'ALREADY_RATED', 'NOT_RATEABLE', 'NOT_FOUND', 'FORBIDDEN', 'UNAUTHENTICATED']);
export const isFinalRefusal = (code: string): boolean => final.has(code);
