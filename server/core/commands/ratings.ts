import type { RatingChannel, RatingLevel, RatingReason } from '../../../protocol/ratings.js';
import { domainError, invalidTransition, notFound } from '../errors.js';
import { hallDay } from '../hall-time.js';
import { openFollowUp } from '../ratings/follow-up-rules.js';
import { ratingSettingsOf } from '../ratings/settings.js';
import { isBadRatingLevel } from '../../../protocol/rating-rules.js';
import type { FollowUpCase, Rating } from '../ratings/types.js';
import type { HallState, Ticket } from '../types.js';
import { accept, type Handler } from './decision.js';
import { windowFor } from './window-access.js';

/** The pad's answer travels after its screen timed out on the visitor; this much slack covers the network. */
export const padGraceMs = 30_000;

export interface RateVisitArgs {
  ticketId: number;
  level: RatingLevel;
  reasons?: RatingReason[];
  comment?: string;
  channel: RatingChannel;
}

/** The visit's newest leg: a transferred visit is rated once, at the end, for the window that finished it. */
export function lastLegOf(state: HallState, visitId: number): Ticket | null {
  let leg: Ticket | null = null;
  for (const t of state.tickets.values()) if (t.visitId === visitId && (!leg || t.id > leg.id)) leg = t;
  return leg;
}

/**
 * 一次一评: one rating per visit, given after it is finished, on the window's screen while it asks or on the phone
 * page later the same day. Silence records nothing: there is no default rating. A bad rating opens its follow-up.
 */
export const rateVisit: Handler<RateVisitArgs, Rating> = (state, args, ctx) => {
  const ticket = state.tickets.get(args.ticketId);
  if (!ticket) return notFound('ticket', args.ticketId);
  if (ticket.status !== 'done' || lastLegOf(state, ticket.visitId)?.id !== ticket.id) return domainError('NOT_RATEABLE');
  if (state.feedback.ratings.has(ticket.visitId)) return domainError('ALREADY_RATED');
  const settings = ratingSettingsOf(state.settings);
  const window = args.channel === 'window' ? settings.padTimeoutSeconds * 1000 + padGraceMs : settings.phoneRatingHours * 3_600_000;
  const sameDay = ticket.hallDay === hallDay(ctx.now, state.settings.timeZone);
  if (ctx.now - ticket.finishedAt! > window || (args.channel === 'phone' && !sameDay)) return domainError('RATING_CLOSED');
  const reasons = [...new Set(args.reasons ?? [])];
  const comment = args.comment?.trim() || null;
  if (isBadRatingLevel(args.level) && reasons.length === 0) return domainError('RATING_REASON_REQUIRED');
  if (reasons.includes('other') && !comment) return domainError('RATING_COMMENT_REQUIRED');

  const feedback = state.feedback;
  const bad = isBadRatingLevel(args.level);
  const rating: Rating = {
    id: feedback.lastId.rating + 1, visitId: ticket.visitId, ticketId: ticket.id, number: ticket.number, hallDay: ticket.hallDay,
    serviceId: ticket.serviceId, windowId: ticket.windowId, staffId: ticket.staffId, level: args.level, reasons, comment,
    channel: args.channel, caseNumber: feedback.caseNumbers.get(ticket.id) ?? null, ratedAt: ctx.now,
    followUpId: bad ? feedback.lastId.followUp + 1 : null, voided: false,
  };
  const followUp: FollowUpCase | null = bad ? openFollowUp(state, rating, feedback.lastId.followUp + 1, ctx.now) : null;
  return accept([{ type: 'rating.recorded', rating, followUp }], rating);
};

export interface CaseNumberArgs { ticketId: number; caseNumber: string; windowId?: number }

/**
 * The window's business system tells which case (办件编号) a visit was. It may come before or after the rating; the
 * rating carries it either way. A corrected number replaces the old one, and the event log keeps both.
 */
export const postCaseNumber: Handler<CaseNumberArgs, { ticketId: number; caseNumber: string }> = (state, args, ctx) => {
  // A clerk records case numbers at the window they staff, not at a colleague's (the same rule as the pad's buttons).
  const at = args.windowId === undefined ? null : windowFor(state, args.windowId, ctx.actor);
  if (at && 'ok' in at) return at;
  const ticket = state.tickets.get(args.ticketId);
  if (!ticket) return notFound('ticket', args.ticketId);
  if (args.windowId !== undefined && ticket.windowId !== args.windowId) return domainError('NOT_SERVED_HERE');
  if (ticket.status === 'waiting' || ticket.status === 'no_show' || ticket.status === 'cancelled') {
    return invalidTransition(ticket.status, 'caseNumber', { number: ticket.number });
  }
  const result = { ticketId: ticket.id, caseNumber: args.caseNumber };
  if (state.feedback.caseNumbers.get(ticket.id) === args.caseNumber) return accept([], result);
  const rated = state.feedback.ratings.get(ticket.visitId);
  const rating = rated && rated.ticketId === ticket.id ? { ...rated, caseNumber: args.caseNumber } : null;
  return accept([{ type: 'case.numbered', ticketId: ticket.id, visitId: ticket.visitId, caseNumber: args.caseNumber, rating }], result);
};
