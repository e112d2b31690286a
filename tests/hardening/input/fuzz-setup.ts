import type { Operation } from '../../../server/operations/operation.js';
import { callerNames, rolesOf, type CallerName } from '../access/callers.js';

/** One seed for every fuzz run, so a failure can be replayed (FUZZ_SEED to try another, FUZZ_RUNS to dig deeper). */
export const fuzzSeed = Number(process.env.FUZZ_SEED ?? 20_260_310);
export const fuzzRuns = (fallback: number) => Number(process.env.FUZZ_RUNS ?? fallback);

/** Someone the operation lets in, so the hostile input reaches its validation and handler, not just the door. */
export function insider(op: Operation, channel: 'http' | 'ws'): CallerName {
  const order: CallerName[] = op.roles.includes('public') && channel === 'http' ? ['none'] : ['admin', 'kiosk', 'pad', 'bridge', 'board', 'phone'];
  return order.find((n) => op.roles.some((r) => (r === 'public' ? channel === 'http' : rolesOf(n, channel).includes(r)))) ?? callerNames[0];
}
