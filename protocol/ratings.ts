import { z } from 'zod';
import { DayDate, Id } from './config-entities.js';
import { Text } from './i18n.js';
import { ratingCommentMax } from './rating-rules.js';

export { fixAwaitsRating, isBadRatingLevel, ratingCommentMax, ratingGap, reasonNeedsComment } from './rating-rules.js';

// 好差评: the visitor's rating of a visit, and the follow-up a bad rating opens (国办发〔2019〕51号).

/** 5 非常满意, 4 满意, 3 基本满意, 2 不满意, 1 非常不满意. Levels 2 and 1 are a bad rating. */
export const RatingLevel = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
export type RatingLevel = z.infer<typeof RatingLevel>;

export const RatingReason = z.enum(['attitude', 'efficiency', 'knowledge', 'environment', 'other']);
export type RatingReason = z.infer<typeof RatingReason>;

export const ratingLevelNames: Record<RatingLevel, Text> = {
  5: { zh: '非常满意', en: 'Very satisfied' },
  4: { zh: '满意', en: 'Satisfied' },
  3: { zh: '基本满意', en: 'Fair' },
  2: { zh: '不满意', en: 'Dissatisfied' },
  1: { zh: '非常不满意', en: 'Very dissatisfied' },
};

export const ratingReasonNames: Record<RatingReason, Text> = {
  attitude: { zh: '服务态度', en: 'Attitude' },
  efficiency: { zh: '办事效率', en: 'Efficiency' },
  knowledge: { zh: '业务水平', en: 'Knowledge' },
  environment: { zh: '服务环境', en: 'Environment' },
  other: { zh: '其他', en: 'Other' },
};

/** Where the rating was given: the window's rating screen, or the phone page after service. */
export const RatingChannel = z.enum(['window', 'phone']);
export type RatingChannel = z.infer<typeof RatingChannel>;

const Comment = z.string().trim().max(ratingCommentMax);

/** The window's rating screen: one rating for the visit just finished. Levels 2 and 1 need a reason. */
export const RateVisitBody = z.object({
  ticketId: Id,
  level: RatingLevel,
  reasons: z.array(RatingReason).max(5).optional(),
  comment: Comment.optional(),
}).strict();
export type RateVisitBody = z.infer<typeof RateVisitBody>;

/** The phone page rates its own visit, found by the ticket token. */
export const RateMyVisitBody = RateVisitBody.omit({ ticketId: true }).strict();

/** 办件编号 from the window's business system; without ticketId it goes to the window's current or last visitor. */
export const CaseNumberBody = z.object({
  caseNumber: z.string().trim().regex(/^[A-Za-z0-9_\-./]{1,64}$/, 'letters, digits and - _ . / (at most 64)'),
  ticketId: Id.optional(),
}).strict();

export const FollowUpStatus = z.enum(['open', 'contacted', 'rectified', 'explained', 'appealed', 'closed']);
export type FollowUpStatus = z.infer<typeof FollowUpStatus>;

/**
 * contact: the visitor was called back; rectify / explain: fixed, or explained where the request had no legal
 * basis; close; appeal: the rating is held to be mistaken; uphold / withdraw: the appeal's outcome.
 */
export const FollowUpAction = z.enum(['contact', 'rectify', 'explain', 'close', 'appeal', 'uphold', 'withdraw']);
export type FollowUpAction = z.infer<typeof FollowUpAction>;

export const FollowUpActionBody = z.object({ action: FollowUpAction, note: z.string().trim().max(1000).optional() }).strict();

/** A case's steps as its history and the audit log name them (open: the bad rating; fixRated: the visitor rated the fix). */
export const followUpStepNames: Record<FollowUpAction | 'open' | 'fixRated', Text> = {
  open: { zh: '差评立案', en: 'Case opened' },
  contact: { zh: '回访', en: 'Contacted' },
  rectify: { zh: '整改', en: 'Rectified' },
  explain: { zh: '解释说明', en: 'Explained' },
  close: { zh: '办结', en: 'Closed' },
  appeal: { zh: '申诉', en: 'Appeal' },
  uphold: { zh: '申诉成立', en: 'Appeal upheld' },
  withdraw: { zh: '撤回申诉', en: 'Appeal withdrawn' },
  fixRated: { zh: '整改评价', en: 'Fix rated' },
};

/** The visitor's rating of the fix: on the phone page, or told to the supervisor on the call-back. */
export const FixRatingBody = z.object({ level: RatingLevel }).strict();

export const RatingView = z.object({
  id: Id,
  visitId: Id,
  ticketId: Id,
  number: z.string(),
  hallDay: DayDate,
  serviceId: Id,
  windowId: Id.nullable(),
  staffId: Id.nullable(),
  level: RatingLevel,
  reasons: z.array(RatingReason),
  comment: z.string().nullable(),
  channel: RatingChannel,
  caseNumber: z.string().nullable(),
  ratedAt: z.number(),
  followUpId: Id.nullable(),
  /** An upheld appeal: the rating was mistaken and counts in no statistics. */
  voided: z.boolean(),
});
export type RatingView = z.infer<typeof RatingView>;

export const FollowUpStep = z.object({
  action: z.union([FollowUpAction, z.literal('open'), z.literal('fixRated')]),
  from: FollowUpStatus.nullable(),
  to: FollowUpStatus,
  /** Staff id of who acted; null for the system or the visitor. */
  staffId: Id.nullable(),
  at: z.number(),
  note: z.string().nullable(),
});

export const FollowUpView = z.object({
  id: Id,
  ratingId: Id,
  visitId: Id,
  ticketId: Id,
  number: z.string(),
  hallDay: DayDate,
  serviceId: Id,
  windowId: Id.nullable(),
  /** Who served the visitor. */
  staffId: Id.nullable(),
  /** The handling staff member's supervisor, who owns the case. */
  assigneeId: Id.nullable(),
  level: RatingLevel,
  reasons: z.array(RatingReason),
  comment: z.string().nullable(),
  status: FollowUpStatus,
  outcome: z.enum(['rectified', 'explained', 'appealUpheld']).nullable(),
  openedAt: z.number(),
  contactDueAt: z.number(),
  rectifyDueAt: z.number(),
  contactedAt: z.number().nullable(),
  resolvedAt: z.number().nullable(),
  closedAt: z.number().nullable(),
  /** The case's appeal, if one was lodged; resumeStatus is where a withdrawn appeal returns the case to. */
  appeal: z.object({
    staffId: Id.nullable(), at: z.number(), reason: z.string(), resumeStatus: FollowUpStatus,
    outcome: z.enum(['upheld', 'withdrawn']).nullable(),
  }).nullable(),
  fixRating: z.object({ level: RatingLevel, at: z.number(), channel: z.enum(['phone', 'call']) }).nullable(),
  history: z.array(FollowUpStep),
  overdue: z.object({ contact: z.boolean(), rectify: z.boolean() }),
  /** The steps the hall accepts next from this state (by role, the server still decides), and whether each needs a note. */
  nextSteps: z.array(z.object({ action: FollowUpAction, noteRequired: z.boolean() })),
});
export type FollowUpView = z.infer<typeof FollowUpView>;
