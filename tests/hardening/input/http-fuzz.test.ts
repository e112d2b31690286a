import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { operations } from '../../../server/operations/registry.js';
import { fingerprint } from '../../server/db-fingerprint.js';
import { rolesOf, startHallWithCallers, type HallCallers } from '../access/callers.js';
import { allowedOverHttp, ownPlace } from '../access/probes.js';
import { fuzzRuns, fuzzSeed, insider } from './fuzz-setup.js';
import { inputArb, schemasAccept, wireRequest } from './op-requests.js';

/** About 400 requests in all. */
const runsPerOperation = fuzzRuns(5);

/**
 * Hostile input at every HTTP route, generated from each operation's own schemas: wrong types, huge strings and
 * arrays, deep nesting, unicode edge cases, invalid ID numbers, SQL and HTML injection, extra and missing fields.
 * The hall answers each within a few seconds, never with 5xx, refuses with a code and words in both languages,
 * refuses everything its schemas refuse, and a refusal leaves the database as it was.
 */
describe('hostile input over HTTP', () => {
  let callers: HallCallers;
  let settings: unknown;
  beforeAll(async () => {
    callers = await startHallWithCallers();
    settings = (await callers.http('admin', { method: 'GET', path: '/api/settings' })).body;
  });
  // Odd settings an operation accepted are put back, so one finding does not show up again under every later route.
  afterEach(async () => {
    await callers.http('admin', { method: 'PUT', path: '/api/settings', body: JSON.stringify(settings) });
  });
  afterAll(async () => callers.stop());
  /** The page every kiosk and phone opens first: it needs the hall's day, hours and services. */
  const stillWorks = async () => (await callers.http('none', { method: 'GET', path: '/api/public/hall' })).status;

  for (const [index, op] of operations.entries()) {
    it(`${op.method} ${op.url} (${op.operationId}) refuses what it should, with a code, and changes nothing when it does`, async () => {
      const name = insider(op, 'http');
      expect(allowedOverHttp(op, rolesOf(name, 'http'))).toBe(true);
      const input = fc.oneof({ arbitrary: inputArb(op, 'hostile', ownPlace(callers, name)), weight: 4 }, { arbitrary: inputArb(op, 'valid', ownPlace(callers, name)), weight: 1 });
      await fc.assert(fc.asyncProperty(input, async (value) => {
        const wire = wireRequest(op, value);
        const before = fingerprint(callers.t.config.databasePath);
        const res = await callers.http(name, wire);
        await callers.revive(name);
        expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
        if (res.status < 400) {
          expect(schemasAccept(op, wire), 'accepted what its own schemas refuse').toBe(true);
          // Whatever the hall accepts must leave it working.
          if (op.method !== 'GET') expect(await stillWorks(), `the hall stopped working after it accepted ${wire.method} ${wire.path} ${wire.body ?? ''}`).toBe(200);
          return;
        }
        expect(res.body).toMatchObject({ code: expect.stringMatching(/^[A-Z_]+$/), message: { zh: expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) } });
        expect(fingerprint(callers.t.config.databasePath)).toEqual(before);
      }), { seed: fuzzSeed + index, numRuns: runsPerOperation, endOnFailure: true });
    });
  }
});
