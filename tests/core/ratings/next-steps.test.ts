import { describe, expect, it } from 'vitest';
import { nextStepsOf, stepsFor } from '../../../server/core/ratings/follow-up-rules.js';
import type { FollowUpCase } from '../../../server/core/ratings/types.js';
import type { Actor } from '../../../server/core/types.js';

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

describe('the steps a follow-up case offers the person looking at it', () => {
  // Served by clerk 3; the case appealed by supervisor 9.
  const appealed = { status: 'appealed', staffId: 3, appeal: { staffId: 9 } } as unknown as FollowUpCase;
  const open = { status: 'open', staffId: 3, appeal: null } as unknown as FollowUpCase;
  const staff = (staffId: number, role: 'staff' | 'supervisor' | 'admin'): Actor => ({ kind: 'staff', staffId, role });
  const actions = (c: FollowUpCase, actor: Actor) => stepsFor(c, actor).map((s) => s.action);

  it('offers whoever appealed only the withdrawal, and the decision to anyone else who may decide', () => {
    expect(actions(appealed, staff(9, 'supervisor'))).toEqual(['withdraw']);
    expect(actions(appealed, staff(10, 'supervisor'))).toEqual(['uphold', 'withdraw']);
    expect(actions(appealed, staff(1, 'admin'))).toEqual(['uphold', 'withdraw']);
  });

  it('offers the clerk who served the visitor only the appeal, and a colleague nothing', () => {
    expect(actions(open, staff(3, 'staff'))).toEqual(['appeal']);
    expect(actions(open, staff(4, 'staff'))).toEqual([]);
    expect(actions(open, staff(10, 'supervisor'))).toEqual(['contact', 'appeal']);
  });
});
