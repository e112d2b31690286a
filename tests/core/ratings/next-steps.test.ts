import { describe, expect, it } from 'vitest';
import { nextStepsOf } from '../../../server/core/ratings/follow-up-rules.js';

describe('the steps a follow-up case offers next', () => {
  it.each([
    ['open', ['contact:note', 'appeal:note']],
    ['contacted', ['rectify:note', 'explain:note', 'appeal:note']],
    ['rectified', ['close']],
    ['explained', ['close']],
    ['appealed', ['uphold:note', 'withdraw']],
    ['closed', []],
  ] as const)('from %s are %j, read from the same table that refuses the others', (status, expected) => {
    const steps = nextStepsOf({ status }).map((s) => (s.noteRequired ? `${s.action}:note` : s.action));
    expect(steps).toEqual(expected);
  });
});
