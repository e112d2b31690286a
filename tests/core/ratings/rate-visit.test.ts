import { describe, expect, it } from 'vitest';
import { padGraceMs } from '../../../server/core/commands/ratings.js';
import { at, callNext, decide, issue, minutes, openWindow, refuse, run, ticketOf } from '../hall-fixture.js';
import { hallWithFinishedVisit, pad } from './rating-fixture.js';

describe('rating a visit on the window screen', () => {
  it('records one rating tied to the ticket, window, staff and service', () => {
    const { hall, ticket, finishedAt } = hallWithFinishedVisit();
    const rating = run(hall.state, 'rateVisit', { ticketId: ticket.id, level: 5, channel: 'window' }, finishedAt + 10_000, pad);
    expect(rating).toMatchObject({
      visitId: ticket.visitId, ticketId: ticket.id, number: ticket.number, windowId: hall.window.one, staffId: hall.staff.wang,
      serviceId: hall.service.pension, level: 5, reasons: [], channel: 'window', followUpId: null, voided: false,
    });
    expect(hall.state.feedback.ratings.get(ticket.visitId)).toEqual(rating);
    expect(hall.state.feedback.followUps.size).toBe(0);
  });

  it('takes one rating per visit only', () => {
    const { hall, ticket, finishedAt } = hallWithFinishedVisit();
    run(hall.state, 'rateVisit', { ticketId: ticket.id, level: 4, channel: 'window' }, finishedAt + 5_000, pad);
    expect(refuse(hall.state, 'rateVisit', { ticketId: ticket.id, level: 1, reasons: ['attitude'], channel: 'phone' }, finishedAt + 60_000).code).toBe('ALREADY_RATED');
  });

  it('refuses a visit that is not finished yet', () => {
    const hall = hallWithFinishedVisit().hall;
    const waiting = issue(hall, hall.service.pension, at('2026-11-23 09:10'));
    expect(refuse(hall.state, 'rateVisit', { ticketId: waiting.id, level: 5, channel: 'window' }, at('2026-11-23 09:10'), pad).code).toBe('NOT_RATEABLE');
    callNext(hall, hall.window.one, at('2026-11-23 09:11'));
    expect(refuse(hall.state, 'rateVisit', { ticketId: waiting.id, level: 5, channel: 'window' }, at('2026-11-23 09:11'), pad).code).toBe('NOT_RATEABLE');
  });

  it('asks a reason for levels 2 and 1, and words for the reason "other"', () => {
    const { hall, ticket, finishedAt } = hallWithFinishedVisit();
    const args = { ticketId: ticket.id, channel: 'window' as const };
    expect(refuse(hall.state, 'rateVisit', { ...args, level: 2 }, finishedAt, pad).code).toBe('RATING_REASON_REQUIRED');
    expect(refuse(hall.state, 'rateVisit', { ...args, level: 1, reasons: [] }, finishedAt, pad).code).toBe('RATING_REASON_REQUIRED');
    expect(refuse(hall.state, 'rateVisit', { ...args, level: 1, reasons: ['other'], comment: '  ' }, finishedAt, pad).code).toBe('RATING_COMMENT_REQUIRED');
    const rating = run(hall.state, 'rateVisit', { ...args, level: 1, reasons: ['other', 'efficiency', 'other'], comment: ' 材料被退回三次 ' }, finishedAt, pad);
    expect(rating.reasons).toEqual(['other', 'efficiency']);
    expect(rating.comment).toBe('材料被退回三次');
  });

  it('records nothing when the screen timed out: a late answer from the pad is refused, never turned into a default', () => {
    const { hall, ticket, finishedAt } = hallWithFinishedVisit({ rating: { padTimeoutSeconds: 60, phoneRatingHours: 24 } });
    const lastMoment = finishedAt + 60_000 + padGraceMs;
    expect(refuse(hall.state, 'rateVisit', { ticketId: ticket.id, level: 5, channel: 'window' }, lastMoment + 1, pad).code).toBe('RATING_CLOSED');
    expect(hall.state.feedback.ratings.size).toBe(0);
    expect(decide(hall.state, 'rateVisit', { ticketId: ticket.id, level: 5, channel: 'window' }, lastMoment, pad).ok).toBe(true);
  });

  it('lets the phone page rate later the same day, but not after the hall day ends', () => {
    const { hall, ticket } = hallWithFinishedVisit();
    expect(decide(hall.state, 'rateVisit', { ticketId: ticket.id, level: 3, channel: 'phone' }, at('2026-11-23 20:00')).ok).toBe(true);
    expect(refuse(hall.state, 'rateVisit', { ticketId: ticket.id, level: 3, channel: 'phone' }, at('2026-11-24 00:00')).code).toBe('RATING_CLOSED');
  });

  it('rates a transferred visit once, on the leg that finished it', () => {
    const { hall } = hallWithFinishedVisit();
    openWindow(hall, hall.window.two, at('2026-11-23 09:20'));
    const first = issue(hall, hall.service.pension, at('2026-11-23 09:20'));
    callNext(hall, hall.window.one, at('2026-11-23 09:21'));
    run(hall.state, 'startService', { windowId: hall.window.one }, at('2026-11-23 09:22'));
    const second = run(hall.state, 'transferTicket', { ticketId: first.id, windowId: hall.window.two }, at('2026-11-23 09:25'));
    expect(refuse(hall.state, 'rateVisit', { ticketId: first.id, level: 5, channel: 'window' }, at('2026-11-23 09:25'), pad).code).toBe('NOT_RATEABLE');
    callNext(hall, hall.window.two, at('2026-11-23 09:26'));
    run(hall.state, 'startService', { windowId: hall.window.two }, at('2026-11-23 09:27'));
    run(hall.state, 'finishService', { windowId: hall.window.two }, at('2026-11-23 09:35'));
    const rating = run(hall.state, 'rateVisit', { ticketId: second.id, level: 5, channel: 'window' }, at('2026-11-23 09:35'));
    expect(rating).toMatchObject({ visitId: first.visitId, ticketId: second.id, windowId: hall.window.two, staffId: hall.staff.li });
    expect(ticketOf(hall, second.id).visitId).toBe(first.id);
  });
});

describe('the case number from the business system', () => {
  it('is carried by a rating given after it', () => {
    const { hall, ticket, finishedAt } = hallWithFinishedVisit();
    run(hall.state, 'postCaseNumber', { ticketId: ticket.id, caseNumber: 'SB-2026-000123', windowId: hall.window.one }, finishedAt);
    expect(run(hall.state, 'rateVisit', { ticketId: ticket.id, level: 5, channel: 'window' }, finishedAt + 1000, pad).caseNumber).toBe('SB-2026-000123');
  });

  it('reaches a rating given before it, and a correction replaces it', () => {
    const { hall, ticket, finishedAt } = hallWithFinishedVisit();
    run(hall.state, 'rateVisit', { ticketId: ticket.id, level: 4, channel: 'window' }, finishedAt, pad);
    run(hall.state, 'postCaseNumber', { ticketId: ticket.id, caseNumber: 'A1' }, finishedAt + minutes(1));
    run(hall.state, 'postCaseNumber', { ticketId: ticket.id, caseNumber: 'A2' }, finishedAt + minutes(2));
    expect(hall.state.feedback.ratings.get(ticket.visitId)?.caseNumber).toBe('A2');
    expect(decide(hall.state, 'postCaseNumber', { ticketId: ticket.id, caseNumber: 'A2' }, finishedAt + minutes(3))).toMatchObject({ ok: true, events: [] });
  });

  it('is refused for another window\'s visitor and for a ticket still waiting', () => {
    const { hall, ticket, finishedAt } = hallWithFinishedVisit();
    expect(refuse(hall.state, 'postCaseNumber', { ticketId: ticket.id, caseNumber: 'X', windowId: hall.window.two }, finishedAt).code).toBe('NOT_SERVED_HERE');
    const waiting = issue(hall, hall.service.pension, finishedAt);
    expect(refuse(hall.state, 'postCaseNumber', { ticketId: waiting.id, caseNumber: 'X' }, finishedAt).code).toBe('INVALID_TRANSITION');
  });
});
