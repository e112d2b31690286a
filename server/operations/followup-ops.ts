import { z } from 'zod';
import { FixRatingBody, FollowUpActionBody, FollowUpStatus } from '../../protocol/ratings.js';
import { domainError, notFound } from '../core/errors.js';
import { followUpById, followUpView, listFollowUps } from '../store/feedback-queries.js';
import { actorOf, type Caller } from './caller.js';
import { defineOperation } from './operation.js';

const IdParams = z.object({ id: z.coerce.number().int().positive() }).strict();
const isSupervisor = (caller: Caller) => caller.roles.includes('supervisor');

export const listFollowUpsOp = defineOperation({
  operationId: 'listFollowUps', method: 'GET', url: '/api/follow-ups', tag: 'follow-ups',
  summary: 'Bad ratings\' follow-up cases, newest first; window staff see the cases about their own service. 差评跟进台账',
  roles: ['staff'],
  query: z.object({
    status: FollowUpStatus.optional(), overdue: z.enum(['true', 'false']).optional(), mine: z.enum(['true', 'false']).optional(),
    limit: z.coerce.number().int().min(1).max(5000).default(500),
  }).strict(),
  handle(ctx, { query }, caller) {
    const own = !isSupervisor(caller);
    return listFollowUps(ctx.stats.db, {
      status: query.status, overdue: query.overdue === 'true', limit: query.limit ?? 500,
      assigneeId: !own && query.mine === 'true' ? caller.staffId : undefined,
      staffId: own ? caller.staffId : undefined,
    }, ctx.runner.clock(), actorOf(caller));
  },
});

export const getFollowUpOp = defineOperation({
  operationId: 'getFollowUp', method: 'GET', url: '/api/follow-ups/:id', tag: 'follow-ups',
  summary: 'One follow-up case with its history and deadlines. 差评跟进详情',
  roles: ['staff'], params: IdParams,
  handle(ctx, { params }, caller) {
    const found = ctx.runner.state.feedback.followUps.get(params.id) ?? followUpById(ctx.stats.db, params.id);
    if (!found) return notFound('followUp', params.id);
    if (!isSupervisor(caller) && found.staffId !== caller.staffId) return domainError('FORBIDDEN');
    return followUpView(found, ctx.runner.clock(), actorOf(caller));
  },
});

export const recordFollowUpOp = defineOperation({
  operationId: 'recordFollowUp', method: 'POST', url: '/api/follow-ups/:id/actions', tag: 'follow-ups',
  summary: 'A step of the follow-up: contact, rectify, explain, close; appeal, uphold, withdraw. 差评跟进处理',
  roles: ['staff'], params: IdParams, body: FollowUpActionBody,
  handle(ctx, { params, body }, caller) {
    const decision = ctx.runner.run('recordFollowUp', { followUpId: params.id, action: body.action, note: body.note }, actorOf(caller));
    return decision.ok ? followUpView(decision.result, ctx.runner.clock(), actorOf(caller)) : decision;
  },
});

export const recordFixRatingOp = defineOperation({
  operationId: 'recordFixRating', method: 'POST', url: '/api/follow-ups/:id/fix-rating', tag: 'follow-ups',
  summary: 'The visitor\'s rating of the fix, as told on the call-back. 整改满意度（回访记录）',
  roles: ['supervisor'], params: IdParams, body: FixRatingBody,
  handle(ctx, { params, body }, caller) {
    const decision = ctx.runner.run('rateFix', { followUpId: params.id, level: body.level, channel: 'call' }, actorOf(caller));
    return decision.ok ? followUpView(decision.result, ctx.runner.clock(), actorOf(caller)) : decision;
  },
});

export const followUpOperations = [listFollowUpsOp, getFollowUpOp, recordFollowUpOp, recordFixRatingOp];
