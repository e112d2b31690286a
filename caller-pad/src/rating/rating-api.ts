import { apiCall, type ApiResult } from '../../../protocol/api-client.js';
import type { RatingLevel, RatingReason } from '../../../protocol/ratings.js';

/** How long the hall asks for a rating (padTimeoutSeconds in the hall's rating settings), in ms. */
export async function loadAskMs(fallbackMs: number): Promise<number> {
  const res = await apiCall<{ padTimeoutSeconds: number }>('GET', '/api/ratings/options');
  return res.ok ? res.data.padTimeoutSeconds * 1000 : fallbackMs;
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
