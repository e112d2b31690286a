import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../../server/operations/registry.js';
import { wireRequest } from '../input/op-requests.js';
import { callerNames, rolesOf, startHallWithCallers, type Answer, type CallerName, type HallCallers } from './callers.js';
import { allowedOverHttp, invalidRequest, ownPlace, refusalCodes, validInput } from './probes.js';

/** What a caller should meet at an operation: let through, or turned away by who they are. */
function expected(allowed: boolean, name: CallerName, whenAllowed: string): string {
  if (allowed) return whenAllowed;
  return name === 'none' || name === 'phone' ? '401 UNAUTHENTICATED' : '403 FORBIDDEN';
}

/** What they met: a refusal for who they are is named; anything else an allowed caller may meet is "let through". */
function met(res: Answer): string {
  const code = typeof res.body === 'object' && res.body ? res.body.code : undefined;
  if (res.status >= 500) return `${res.status} ${code}`;
  return refusalCodes.includes(code) ? `${res.status} ${code}` : 'let through';
}

/**
 * Every operation in the registry against every kind of caller over HTTP, generated from each operation's roles:
 * the callers its roles name get past the door (with a valid request in their own place: their window, their
 * visitor), and everyone else is refused with 401 (nobody, a phone) or 403 (the wrong device or role).
 */
describe('who may call each HTTP operation', () => {
  let callers: HallCallers;
  beforeAll(async () => {
    callers = await startHallWithCallers();
  });
  afterAll(async () => callers.stop());

  for (const op of operations) {
    it(`${op.method} ${op.url} (${op.operationId}) lets in ${op.roles.join(', ')} and nobody else`, async () => {
      const want: Record<string, string> = {};
      const got: Record<string, string> = {};
      for (const name of callerNames) {
        const allowed = allowedOverHttp(op, rolesOf(name, 'http'));
        const known = ownPlace(callers, name);
        want[`${name} valid`] = expected(allowed, name, 'let through');
        got[`${name} valid`] = met(await callers.http(name, wireRequest(op, validInput(op, known))));
        await callers.revive(name);
        // The door comes before the checks on input, so a caller turned away learns nothing about what is valid.
        const invalid = invalidRequest(op, known);
        if (!invalid) continue;
        const res = await callers.http(name, invalid);
        want[`${name} invalid`] = expected(allowed, name, '400 VALIDATION_FAILED');
        got[`${name} invalid`] = allowed && res.body?.code === 'VALIDATION_FAILED' ? '400 VALIDATION_FAILED' : `${res.status} ${res.body?.code}`;
        await callers.revive(name);
      }
      expect(got).toEqual(want);
    });
  }
});
