import type { FollowUpStatus, FollowUpView, RatingView } from '../../protocol/ratings.js';
import { overdueOf, stepsFor } from '../core/ratings/follow-up-rules.js';
import type { FollowUpCase } from '../core/ratings/types.js';
import type { Actor } from '../core/types.js';
import type { Db } from './database.js';

export interface RatingFilter { from: string; to: string; badOnly?: boolean; windowId?: number; staffId?: number; limit: number }

/** Ratings of a period, newest first, from SQLite (memory holds only the current day's). */
export function listRatings(db: Db, f: RatingFilter): RatingView[] {
  const rows = db.prepare(`
    SELECT json FROM ratings WHERE hall_day BETWEEN @from AND @to
      AND (@badOnly = 0 OR level <= 2) AND (@windowId IS NULL OR window_id = @windowId) AND (@staffId IS NULL OR staff_id = @staffId)
    ORDER BY id DESC LIMIT @limit`).pluck()
    .all({ from: f.from, to: f.to, badOnly: f.badOnly ? 1 : 0, windowId: f.windowId ?? null, staffId: f.staffId ?? null, limit: f.limit }) as string[];
  return rows.map((json) => JSON.parse(json) as RatingView);
}

export interface FollowUpFilter { status?: FollowUpStatus; overdue?: boolean; assigneeId?: number; staffId?: number; limit: number }

/** A case as `actor` sees it: its deadlines against now, and the steps they may take next. */
export function followUpView(c: FollowUpCase, now: number, actor: Actor): FollowUpView {
  return { ...c, overdue: overdueOf(c, now), nextSteps: stepsFor(c, actor) };
}

/** Follow-up cases, newest first; overdue is the same rule as the domain's, evaluated in SQL on the stored deadlines. */
export function listFollowUps(db: Db, f: FollowUpFilter, now: number, actor: Actor): FollowUpView[] {
  const rows = db.prepare(`
    SELECT json FROM follow_ups
    WHERE (@status IS NULL OR status = @status) AND (@assigneeId IS NULL OR assignee_id = @assigneeId)
      AND (@staffId IS NULL OR staff_id = @staffId)
      AND (@overdue = 0 OR (status <> 'closed' AND ((contacted_at IS NULL AND @now >= contact_due_at) OR (resolved_at IS NULL AND @now >= rectify_due_at))))
    ORDER BY id DESC LIMIT @limit`).pluck()
    .all({ status: f.status ?? null, assigneeId: f.assigneeId ?? null, staffId: f.staffId ?? null, overdue: f.overdue ? 1 : 0, now, limit: f.limit }) as string[];
  return rows.map((json) => followUpView(JSON.parse(json) as FollowUpCase, now, actor));
}

export function followUpById(db: Db, id: number): FollowUpCase | null {
  const json = db.prepare('SELECT json FROM follow_ups WHERE id = ?').pluck().get(id) as string | undefined;
  return json ? (JSON.parse(json) as FollowUpCase) : null;
}
