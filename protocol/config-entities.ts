import { z } from 'zod';
import { Text } from './i18n.js';

/** 'HH:MM' on the hall's clock. */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
export const DayDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const Id = z.number().int().positive();

/** Opening hours: ISO weekdays (1 = Monday) and sessions; the gap between sessions is the lunch break. */
export const WeekHours = z.object({
  days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  sessions: z.array(z.object({ start: TimeOfDay, end: TimeOfDay })).min(1).max(6),
});
export type WeekHours = z.infer<typeof WeekHours>;

export const Area = z.object({ id: Id, code: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/), name: Text, active: z.boolean() });
export type Area = z.infer<typeof Area>;

export const SlotQuota = z.object({ start: TimeOfDay, end: TimeOfDay, limit: z.number().int().min(0).max(100_000) });

export const Service = z.object({
  id: Id,
  code: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/),
  areaId: Id,
  name: Text,
  /** Ticket numbers are prefix + 3 digits, e.g. A012. */
  prefix: z.string().regex(/^[A-Z]{1,2}$/),
  /** null: the hall's hours. */
  hours: WeekHours.nullable(),
  dailyQuota: z.number().int().min(0).max(100_000).nullable(),
  slotQuotas: z.array(SlotQuota).max(48),
  defaultHandlingMinutes: z.number().min(0.5).max(480),
  idRequired: z.boolean(),
  onlineAllowed: z.boolean(),
  appointmentSlotMinutes: z.number().int().min(5).max(240),
  appointmentsPerSlot: z.number().int().min(0).max(1000),
  active: z.boolean(),
});
export type Service = z.infer<typeof Service>;

export const ServiceTier = z.object({ serviceId: Id, tier: z.union([z.literal(1), z.literal(2)]) });

export const Window = z.object({
  id: Id,
  number: z.number().int().min(1).max(9999),
  name: Text,
  areaId: Id,
  /** A comprehensive window (综合窗口) serves every active service at tier 1. */
  comprehensive: z.boolean(),
  services: z.array(ServiceTier).max(200),
  /** 'strict': a green-channel window that always serves priority tickets first. */
  priorityRule: z.enum(['hall', 'strict']),
  ledAddress: z.number().int().min(0).max(65535).nullable(),
  active: z.boolean(),
});
export type Window = z.infer<typeof Window>;

export const StaffRole = z.enum(['staff', 'supervisor', 'admin']);
export type StaffRole = z.infer<typeof StaffRole>;

export const Staff = z.object({
  id: Id,
  number: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/),
  name: z.string().min(1).max(40),
  role: StaffRole,
  supervisorId: Id.nullable(),
  active: z.boolean(),
});
export type Staff = z.infer<typeof Staff>;

export const PriorityClass = z.object({
  id: Id,
  code: z.string().regex(/^[A-Za-z0-9_-]{1,16}$/),
  name: Text,
  /** 'age': given automatically from the ID card's birth date; 'declared': chosen at the kiosk or by staff. */
  kind: z.enum(['age', 'declared']),
  minAge: z.number().int().min(1).max(120).nullable(),
  active: z.boolean(),
});
export type PriorityClass = z.infer<typeof PriorityClass>;

export const PriorityRule = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('strict') }),
  /** At most `priority` priority calls per `normal` normal calls at a window, when both are waiting. */
  z.object({ mode: z.literal('ratio'), priority: z.number().int().min(1).max(20), normal: z.number().int().min(1).max(20) }),
]);
export type PriorityRule = z.infer<typeof PriorityRule>;

/** 好差评 follow-up deadlines and the working-day calendar they are counted on. */
export const FollowUpSettings = z.object({
  /** A named person calls the visitor back within this many hours of a bad rating. */
  contactHours: z.number().min(0.25).max(168),
  /** Rectified or explained by the end of this many working days after the rating day (5, 7 or 15 by locality). */
  rectifyWorkingDays: z.number().int().min(1).max(60),
  /** Public holidays: never working days. */
  holidays: z.array(DayDate).max(500),
  /** Make-up working days (调休): weekend dates that are working days. */
  workdays: z.array(DayDate).max(500),
});
export type FollowUpSettings = z.infer<typeof FollowUpSettings>;

export const RatingSettings = z.object({
  /** How long the window's rating screen offers the levels; no answer in time records no rating. */
  padTimeoutSeconds: z.number().int().min(5).max(600),
  /** How long after the finish the phone page may still rate (the visit must be of the current hall day). */
  phoneRatingHours: z.number().min(0.5).max(24),
});
export type RatingSettings = z.infer<typeof RatingSettings>;

/** A zone the runtime knows: the hall's day and hours are computed in it, so an unknown one must never be saved. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const HallSettings = z.object({
  name: Text,
  timeZone: z.string().min(1).max(64).refine(isTimeZone, 'not a known IANA time zone'),
  hours: WeekHours,
  priorityRule: PriorityRule,
  /** 过号顺延: a no-show re-queued goes this many places behind the head of its queue. */
  requeueOffset: z.number().int().min(0).max(100),
  maxRequeues: z.number().int().min(0).max(10),
  yellowWaitMinutes: z.number().int().min(1).max(600),
  redWaitMinutes: z.number().int().min(1).max(600),
  onePerPersonPerService: z.boolean(),
  notice: Text,
  /** Live warning when a visitor is served this long, in percent of the service's default handling time. */
  yellowServicePercent: z.number().int().min(100).max(2000).optional(),
  redServicePercent: z.number().int().min(100).max(2000).optional(),
  /** Absent in halls set up before ratings existed: server/core/ratings/settings.ts supplies the defaults. */
  rating: RatingSettings.optional(),
  followUp: FollowUpSettings.optional(),
});
export type HallSettings = z.infer<typeof HallSettings>;
