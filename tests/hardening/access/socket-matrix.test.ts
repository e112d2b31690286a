import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../../server/operations/registry.js';
import { commandArgs } from '../input/op-requests.js';
import { callerNames, rolesOf, startHallWithCallers, type CallerName, type HallCallers, type SocketAnswer } from './callers.js';
import { allowedOverSocket, invalidArgs, ownPlace, refusalCodes, validInput } from './probes.js';

function expected(op: { method: string }, allowed: boolean, name: CallerName, whenAllowed: string): string {
  if (op.method === 'GET') return 'UNKNOWN_COMMAND';
  if (allowed) return whenAllowed;
  return name === 'none' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
}

/** A refusal for who the caller is, or an unknown command, is named; anything else is "let through". */
function met(answer: SocketAnswer): string {
  if (answer.type === 'closed') return answer.code === 4001 ? 'let through' : `closed ${answer.code}`;
  const code = answer.type === 'error' ? answer.error!.code : undefined;
  if (code === 'INTERNAL') return code;
  return code && [...refusalCodes, 'UNKNOWN_COMMAND'].includes(code) ? code : 'let through';
}

/**
 * Every operation as a WebSocket command against every kind of caller, generated from the registry: commands run
 * for a device, staff member or phone in one of the operation's own roles; a connection that has not said who it
 * is may send nothing; operations only the public may use stay on HTTP (rate-limited, throttled); reads are not
 * commands. (A command that ends the caller's own session, logout, answers by closing the socket with 4001.)
 */
describe('who may send each operation as a WebSocket command', () => {
  let callers: HallCallers;
  beforeAll(async () => {
    callers = await startHallWithCallers();
  });
  afterAll(async () => callers.stop());

  for (const op of operations) {
    const names = op.roles.filter((r) => r !== 'public');
    it(`${op.operationId} runs for ${op.method === 'GET' ? 'nobody (a read)' : names.join(', ') || 'nobody (HTTP only)'}`, async () => {
      const want: Record<string, string> = {};
      const got: Record<string, string> = {};
      for (const name of callerNames) {
        const allowed = allowedOverSocket(op, rolesOf(name, 'ws'));
        const known = ownPlace(callers, name);
        want[`${name} valid`] = expected(op, allowed, name, 'let through');
        got[`${name} valid`] = met(await callers.command(name, op.operationId, commandArgs(validInput(op, known))));
        await callers.revive(name);
        const invalid = invalidArgs(op, known);
        if (!invalid) continue;
        const answer = await callers.command(name, op.operationId, invalid);
        want[`${name} invalid`] = expected(op, allowed, name, 'VALIDATION_FAILED');
        got[`${name} invalid`] = answer.type === 'error' ? answer.error!.code : answer.type;
        await callers.revive(name);
      }
      expect(got).toEqual(want);
    });
  }
});
