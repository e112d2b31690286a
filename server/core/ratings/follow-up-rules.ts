import type { FollowUpAction, FollowUpStatus } from '../../../protocol/ratings.js';
import { domainError, type DomainError } from '../errors.js';
import { hallDay } from '../hall-time.js';
import type { Actor, HallState } from '../types.js';
import { followUpSettingsOf } from './settings.js';
import type { FollowUpCase, Rating } from './types.js';
import { workCalendar, workingDayDeadline } from './working-days.js';

/**
 * A bad rating opens a case for the handling staff member's supervisor: call the visitor back within the contact
 * hours, then rectify (or explain where the request had no legal basis) within the working days. Deadlines are
 * fixed when the case opens, so a later change of settings does not move the goalposts of open cases.
 */
export function openFollowUp(state: HallState, rating: Rating, id: number, now: number): FollowUpCase {
  const settings = followUpSettingsOf(state.settings);
  const handler = rating.staffId !== null ? state.staff.get(rating.staffId) : undefined;
  const ratedOn = hallDay(now, state.settings.timeZone);
  return {
    id, ratingId: rating.id, visitId: rating.visitId, ticketId: rating.ticketId, number: rating.number, hallDay: rating.hallDay,
    serviceId: rating.serviceId, windowId: rating.windowId, staffId: rating.staffId, assigneeId: handler?.supervisorId ?? null,
    level: rating.level, reasons: rating.reasons, comment: rating.comment,
    status: 'open', outcome: null, openedAt: now,
    contactDueAt: now + Math.round(settings.contactHours * 3_600_000),
    rectifyDueAt: workingDayDeadline(workCalendar(settings), ratedOn, settings.rectifyWorkingDays, state.settings.timeZone),
    contactedAt: null, resolvedAt: null, closedAt: null, appeal: null, fixRating: null,
    history: [{ action: 'open', from: null, to: 'open', staffId: null, at: now, note: null }],
  };
}

/**
 * A fix the visitor rates 不满意 or worse has not put things right: the case goes back to rectification (the
 * call-back stands), closed or not, with a fresh deadline of the hall's working days from the day of that rating,
 * since the first one may well have passed while the fix was made.
 */
export function reopenedForRectification(state: HallState, c: FollowUpCase, now: number): FollowUpCase {
  const settings = followUpSettingsOf(state.settings);
  const ratedOn = hallDay(now, state.settings.timeZone);
  return {
    ...c, status: 'contacted', outcome: null, resolvedAt: null, closedAt: null,
    rectifyDueAt: workingDayDeadline(workCalendar(settings), ratedOn, settings.rectifyWorkingDays, state.settings.timeZone),
  };
}

type Who = 'supervisor' | 'handlerOrSupervisor' | 'appellantOrSupervisor';

interface Transition { from: FollowUpStatus[]; who: Who; noteRequired: boolean }

/** Who may do what, from which state. The call-back comes first: no case is fixed without the visitor heard. */
export const followUpTransitions: Record<FollowUpAction, Transition> = {
  contact: { from: ['open'], who: 'supervisor', noteRequired: true },
  rectify: { from: ['contacted'], who: 'supervisor', noteRequired: true },
  explain: { from: ['contacted'], who: 'supervisor', noteRequired: true },
  close: { from: ['rectified', 'explained'], who: 'supervisor', noteRequired: false },
  appeal: { from: ['open', 'contacted'], who: 'handlerOrSupervisor', noteRequired: true },
  uphold: { from: ['appealed'], who: 'supervisor', noteRequired: true },
  withdraw: { from: ['appealed'], who: 'appellantOrSupervisor', noteRequired: false },
};

/** The steps a case accepts next, read from the transition table, so screens offer exactly what the hall accepts. */
export function nextStepsOf(c: Pick<FollowUpCase, 'status'>): { action: FollowUpAction; noteRequired: boolean }[] {
  return (Object.entries(followUpTransitions) as [FollowUpAction, Transition][])
    .filter(([, t]) => t.from.includes(c.status))
    .map(([action, t]) => ({ action, noteRequired: t.noteRequired }));
}

/**
 * The steps this person may take next: the case's next steps less those the hall would refuse them (a clerk's
 * steps on a colleague's case, deciding one's own appeal), so a screen offers nobody a button that only says no.
 */
export function stepsFor(c: FollowUpCase, actor: Actor): { action: FollowUpAction; noteRequired: boolean }[] {
  return nextStepsOf(c).filter(({ action }) => mayAct(followUpTransitions[action].who, actor, c) && !selfDecidesAppeal(action, actor, c));
}

export function staffIdOf(actor: Actor): number | null {
  return actor.kind === 'staff' ? actor.staffId : null;
}

export function mayAct(who: Who, actor: Actor, c: FollowUpCase): boolean {
  if (actor.kind !== 'staff') return false;
  if (actor.role === 'supervisor' || actor.role === 'admin') return true;
  if (who === 'handlerOrSupervisor') return c.staffId === actor.staffId;
  if (who === 'appellantOrSupervisor') return c.appeal?.staffId === actor.staffId;
  return false;
}

/**
 * An appeal is decided by someone other than whoever filed it (an admin or another supervisor): upholding one's own
 * appeal would let one person void a bad rating alone. Withdrawing it stays open to the appellant, and a colleague's
 * withdraw is how an appeal is turned down.
 */
export function selfDecidesAppeal(action: FollowUpAction, actor: Actor, c: FollowUpCase): boolean {
  if (action !== 'uphold' || actor.kind !== 'staff' || !c.appeal) return false;
  return c.appeal.staffId === actor.staffId;
}

/** The state an action leads to; a withdrawn appeal returns the case to where it was when appealed. */
export function nextStatus(action: FollowUpAction, c: FollowUpCase): FollowUpStatus {
  switch (action) {
    case 'contact': return 'contacted';
    case 'rectify': return 'rectified';
    case 'explain': return 'explained';
    case 'appeal': return 'appealed';
    case 'close':
    case 'uphold': return 'closed';
    case 'withdraw': return c.appeal?.resumeStatus ?? 'open';
  }
}

/**
 * A case is overdue from the very millisecond of its deadline: for the call-back while nobody has called, and for
 * rectification while it is neither rectified nor explained. An appeal does not stop either clock.
 */
export function overdueOf(c: FollowUpCase, now: number): { contact: boolean; rectify: boolean } {
  const due = pendingDeadlines(c);
  return { contact: due.contact !== null && now >= due.contact, rectify: due.rectify !== null && now >= due.rectify };
}

/** The deadlines a case still runs against (null: met, or the case is closed). */
export function pendingDeadlines(c: FollowUpCase): { contact: number | null; rectify: number | null } {
  const live = c.status !== 'closed';
  return {
    contact: live && c.contactedAt === null ? c.contactDueAt : null,
    rectify: live && c.resolvedAt === null ? c.rectifyDueAt : null,
  };
}

const statusNames: Record<FollowUpStatus, [string, string]> = {
  open: ['待回访', 'open'], contacted: ['已回访', 'contacted'], rectified: ['已整改', 'rectified'],
  explained: ['已解释说明', 'explained'], appealed: ['申诉中', 'under appeal'], closed: ['已办结', 'closed'],
};
const actionNames: Record<FollowUpAction | 'rateFix', [string, string]> = {
  contact: ['回访', 'record the call-back'], rectify: ['整改', 'record the rectification'], explain: ['解释说明', 'record the explanation'],
  close: ['办结', 'close it'], appeal: ['申诉', 'appeal'], uphold: ['认定申诉成立', 'uphold the appeal'],
  withdraw: ['撤回申诉', 'withdraw the appeal'], rateFix: ['评价整改结果', 'rate the fix'],
};

export function followUpRefusal(status: FollowUpStatus, action: FollowUpAction | 'rateFix'): DomainError {
  const [stateZh, stateEn] = statusNames[status];
  const [actionZh, actionEn] = actionNames[action];
  return domainError('FOLLOW_UP_TRANSITION', { status, action, stateZh, stateEn, actionZh, actionEn });
}

export function noteRequired(action: FollowUpAction): DomainError {
  const [actionZh, actionEn] = actionNames[action];
  return domainError('NOTE_REQUIRED', { action, actionZh, actionEn });
}
