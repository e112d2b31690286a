import { z } from 'zod';
import { CaseNumberBody, fixAwaitsRating, FixRatingBody, RateMyVisitBody, RateVisitBody, ratingLevelNames, ratingReasonNames, RatingReason, type RatingLevel } from '../../protocol/ratings.js';
import { DayDate, Id } from '../../protocol/config-entities.js';
import { commands } from '../core/commands/index.js';
import { padGraceMs } from '../core/commands/ratings.js';
import { domainError, notFound } from '../core/errors.js';
import { ratingSettingsOf } from '../core/ratings/settings.js';
import { listRatings } from '../store/feedback-queries.js';
import { currentLeg, lastTicketOf } from '../views.js';
import { mayOperateWindow, WindowParams } from './access-rules.js';
import { actorOf, type Caller } from './caller.js';
import { defineOperation, type OperationContext } from './operation.js';

const TokenParams = z.object({ ticketToken: z.string().min(16).max(100) }).strict();

/** A rating screen rates its own window's visitors; a staff screen only the visitors its staff member served. */
function mayRate(ctx: OperationContext, caller: Caller, ticketId: number) {
  const ticket = ctx.runner.state.tickets.get(ticketId);
  if (!ticket) return null;
  if (caller.kind === 'device' && ticket.windowId !== caller.windowId) return domainError('FORBIDDEN');
  if (caller.kind === 'staff' && ticket.staffId !== caller.staffId) return domainError('FORBIDDEN');
  return null;
}

export const rateVisitOp = defineOperation({
  operationId: 'rateVisit', method: 'POST', url: '/api/ratings', tag: 'ratings', successStatus: 201,
  summary: 'The window\'s rating screen rates the visit just finished; levels 2 and 1 need a reason. 现场评价',
  roles: ['pad', 'staff'], body: RateVisitBody,
  handle(ctx, { body }, caller) {
    const denied = mayRate(ctx, caller, body.ticketId);
    if (denied) return denied;
    const decision = ctx.runner.run('rateVisit', { ...body, channel: 'window' }, actorOf(caller));
    return decision.ok ? decision.result : decision;
  },
});

function visitLeg(ctx: OperationContext, token: string) {
  const visitId = ctx.access.visitByToken(token);
  return visitId !== null ? currentLeg(ctx.runner.state, visitId) : null;
}

export const rateMyVisitOp = defineOperation({
  operationId: 'rateMyVisit', method: 'POST', url: '/api/visits/:ticketToken/rating', tag: 'ratings', successStatus: 201,
  summary: 'The phone page rates its own visit after service, the same day. 手机评价',
  roles: ['public'], params: TokenParams, body: RateMyVisitBody, rateLimited: true,
  handle(ctx, { params, body }, caller) {
    const leg = visitLeg(ctx, params.ticketToken);
    if (!leg) return notFound('ticket');
    const decision = ctx.runner.run('rateVisit', { ...body, ticketId: leg.id, channel: 'phone' }, actorOf(caller));
    return decision.ok ? decision.result : decision;
  },
});

export const getMyRatingOp = defineOperation({
  operationId: 'getMyRating', method: 'GET', url: '/api/visits/:ticketToken/rating', tag: 'ratings',
  summary: 'Whether the phone page may rate its visit now, its rating, and its follow-up\'s progress. 我的评价',
  roles: ['public'], params: TokenParams, rateLimited: true,
  handle(ctx, { params }) {
    const visitId = ctx.access.visitByToken(params.ticketToken);
    if (visitId === null) return notFound('ticket');
    const state = ctx.runner.state;
    const leg = currentLeg(state, visitId);
    const probe = leg ? commands.rateVisit(state, { ticketId: leg.id, level: 5, channel: 'phone' }, { now: ctx.runner.clock(), actor: { kind: 'public' } }) : null;
    const followUp = [...state.feedback.followUps.values()].find((c) => c.visitId === visitId) ?? null;
    return {
      rating: state.feedback.ratings.get(visitId) ?? null,
      canRate: probe?.ok === true,
      followUp: followUp && {
        id: followUp.id, status: followUp.status, fixRating: followUp.fixRating,
        canRateFix: fixAwaitsRating(followUp),
      },
    };
  },
});

export const rateMyFixOp = defineOperation({
  operationId: 'rateMyFollowUpFix', method: 'POST', url: '/api/visits/:ticketToken/follow-up/rating', tag: 'ratings', successStatus: 201,
  summary: 'The visitor rates how their bad rating was rectified or explained. 整改满意度',
  roles: ['public'], params: TokenParams, body: FixRatingBody, rateLimited: true,
  handle(ctx, { params, body }, caller) {
    const visitId = ctx.access.visitByToken(params.ticketToken);
    const found = visitId === null ? undefined : [...ctx.runner.state.feedback.followUps.values()].find((c) => c.visitId === visitId);
    if (!found) return notFound('followUp');
    const decision = ctx.runner.run('rateFix', { followUpId: found.id, level: body.level, channel: 'phone' }, actorOf(caller));
    return decision.ok ? { id: decision.result.id, status: decision.result.status, fixRating: decision.result.fixRating } : decision;
  },
});

export const postCaseNumberOp = defineOperation({
  operationId: 'postCaseNumber', method: 'POST', url: '/api/windows/:windowId/case-number', tag: 'ratings',
  summary: 'The window\'s business system gives the case number (办件编号) of the current or last visitor, or of a named ticket. 办件编号',
  roles: ['staff', 'pad', 'bridge'], params: WindowParams, body: CaseNumberBody,
  handle(ctx, { params, body }, caller) {
    const denied = mayOperateWindow(caller, params.windowId);
    if (denied) return denied;
    const state = ctx.runner.state;
    const runtime = state.runtime.get(params.windowId);
    if (!runtime) return notFound('window', params.windowId);
    const ticketId = body.ticketId ?? runtime.currentTicketId ?? lastTicketOf(state, params.windowId)?.id;
    if (ticketId === undefined) return domainError('WINDOW_IDLE');
    const decision = ctx.runner.run('postCaseNumber', { ticketId, caseNumber: body.caseNumber, windowId: params.windowId }, actorOf(caller));
    return decision.ok ? decision.result : decision;
  },
});

export const ratingOptionsOp = defineOperation({
  operationId: 'getRatingOptions', method: 'GET', url: '/api/ratings/options', tag: 'ratings',
  summary: 'What a rating screen offers: the five levels, the reasons a bad rating asks for, and how long to ask. 评价选项',
  roles: ['public'],
  handle(ctx) {
    const settings = ratingSettingsOf(ctx.runner.state.settings);
    return {
      padTimeoutSeconds: settings.padTimeoutSeconds,
      // How long after the finish the hall still takes a window rating: a screen must give up before this.
      padClosesAfterSeconds: settings.padTimeoutSeconds + padGraceMs / 1000,
      phoneRatingHours: settings.phoneRatingHours,
      levels: ([5, 4, 3, 2, 1] as RatingLevel[]).map((level) => ({ level, name: ratingLevelNames[level], needsReason: level <= 2 })),
      reasons: RatingReason.options.map((code) => ({ code, name: ratingReasonNames[code], needsComment: code === 'other' })),
    };
  },
});

export const listRatingsOp = defineOperation({
  operationId: 'listRatings', method: 'GET', url: '/api/ratings', tag: 'ratings',
  summary: 'Ratings of a period, newest first. 评价明细',
  roles: ['supervisor', 'admin'],
  query: z.object({
    from: DayDate, to: DayDate, bad: z.enum(['true', 'false']).optional(), windowId: z.coerce.number().pipe(Id).optional(),
    staffId: z.coerce.number().pipe(Id).optional(), limit: z.coerce.number().int().min(1).max(5000).default(500),
  }).strict(),
  handle(ctx, { query }) {
    return listRatings(ctx.stats.db, { from: query.from, to: query.to, badOnly: query.bad === 'true', windowId: query.windowId, staffId: query.staffId, limit: query.limit ?? 500 });
  },
});

export const ratingOperations = [rateVisitOp, rateMyVisitOp, getMyRatingOp, rateMyFixOp, postCaseNumberOp, ratingOptionsOp, listRatingsOp];
