import { z } from 'zod';
import { DayDate, Id } from './config-entities.js';
import { Text } from './i18n.js';

/** How a statistics report is broken down: by hour of the day, hall day, month, or by service, window, staff, area. */
export const StatsDimension = z.enum(['hour', 'day', 'month', 'service', 'window', 'staff', 'area']);
export type StatsDimension = z.infer<typeof StatsDimension>;

export const StatsQuery = z.object({
  from: DayDate,
  to: DayDate,
  by: StatsDimension.default('day'),
}).strict();
export type StatsQuery = z.infer<typeof StatsQuery>;

export const ExportFormat = z.enum(['csv', 'xlsx']);
export type ExportFormat = z.infer<typeof ExportFormat>;

const PauseMinutes = z.object({ lunch: z.number(), break: z.number(), meeting: z.number(), other: z.number() });
const FollowUpCounts = z.object({
  open: z.number().int(), contacted: z.number().int(), rectified: z.number().int(), explained: z.number().int(),
  appealed: z.number().int(), closed: z.number().int(), overdue: z.number().int(),
});

/**
 * One row of figures. Counts are of ticket legs (a transfer adds a leg to the visit); wait is call minus issue of the
 * leg, handling is finish minus start; p90 is the nearest-rank 90th percentile. Window time (open, busy, idle,
 * pauses, utilisation) is null where it cannot belong to the row (by service); so are missed appointments by window
 * or staff. Seconds and minutes carry one decimal, rates four.
 */
export const StatsRow = z.object({
  key: z.string(),
  label: Text,
  tickets: z.number().int(),
  served: z.number().int(),
  noShow: z.number().int(),
  transferred: z.number().int(),
  cancelled: z.number().int(),
  waitMeanSec: z.number().nullable(),
  waitP90Sec: z.number().nullable(),
  handlingMeanSec: z.number().nullable(),
  handlingP90Sec: z.number().nullable(),
  openMinutes: z.number().nullable(),
  busyMinutes: z.number().nullable(),
  idleMinutes: z.number().nullable(),
  utilisation: z.number().nullable(),
  pauseMinutes: PauseMinutes.nullable(),
  ratings: z.number().int(),
  goodRatings: z.number().int(),
  badRatings: z.number().int(),
  goodRate: z.number().nullable(),
  followUps: FollowUpCounts,
  appointmentsKept: z.number().int(),
  appointmentsMissed: z.number().int().nullable(),
  lunchBreakServed: z.number().int(),
  extendedHoursServed: z.number().int(),
});
export type StatsRow = z.infer<typeof StatsRow>;

export const StatsReport = z.object({
  from: DayDate,
  to: DayDate,
  by: StatsDimension,
  generatedAt: z.number(),
  rows: z.array(StatsRow),
  total: StatsRow,
});
export type StatsReport = z.infer<typeof StatsReport>;

/** The monthly window efficiency report: one row per window, ranked by visitors served per open hour. */
export const WindowReportRow = StatsRow.extend({
  /** Null on the last row: the tickets no window called, so the rows add up to the month's total. */
  windowId: Id.nullable(),
  windowNumber: z.number().int().nullable(),
  servedPerOpenHour: z.number().nullable(),
  rank: z.number().int().nullable(),
});
export type WindowReportRow = z.infer<typeof WindowReportRow>;

export const WindowReport = z.object({ month: z.string(), generatedAt: z.number(), rows: z.array(WindowReportRow), total: StatsRow });
export type WindowReport = z.infer<typeof WindowReport>;

/** Yellow and red lights: a wait or a service running over its threshold, or a follow-up case past its deadline. */
export const LiveWarning = z.object({
  key: z.string(),
  kind: z.enum(['wait', 'service', 'followUp']),
  level: z.enum(['yellow', 'red']),
  since: z.number(),
  minutes: z.number(),
  thresholdMinutes: z.number().nullable(),
  ticketId: Id.nullable(),
  number: z.string().nullable(),
  serviceId: Id.nullable(),
  windowId: Id.nullable(),
  areaId: Id.nullable(),
  followUpId: Id.nullable(),
  message: Text,
});
export type LiveWarning = z.infer<typeof LiveWarning>;
