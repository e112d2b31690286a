import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { operations } from '../../../server/operations/registry.js';
import { fingerprint } from '../../server/db-fingerprint.js';
import { startHallWithCallers, type HallCallers } from '../access/callers.js';
import { ownPlace } from '../access/probes.js';
import { hostileScalar } from './hostile-values.js';
import { fuzzRuns, fuzzSeed, insider } from './fuzz-setup.js';
import { commandAccepted, commandArgs, inputArb } from './op-requests.js';

const commands = operations.filter((op) => op.method !== 'GET');
const runsPerCommand = fuzzRuns(3);

const opNames = fc.constantFrom(...operations.map((op) => op.operationId), 'constructor', '__proto__', 'toString', '', 'x'.repeat(65));
const rawTexts = fc.constantFrom('', 'null', '1', '"hello"', '[]', '{}', '{"type":', '\u0000', '[['.repeat(20_000), '{"type":"hello"}', '{"type":"command"}');

/** Whole messages, from junk text to well-formed envelopes with something hostile inside. */
const envelopes: fc.Arbitrary<string | Buffer> = fc.oneof(
  rawTexts,
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((b) => Buffer.from(b)),
  fc.record({ type: hostileScalar }).map((m) => JSON.stringify(m)),
  fc.record({ type: fc.constant('hello'), token: fc.oneof(hostileScalar, fc.constant(undefined)), follow: fc.oneof(hostileScalar, fc.record({ scope: fc.constantFrom('hall', 'area', 'window', 'ticket'), areaId: hostileScalar, windowId: hostileScalar, ticketToken: hostileScalar })), lastSeq: hostileScalar }).map((m) => JSON.stringify(m)),
  fc.record({ type: fc.constant('command'), id: fc.oneof(hostileScalar, fc.constant('x1')), name: fc.oneof(opNames, hostileScalar), args: hostileScalar }).map((m) => JSON.stringify(m)),
  fc.record({ type: fc.constantFrom('resync', 'ping'), extra: hostileScalar }).map((m) => JSON.stringify(m)),
);

/** Opens a socket, sends one message, and resolves with the first thing the hall does about it. */
function firstAnswer(url: string, message: string | Buffer): Promise<{ message?: any; closed?: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    const timer = setTimeout(() => { ws.terminate(); reject(new Error('the hall said nothing within 3 s')); }, 3000);
    const done = (answer: { message?: any; closed?: number }) => { clearTimeout(timer); ws.terminate(); resolve(answer); };
    ws.once('open', () => ws.send(message, { binary: Buffer.isBuffer(message) }));
    ws.once('message', (data) => done({ message: JSON.parse(data.toString()) }));
    ws.once('close', (code) => done({ closed: code }));
    ws.once('error', reject);
  });
}

/**
 * Hostile WebSocket messages, generated from the protocol and the operation schemas: every message gets an answer
 * (a refusal with a code and words in both languages, or a close) within a few seconds, never an internal error,
 * and a refused command changes nothing.
 */
describe('hostile input over the WebSocket', () => {
  let callers: HallCallers;
  beforeAll(async () => {
    callers = await startHallWithCallers();
  });
  afterAll(async () => callers.stop());

  it('answers every kind of malformed or hostile message, and never with an internal error', async () => {
    await fc.assert(fc.asyncProperty(envelopes, async (message) => {
      const before = fingerprint(callers.t.config.databasePath);
      const answer = await firstAnswer(callers.t.wsUrl, message);
      if (answer.message?.type === 'error') {
        expect(answer.message.error).toMatchObject({ code: expect.stringMatching(/^[A-Z_]+$/), message: { zh: expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) } });
        expect(answer.message.error.code).not.toBe('INTERNAL');
      }
      expect(fingerprint(callers.t.config.databasePath)).toEqual(before);
    }), { seed: fuzzSeed, numRuns: 80, endOnFailure: true });
  });

  for (const [index, op] of commands.entries()) {
    it(`answers ${op.operationId} with hostile arguments, refusing what its schemas refuse and changing nothing then`, async () => {
      const name = insider(op, 'ws');
      await fc.assert(fc.asyncProperty(inputArb(op, 'hostile', ownPlace(callers, name)), async (input) => {
        const args = commandArgs(input);
        const before = fingerprint(callers.t.config.databasePath);
        const answer = await callers.command(name, op.operationId, args);
        await callers.revive(name);
        if (answer.type === 'closed') {
          expect(answer.code).toBe(4001);
          return;
        }
        if (answer.type === 'reply') {
          expect(commandAccepted(op, args), 'ran a command its own schemas refuse').toBe(true);
          const publicHall = await callers.http('none', { method: 'GET', path: '/api/public/hall' });
          expect(publicHall.status, `the hall stopped working after it ran ${op.operationId} ${JSON.stringify(args)}`).toBe(200);
          return;
        }
        expect(answer.error).toMatchObject({ code: expect.stringMatching(/^[A-Z_]+$/), message: { zh: expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) } });
        expect(answer.error!.code).not.toBe('INTERNAL');
        expect(fingerprint(callers.t.config.databasePath)).toEqual(before);
      }), { seed: fuzzSeed + index, numRuns: runsPerCommand, endOnFailure: true });
    });
  }
});
