import type { FollowUpAction, RatingLevel } from '../../../protocol/ratings.js';
import { domainError, notFound } from '../errors.js';
import { followUpRefusal, followUpTransitions, mayAct, nextStatus, noteRequired, reopenedForRectification, selfDecidesAppeal, staffIdOf } from '../ratings/follow-up-rules.js';
import { fixAwaitsRating, isBadRatingLevel } from '../../../protocol/rating-rules.js';
import type { FollowUpCase } from '../ratings/types.js';
import { accept, type Handler } from './decision.js';

export interface FollowUpArgs { followUpId: number; action: FollowUpAction; note?: string }

/** One step of a bad rating's follow-up, with who took it, when, and what they noted. */
export const recordFollowUp: Handler<FollowUpArgs, FollowUpCase> = (state, args, ctx) => {
  const found = state.feedback.followUps.get(args.followUpId);
  if (!found) return notFound('followUp', args.followUpId);
  const rule = followUpTransitions[args.action];
  if (!rule.from.includes(found.status)) return followUpRefusal(found.status, args.action);
  if (!mayAct(rule.who, ctx.actor, found)) return domainError('FORBIDDEN');
  if (selfDecidesAppeal(args.action, ctx.actor, found)) return domainError('APPEAL_SELF_DECIDE');
  const note = args.note?.trim() || null;
  if (rule.noteRequired && !note) return noteRequired(args.action);

  const staffId = staffIdOf(ctx.actor);
  const to = nextStatus(args.action, found);
  const step = { action: args.action, from: found.status, to, staffId, at: ctx.now, note };
  const updated: FollowUpCase = { ...found, status: to, history: [...found.history, step] };
  switch (args.action) {
    case 'contact':
      updated.contactedAt = ctx.now;
      break;
    case 'rectify':
    case 'explain':
      updated.resolvedAt = ctx.now;
      updated.outcome = args.action === 'rectify' ? 'rectified' : 'explained';
      break;
    case 'close':
      updated.closedAt = ctx.now;
      break;
    case 'appeal':
      updated.appeal = { staffId, at: ctx.now, reason: note!, resumeStatus: found.status, outcome: null };
      break;
    case 'uphold':
      updated.appeal = { ...found.appeal!, outcome: 'upheld' };
      updated.outcome = 'appealUpheld';
      updated.closedAt = ctx.now;
      break;
    case 'withdraw':
      updated.appeal = { ...found.appeal!, outcome: 'withdrawn' };
      break;
  }
  // A mistaken rating, once the appeal is upheld, counts in no statistics.
  const voidedRatingId = args.action === 'uphold' ? found.ratingId : null;
  return accept([{ type: 'followUp.updated', followUp: updated, voidedRatingId }], updated);
};

export interface FixRatingArgs { followUpId: number; level: RatingLevel; channel: 'phone' | 'call' }

/**
 * The visitor rates the fix once it is rectified or explained: on the phone page, or told on the call-back. A bad
 * rating of the fix sends the case back to rectification.
 */
export const rateFix: Handler<FixRatingArgs, FollowUpCase> = (state, args, ctx) => {
  const found = state.feedback.followUps.get(args.followUpId);
  if (!found) return notFound('followUp', args.followUpId);
  if (args.channel === 'call' && ctx.actor.kind !== 'staff') return domainError('FORBIDDEN');
  if (found.resolvedAt === null || found.outcome === 'appealUpheld') return followUpRefusal(found.status, 'rateFix');
  if (!fixAwaitsRating(found)) return domainError('FIX_ALREADY_RATED');
  const rated: FollowUpCase = { ...found, fixRating: { level: args.level, at: ctx.now, channel: args.channel } };
  const after = isBadRatingLevel(args.level) ? reopenedForRectification(state, rated, ctx.now) : rated;
  const step = { action: 'fixRated' as const, from: found.status, to: after.status, staffId: staffIdOf(ctx.actor), at: ctx.now, note: null };
  const updated: FollowUpCase = { ...after, history: [...found.history, step] };
  return accept([{ type: 'followUp.updated', followUp: updated, voidedRatingId: null }], updated);
};
