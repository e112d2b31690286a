import type { FeedbackEvent } from '../core/ratings/events.js';
import type { FollowUpCase, Rating } from '../core/ratings/types.js';
import type { Db } from './database.js';

/** Writes rating events into ratings, follow_ups and case_numbers, inside the command's transaction. */
export function createFeedbackProjector(db: Db): (event: FeedbackEvent, at: number) => void {
  const putRating = db.prepare(`
    INSERT INTO ratings (id, visit_id, ticket_id, hall_day, service_id, window_id, staff_id, level, channel, case_number, rated_at, voided, json)
    VALUES (@id, @visitId, @ticketId, @hallDay, @serviceId, @windowId, @staffId, @level, @channel, @caseNumber, @ratedAt, @voided, @json)
    ON CONFLICT (id) DO UPDATE SET case_number = excluded.case_number, voided = excluded.voided, json = excluded.json`);
  const caseNumberOfRating = db.prepare(`UPDATE ratings SET case_number = ?, json = json_set(json, '$.caseNumber', ?) WHERE ticket_id = ?`);
  const voidRating = db.prepare(`UPDATE ratings SET voided = 1, json = json_set(json, '$.voided', json('true')) WHERE id = ?`);
  const putFollowUp = db.prepare(`
    INSERT INTO follow_ups (id, rating_id, ticket_id, hall_day, service_id, window_id, staff_id, assignee_id, status, opened_at,
      contact_due_at, rectify_due_at, contacted_at, resolved_at, closed_at, json)
    VALUES (@id, @ratingId, @ticketId, @hallDay, @serviceId, @windowId, @staffId, @assigneeId, @status, @openedAt,
      @contactDueAt, @rectifyDueAt, @contactedAt, @resolvedAt, @closedAt, @json)
    ON CONFLICT (id) DO UPDATE SET status = excluded.status, assignee_id = excluded.assignee_id, contacted_at = excluded.contacted_at,
      rectify_due_at = excluded.rectify_due_at, resolved_at = excluded.resolved_at, closed_at = excluded.closed_at, json = excluded.json`);
  const putCaseNumber = db.prepare(`
    INSERT INTO case_numbers (ticket_id, visit_id, case_number, posted_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (ticket_id) DO UPDATE SET case_number = excluded.case_number, posted_at = excluded.posted_at`);

  const rating = (r: Rating) => putRating.run({ ...r, voided: r.voided ? 1 : 0, json: JSON.stringify(r) });
  const followUp = (c: FollowUpCase) => putFollowUp.run({ ...c, json: JSON.stringify(c) });

  return (event, at) => {
    switch (event.type) {
      case 'rating.recorded':
        rating(event.rating);
        if (event.followUp) followUp(event.followUp);
        return;
      case 'case.numbered':
        putCaseNumber.run(event.ticketId, event.visitId, event.caseNumber, at);
        // By ticket, not from memory: the rated visit may have left memory with its day.
        caseNumberOfRating.run(event.caseNumber, event.caseNumber, event.ticketId);
        return;
      case 'followUp.updated':
        followUp(event.followUp);
        if (event.voidedRatingId !== null) voidRating.run(event.voidedRatingId);
        return;
    }
  };
}
