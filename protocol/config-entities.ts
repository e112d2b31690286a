import { z } from 'zod';

/**
 * A refusal's reason in both languages, as a schema message: 'zh | en'. The server's validation answer splits it
 * (server/operations/validation-message.ts); anything else reading the message still sees both.
 */
export const bilingual = (zh: string, en: string) => `${zh} | ${en}`;

/** 'HH:MM' on the hall's clock. */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, bilingual('应写作 HH:MM，如 09:00', 'must read HH:MM, e.g. 09:00'));
/** A day on the calendar as YYYY-MM-DD: 2026-02-30 has the form and is no day. */
export function isCalendarDay(d: string): boolean {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!parts) return false;
  const [y, m, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(y, m - 1, day));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === day;
}
// Zod runs a refinement even on a string its regex refused: isCalendarDay checks the form again before counting.
export const DayDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine(isCalendarDay, bilingual('不存在（如 2 月 30 日）', 'is not a day on the calendar (like 30 February)'));
export const Id = z.number().int().positive();

/**
 * How long names may be, in characters: what fits a kiosk button, a board tile and a printed ticket. Chinese
 * names are short (社保医保, 不动产转移登记); the English beside them runs about two and a half times longer.
 * The admin screens' inputs use the same limits.
 */
export const nameLimits = {
  area: { zh: 40, en: 100 },
  service: { zh: 40, en: 100 },
  window: { zh: 30, en: 80 },
  priorityClass: { zh: 30, en: 80 },
  hall: { zh: 60, en: 150 },
  notice: { zh: 200, en: 500 },
} as const;

/** A name in both languages: Chinese required (spaces alone are not a name), English optional but expected. */
export function names(max: { zh: number; en: number }) {
  return z.object({ zh: z.string().trim().min(1).max(max.zh), en: z.string().trim().max(max.en) });
}

const Code = z.string().regex(/^[A-Za-z0-9_-]{1,16}$/, bilingual('只能用字母、数字、_ 或 -，最多16位', 'must be 1 to 16 letters, digits, _ or -'));

/** Opening hours: ISO weekdays (1 = Monday) and sessions; the gap between sessions is the lunch break. */
export const WeekHours = z.object({
  days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  sessions: z.array(z.object({ start: TimeOfDay, end: TimeOfDay })).min(1).max(6),
});
export type WeekHours = z.infer<typeof WeekHours>;

export const Area = z.object({ id: Id, code: Code, name: names(nameLimits.area), active: z.boolean() });
export type Area = z.infer<typeof Area>;

export const SlotQuota = z.object({ start: TimeOfDay, end: TimeOfDay, limit: z.number().int().min(0).max(100_000) });

export const Service = z.object({
  id: Id,
  code: Code,
  areaId: Id,
  name: names(nameLimits.service),
  /** Ticket numbers are prefix + 3 digits, e.g. A012. */
  prefix: z.string().regex(/^[A-Z]{1,2}$/, bilingual('须为1-2个大写字母，如 A', 'must be 1 or 2 capital letters, e.g. A')),
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
  name: names(nameLimits.window),
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
  number: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, bilingual('只能用字母、数字、_ 或 -，最多32位', 'must be 1 to 32 letters, digits, _ or -')),
  name: z.string().trim().min(1).max(40),
  role: StaffRole,
  supervisorId: Id.nullable(),
  active: z.boolean(),
});
export type Staff = z.infer<typeof Staff>;

export const PriorityClass = z.object({
  id: Id,
  code: Code,
  name: names(nameLimits.priorityClass),
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

/**
 * 好差评 follow-up deadlines, and the hall's working calendar (holidays and make-up days), kept here where it was first
 * needed: the hall is closed on its holidays and works on its make-up days (server/core/hall-calendar.ts).
 */
export const FollowUpSettings = z.object({
  /** A named person calls the visitor back within this many hours of a bad rating. */
  contactHours: z.number().min(0.25).max(168),
  /** Rectified or explained by the end of this many working days after the rating day (5, 7 or 15 by locality). */
  rectifyWorkingDays: z.number().int().min(1).max(60),
  /** Public holidays: the hall is closed (no tickets, no bookings) and they are not working days. */
  holidays: z.array(DayDate).max(500),
  /** Make-up working days (调休/值班日): the hall works, whatever the weekday. */
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
  name: names(nameLimits.hall),
  timeZone: z.string().min(1).max(64).refine(isTimeZone, bilingual('不是可识别的时区（应如 Asia/Shanghai）', 'is not a known IANA time zone (e.g. Asia/Shanghai)')),
  hours: WeekHours,
  priorityRule: PriorityRule,
  /** 过号顺延: a no-show re-queued goes this many places behind the head of its queue. */
  requeueOffset: z.number().int().min(0).max(100),
  maxRequeues: z.number().int().min(0).max(10),
  yellowWaitMinutes: z.number().int().min(1).max(600),
  redWaitMinutes: z.number().int().min(1).max(600),
  onePerPersonPerService: z.boolean(),
  notice: names(nameLimits.notice),
  /** Live warning when a visitor is served this long, in percent of the service's default handling time. */
  yellowServicePercent: z.number().int().min(100).max(2000).optional(),
  redServicePercent: z.number().int().min(100).max(2000).optional(),
  /** Absent in halls set up before ratings existed: server/core/ratings/settings.ts supplies the defaults. */
  rating: RatingSettings.optional(),
  followUp: FollowUpSettings.optional(),
  /**
   * How many days ahead a visitor may book an appointment, today being day 0; 0 takes no bookings at all. Absent in
   * halls set up before booking had a horizon: server/core/ratings/settings.ts supplies the default.
   */
  appointmentDaysAhead: z.number().int().min(0).max(60).optional(),
});
export type HallSettings = z.infer<typeof HallSettings>;
