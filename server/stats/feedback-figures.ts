import type { Db } from '../store/database.js';
import { appointmentKey, recordJoins, recordKey, unhandledKey, type Grouping } from './dimensions.js';
import { daysCte } from './period.js';

export interface RatingCounts { ratings: number; good: number; bad: number }
export interface FollowUpCounts { open: number; contacted: number; rectified: number; explained: number; appealed: number; closed: number; overdue: number }
export interface AppointmentCounts { kept: number; missed: number }

type Params = { days: string; from: string; to: string };

/** 好评 is 非常满意, 满意 and 基本满意 (3 to 5), 差评 is 不满意 and 非常不满意; voided ratings count nowhere. */
export function ratingCounts(db: Db, by: Grouping, params: Params): Map<string, RatingCounts> {
  const rows = db.prepare(`
    WITH ${daysCte}
    SELECT ${recordKey(by, 'r')} AS k, COUNT(*) AS ratings, SUM(r.level >= 3) AS good, SUM(r.level <= 2) AS bad
    FROM ratings r ${recordJoins(by, 'r')}
    WHERE r.hall_day BETWEEN @from AND @to AND r.voided = 0
    GROUP BY k`).all(params) as ({ k: string | null } & RatingCounts)[];
  return new Map(rows.filter((r) => r.k !== null).map(({ k, ...c }) => [k!, c]));
}

/** Cases by status now, and how many are overdue now (the same rule as the domain's overdueOf). */
export function followUpCounts(db: Db, by: Grouping, params: Params & { now: number }): Map<string, FollowUpCounts> {
  const rows = db.prepare(`
    WITH ${daysCte}
    SELECT ${recordKey(by, 'f')} AS k,
      SUM(f.status = 'open') AS open, SUM(f.status = 'contacted') AS contacted, SUM(f.status = 'rectified') AS rectified,
      SUM(f.status = 'explained') AS explained, SUM(f.status = 'appealed') AS appealed, SUM(f.status = 'closed') AS closed,
      SUM(f.status <> 'closed' AND ((f.contacted_at IS NULL AND @now >= f.contact_due_at) OR (f.resolved_at IS NULL AND @now >= f.rectify_due_at))) AS overdue
    FROM follow_ups f ${recordJoins(by, 'f')}
    WHERE f.hall_day BETWEEN @from AND @to
    GROUP BY k`).all(params) as ({ k: string | null } & FollowUpCounts)[];
  return new Map(rows.filter((r) => r.k !== null).map(({ k, ...c }) => [k!, c]));
}

/** Kept is checked in, missed is the day over without a check-in; cancelled bookings are neither. */
export function appointmentCounts(db: Db, by: Grouping, params: Params): Map<string, AppointmentCounts> {
  const rows = db.prepare(`
    SELECT ${appointmentKey(by)} AS k, SUM(a.status = 'checked_in') AS kept, SUM(a.status = 'missed') AS missed
    FROM appointments a JOIN services s ON s.id = a.service_id LEFT JOIN tickets t ON t.id = json_extract(a.json, '$.ticketId')
    WHERE a.date BETWEEN @from AND @to
    GROUP BY k`).all({ from: params.from, to: params.to }) as ({ k: string | null } & AppointmentCounts)[];
  // By window or staff, a kept appointment whose ticket no window called belongs to nobody's row, like its ticket;
  // a missed one has no ticket and no row.
  return new Map(rows.filter((r) => r.k !== null || r.kept > 0).map(({ k, ...c }) => (k === null ? [unhandledKey, { ...c, missed: 0 }] : [k, c])));
}
