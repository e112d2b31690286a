import { describe, expect, it } from 'vitest';
import { loadState } from '../../server/store/load-state.js';
import { at, hallSettings } from '../core/hall-fixture.js';
import { day, generateDay } from './generated-day.js';
import { ledgerOf } from './independent-figures.js';

describe('ratings and follow-ups in SQLite', () => {
  it('come back at start as the running hall held them', () => {
    const { hall } = generateDay();
    const live = hall.runner.state.feedback;
    // Restarted late on the day itself (a start on a later day leaves the finished day's tickets on disk).
    const state = loadState(hall.db, at(`${day} 23:30`), hallSettings());
    const reloaded = state.feedback;
    expect(reloaded.followUps).toEqual(live.followUps);
    expect(reloaded.lastId).toEqual(live.lastId);
    expect(live.followUps.size).toBeGreaterThan(5);
    // Memory holds the ratings and case numbers of the visits it holds: at start, the day's.
    const ledger = ledgerOf(hall.log);
    const visits = new Set([...state.tickets.values()].map((t) => t.visitId));
    expect(visits.size).toBeGreaterThan(100);
    expect(reloaded.ratings).toEqual(new Map([...ledger.ratings.values()].filter((r) => visits.has(r.visitId)).map((r) => [r.visitId, r])));
    const numbers = new Map<number, string>();
    for (const { event: e } of hall.log) if (e.type === 'case.numbered') numbers.set(e.ticketId, e.caseNumber);
    expect(reloaded.caseNumbers).toEqual(numbers);
  });

  it('keep every rating with its case number and voiding, whatever memory has let go of', () => {
    const { hall } = generateDay();
    const stored = hall.db.prepare('SELECT json, case_number AS caseNumber, voided FROM ratings').all() as { json: string; caseNumber: string | null; voided: number }[];
    const published = new Map<number, { caseNumber: string | null; voided: boolean }>();
    for (const { event: e } of hall.log) {
      if (e.type === 'rating.recorded' || (e.type === 'case.numbered' && e.rating)) published.set(e.rating!.id, { caseNumber: e.rating!.caseNumber, voided: false });
      if (e.type === 'followUp.updated' && e.voidedRatingId !== null) published.set(e.voidedRatingId, { ...published.get(e.voidedRatingId)!, voided: true });
    }
    expect(stored).toHaveLength(published.size);
    for (const row of stored) {
      const rating = JSON.parse(row.json) as { id: number; caseNumber: string | null; voided: boolean };
      expect({ caseNumber: rating.caseNumber, voided: rating.voided }).toEqual(published.get(rating.id));
      expect({ caseNumber: row.caseNumber, voided: row.voided === 1 }).toEqual(published.get(rating.id));
    }
    expect(stored.some((r) => r.voided === 1) && stored.some((r) => r.caseNumber !== null)).toBe(true);
  });
});
