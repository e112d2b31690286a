import { describe, expect, it } from 'vitest';
import type { LiveWarning } from '../../../protocol/stats.js';
import { sentenceNow } from '../../../admin-ui/src/pages/stats/warning-minutes.js';

const minute = 60_000;
const listedAt = 1_000 * minute;
// A visitor who arrived 22 minutes before the list was made, against a 20-minute yellow line.
const wait: LiveWarning = {
  key: 'wait:7', kind: 'wait', level: 'yellow', since: listedAt - 2 * minute, minutes: 22, thresholdMinutes: 20,
  ticketId: 7, number: 'A012', serviceId: 1, windowId: null, areaId: 1, followUpId: null,
  message: { zh: 'A012 已等候 22 分钟', en: 'A012 has waited 22 min' },
};

describe('the minutes in a pushed warning', () => {
  it('keeps counting after the list was pushed, since a new list only comes when a light changes', () => {
    expect(sentenceNow(wait, listedAt, 30_000)).toEqual(wait.message);
    expect(sentenceNow(wait, listedAt, 9 * minute + 5_000)).toEqual({ zh: 'A012 已等候 31 分钟', en: 'A012 has waited 31 min' });
  });

  it('changes only the minutes, not a ticket number that happens to hold the same digits', () => {
    const w = { ...wait, number: 'A022', message: { zh: 'A022 已等候 22 分钟', en: 'A022 has waited 22 min' } };
    expect(sentenceNow(w, listedAt, 3 * minute)).toEqual({ zh: 'A022 已等候 25 分钟', en: 'A022 has waited 25 min' });
  });

  it('leaves a follow-up\'s sentence as the server wrote it', () => {
    const f: LiveWarning = { ...wait, key: 'followUp:3', kind: 'followUp', thresholdMinutes: null, message: { zh: '差评 A012 回访已超时', en: 'Bad rating A012: call-back overdue' } };
    expect(sentenceNow(f, listedAt, 60 * minute)).toEqual(f.message);
  });
});
