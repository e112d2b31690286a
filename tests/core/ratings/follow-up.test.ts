import { describe, expect, it } from 'vitest';
import { overdueOf } from '../../../server/core/ratings/follow-up-rules.js';
import type { Actor } from '../../../server/core/types.js';
import { at, minutes, refuse, run, staffActor } from '../hall-fixture.js';
import { hallWithFinishedVisit, pad, supervisorOf } from './rating-fixture.js';

const followUp = { contactHours: 2, rectifyWorkingDays: 5, holidays: ['2026-11-25', '2026-11-26'], workdays: ['2026-11-28'] };

/** A bad rating given at 09:07 on Monday 2026-11-23. */
function badRating() {
  const { hall, ticket, finishedAt } = hallWithFinishedVisit({ followUp });
  const rating = run(hall.state, 'rateVisit', { ticketId: ticket.id, level: 2, reasons: ['efficiency'], channel: 'window' }, finishedAt + minutes(1), pad);
  const caseId = rating.followUpId!;
  const act = (action: Parameters<typeof run<'recordFollowUp'>>[2]['action'], when: string, actor: Actor = supervisorOf(hall), note = `${action} note`) =>
    run(hall.state, 'recordFollowUp', { followUpId: caseId, action, note }, at(when), actor);
  return { hall, ticket, rating, caseId, act, supervisor: supervisorOf(hall) };
}

describe('a bad rating\'s follow-up', () => {
  it('opens by itself, assigned to the handling staff member\'s supervisor, with both deadlines', () => {
    const { hall, rating, caseId } = badRating();
    const c = hall.state.feedback.followUps.get(caseId)!;
    expect(c).toMatchObject({ ratingId: rating.id, status: 'open', staffId: hall.staff.wang, assigneeId: hall.staff.admin, level: 2, reasons: ['efficiency'] });
    expect(c.contactDueAt).toBe(at('2026-11-23 11:07'));
    // Tue 24, (Wed 25 and Thu 26 holidays), Fri 27, Sat 28 (make-up), Mon 30, Tue 12-01: due by the end of Tuesday.
    expect(c.rectifyDueAt).toBe(at('2026-12-02 00:00'));
    expect(c.history).toEqual([{ action: 'open', from: null, to: 'open', staffId: null, at: at('2026-11-23 09:07'), note: null }]);
  });

  it('is flagged overdue exactly at each deadline, not a millisecond before', () => {
    const { hall, caseId } = badRating();
    const c = hall.state.feedback.followUps.get(caseId)!;
    expect(overdueOf(c, c.contactDueAt - 1)).toEqual({ contact: false, rectify: false });
    expect(overdueOf(c, c.contactDueAt)).toEqual({ contact: true, rectify: false });
    expect(overdueOf(c, c.rectifyDueAt - 1).rectify).toBe(false);
    expect(overdueOf(c, c.rectifyDueAt).rectify).toBe(true);
  });

  it('goes open, contacted, rectified, closed with who did what and when, and stops being overdue once dealt with', () => {
    const { hall, caseId, act } = badRating();
    act('contact', '2026-11-23 10:00');
    act('rectify', '2026-11-24 15:00');
    const closed = act('close', '2026-11-24 16:00');
    expect(closed).toMatchObject({ status: 'closed', outcome: 'rectified', contactedAt: at('2026-11-23 10:00'), resolvedAt: at('2026-11-24 15:00'), closedAt: at('2026-11-24 16:00') });
    expect(closed.history.map((h) => [h.action, h.from, h.to, h.staffId])).toEqual([
      ['open', null, 'open', null],
      ['contact', 'open', 'contacted', hall.staff.admin],
      ['rectify', 'contacted', 'rectified', hall.staff.admin],
      ['close', 'rectified', 'closed', hall.staff.admin],
    ]);
    expect(overdueOf(hall.state.feedback.followUps.get(caseId)!, at('2026-12-31 00:00'))).toEqual({ contact: false, rectify: false });
  });

  it('ends in an explanation where the request had no legal basis', () => {
    const { act } = badRating();
    act('contact', '2026-11-23 10:00');
    expect(act('explain', '2026-11-23 11:00')).toMatchObject({ status: 'explained', outcome: 'explained' });
  });

  it('calls the visitor back before anything is fixed, and needs a note for it', () => {
    const { hall, caseId, act, supervisor } = badRating();
    expect(refuse(hall.state, 'recordFollowUp', { followUpId: caseId, action: 'rectify', note: 'fixed' }, at('2026-11-23 10:00'), supervisor).code).toBe('FOLLOW_UP_TRANSITION');
    expect(refuse(hall.state, 'recordFollowUp', { followUpId: caseId, action: 'contact' }, at('2026-11-23 10:00'), supervisor).code).toBe('NOTE_REQUIRED');
    act('contact', '2026-11-23 10:00');
    expect(refuse(hall.state, 'recordFollowUp', { followUpId: caseId, action: 'contact', note: 'again' }, at('2026-11-23 10:30'), supervisor).code).toBe('FOLLOW_UP_TRANSITION');
  });

  it('lets only supervisors handle the case; the window staff member may only appeal', () => {
    const { hall, caseId } = badRating();
    const wang = staffActor(hall.staff.wang);
    expect(refuse(hall.state, 'recordFollowUp', { followUpId: caseId, action: 'contact', note: 'n' }, at('2026-11-23 10:00'), wang).code).toBe('FORBIDDEN');
    expect(refuse(hall.state, 'recordFollowUp', { followUpId: caseId, action: 'appeal', note: 'n' }, at('2026-11-23 10:00'), staffActor(hall.staff.li)).code).toBe('FORBIDDEN');
    expect(refuse(hall.state, 'recordFollowUp', { followUpId: caseId, action: 'contact', note: 'n' }, at('2026-11-23 10:00'), pad).code).toBe('FORBIDDEN');
    expect(run(hall.state, 'recordFollowUp', { followUpId: caseId, action: 'appeal', note: '访客误按' }, at('2026-11-23 10:00'), wang).status).toBe('appealed');
  });

  it('voids a mistaken rating when the appeal is upheld', () => {
    const { hall, ticket, act } = badRating();
    act('appeal', '2026-11-23 10:00', staffActor(hall.staff.wang), '访客误按');
    const upheld = act('uphold', '2026-11-23 11:00', supervisorOf(hall), '监控显示访客误触');
    expect(upheld).toMatchObject({ status: 'closed', outcome: 'appealUpheld', appeal: { outcome: 'upheld', reason: '访客误按', staffId: hall.staff.wang } });
    expect(hall.state.feedback.ratings.get(ticket.visitId)?.voided).toBe(true);
  });

  it('returns to where it was when the appeal is withdrawn, its deadlines still running', () => {
    const { hall, caseId, act } = badRating();
    act('contact', '2026-11-23 10:00');
    act('appeal', '2026-11-23 10:30', staffActor(hall.staff.wang), '访客误按');
    const resumed = act('withdraw', '2026-11-23 10:40', staffActor(hall.staff.wang));
    expect(resumed).toMatchObject({ status: 'contacted', appeal: { outcome: 'withdrawn', resumeStatus: 'contacted' } });
    expect(overdueOf(hall.state.feedback.followUps.get(caseId)!, at('2026-12-02 00:00')).rectify).toBe(true);
  });

  it('lets the visitor rate the fix once, after it is rectified or explained', () => {
    const { hall, caseId, act } = badRating();
    expect(refuse(hall.state, 'rateFix', { followUpId: caseId, level: 5, channel: 'phone' }, at('2026-11-23 10:00')).code).toBe('FOLLOW_UP_TRANSITION');
    act('contact', '2026-11-23 10:00');
    act('rectify', '2026-11-23 11:00');
    const rated = run(hall.state, 'rateFix', { followUpId: caseId, level: 4, channel: 'phone' }, at('2026-11-23 12:00'), { kind: 'public' });
    expect(rated.fixRating).toEqual({ level: 4, at: at('2026-11-23 12:00'), channel: 'phone' });
    expect(refuse(hall.state, 'rateFix', { followUpId: caseId, level: 5, channel: 'call' }, at('2026-11-23 13:00'), supervisorOf(hall)).code).toBe('FIX_ALREADY_RATED');
  });

  it('goes back to rectification when the visitor rates the fix 不满意, with a fresh deadline, and the next fix is rated again', () => {
    const { hall, caseId, act } = badRating();
    act('contact', '2026-11-23 10:00');
    act('rectify', '2026-11-23 11:00');
    act('close', '2026-11-23 11:30');
    // Rated on Friday 27: Sat 28 (make-up), Mon 30, Tue 12-01, Wed 02, Thu 03: due by the end of Thursday.
    const reopened = run(hall.state, 'rateFix', { followUpId: caseId, level: 2, channel: 'phone' }, at('2026-11-27 09:00'), { kind: 'public' });
    expect(reopened).toMatchObject({ status: 'contacted', outcome: null, resolvedAt: null, closedAt: null, contactedAt: at('2026-11-23 10:00') });
    expect(reopened.fixRating).toEqual({ level: 2, at: at('2026-11-27 09:00'), channel: 'phone' });
    expect(reopened.rectifyDueAt).toBe(at('2026-12-04 00:00'));
    expect(reopened.history.at(-1)).toMatchObject({ action: 'fixRated', from: 'closed', to: 'contacted' });
    expect(overdueOf(reopened, at('2026-12-04 00:00')).rectify).toBe(true);
    // Until it is put right again there is nothing new to rate.
    expect(refuse(hall.state, 'rateFix', { followUpId: caseId, level: 5, channel: 'phone' }, at('2026-11-27 10:00')).code).toBe('FOLLOW_UP_TRANSITION');
    act('rectify', '2026-11-30 10:00');
    const second = run(hall.state, 'rateFix', { followUpId: caseId, level: 4, channel: 'call' }, at('2026-11-30 11:00'), supervisorOf(hall));
    expect(second).toMatchObject({ status: 'rectified', outcome: 'rectified', fixRating: { level: 4, channel: 'call' } });
    expect(second.history.filter((h) => h.action === 'fixRated').map((h) => h.to)).toEqual(['contacted', 'rectified']);
  });

  it('is not opened by a rating of 3 or better', () => {
    const { hall, ticket, finishedAt } = hallWithFinishedVisit();
    expect(run(hall.state, 'rateVisit', { ticketId: ticket.id, level: 3, channel: 'window' }, finishedAt, pad).followUpId).toBeNull();
    expect(hall.state.feedback.followUps.size).toBe(0);
  });
});
