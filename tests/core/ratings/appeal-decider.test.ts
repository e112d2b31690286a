import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../server/core/types.js';
import { at, minutes, refuse, run, staffActor } from '../hall-fixture.js';
import { hallWithFinishedVisit, pad, supervisorOf } from './rating-fixture.js';

/** A bad rating of 王芳's visit at 09:07 on Monday 2026-11-23, its case assigned to the admin. */
function badRating() {
  const { hall, ticket, finishedAt } = hallWithFinishedVisit();
  const rating = run(hall.state, 'rateVisit', { ticketId: ticket.id, level: 1, reasons: ['attitude'], channel: 'window' }, finishedAt + minutes(1), pad);
  const caseId = rating.followUpId!;
  const act = (action: 'appeal' | 'uphold' | 'withdraw', when: string, actor: Actor) =>
    run(hall.state, 'recordFollowUp', { followUpId: caseId, action, note: `${action} note` }, at(when), actor);
  const tryAct = (action: 'uphold' | 'withdraw', when: string, actor: Actor) =>
    refuse(hall.state, 'recordFollowUp', { followUpId: caseId, action, note: `${action} note` }, at(when), actor);
  // 赵敏 as a second supervisor: the core takes the role from the signed-in actor.
  const supervisor: Actor = { kind: 'staff', staffId: hall.staff.zhao, role: 'supervisor' };
  return { hall, ticket, caseId, act, tryAct, supervisor };
}

describe('deciding an appeal', () => {
  it('refuses the supervisor who appealed when they uphold it themselves, changing nothing, but lets them withdraw it', () => {
    const { hall, ticket, caseId, act, tryAct, supervisor } = badRating();
    act('appeal', '2026-11-23 10:00', supervisor);
    const refused = tryAct('uphold', '2026-11-23 10:05', supervisor);
    expect(refused).toMatchObject({ code: 'APPEAL_SELF_DECIDE', message: { zh: '申诉人不能自行裁定申诉', en: 'Whoever appealed cannot decide the appeal' } });
    expect(hall.state.feedback.followUps.get(caseId)).toMatchObject({ status: 'appealed', appeal: { outcome: null } });
    expect(hall.state.feedback.ratings.get(ticket.visitId)?.voided).toBeFalsy();
    // Withdrawing one's own appeal stays open to the appellant; a colleague's withdraw is how an appeal is turned down.
    expect(act('withdraw', '2026-11-23 10:10', supervisor)).toMatchObject({ status: 'open', appeal: { outcome: 'withdrawn' } });
    act('appeal', '2026-11-23 10:20', staffActor(hall.staff.wang));
    expect(act('withdraw', '2026-11-23 10:25', supervisor)).toMatchObject({ status: 'open', appeal: { outcome: 'withdrawn' } });
  });

  it('refuses an admin upholding their own appeal too; another supervisor decides it', () => {
    const { hall, ticket, act, tryAct, supervisor } = badRating();
    act('appeal', '2026-11-23 10:00', supervisorOf(hall));
    expect(tryAct('uphold', '2026-11-23 10:05', supervisorOf(hall)).code).toBe('APPEAL_SELF_DECIDE');
    expect(act('uphold', '2026-11-23 10:10', supervisor)).toMatchObject({ status: 'closed', outcome: 'appealUpheld', appeal: { outcome: 'upheld' } });
    expect(hall.state.feedback.ratings.get(ticket.visitId)?.voided).toBe(true);
  });
});
