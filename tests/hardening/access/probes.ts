import fc from 'fast-check';
import type { Operation } from '../../../server/operations/operation.js';
import type { Role } from '../../../server/operations/caller.js';
import { commandAccepted, commandArgs, inputArb, schemasAccept, wireRequest, type OpInput, type WireRequest } from '../input/op-requests.js';
import type { KnownIds } from '../input/schema-arbitraries.js';
import type { CallerName, HallCallers } from './callers.js';

export const refusalCodes = ['UNAUTHENTICATED', 'FORBIDDEN'];

/** Over HTTP: one of the operation's roles, and anyone where the public may ask. */
export function allowedOverHttp(op: Operation, roles: Role[]): boolean {
  return op.roles.some((r) => r === 'public' || roles.includes(r));
}

/** Over the socket: a command one of the caller's own roles names; GETs are not commands at all. */
export function allowedOverSocket(op: Operation, roles: Role[]): boolean {
  return op.method !== 'GET' && op.roles.some((r) => r !== 'public' && roles.includes(r));
}

/** The caller's own place: the pad's window, and a visitor the caller served there; any other id names nothing. */
export function ownPlace(callers: HallCallers, name: CallerName): KnownIds {
  return (key) => {
    if (key === 'windowId') return fc.constant(callers.windowId);
    if (key === 'ticketId') return fc.constant(callers.ticketOf(name));
    return undefined;
  };
}

const seed = 20_260_310;

export function validInput(op: Operation, known: KnownIds): OpInput {
  return fc.sample(inputArb(op, 'valid', known), { seed, numRuns: 1 })[0];
}

/** Small enough to reach the operation: no oversize URL or body, nothing the JSON parser itself refuses. */
function reachesOperation(op: Operation, wire: WireRequest): boolean {
  const segments = new URL(wire.path, 'http://x').pathname.split('/');
  return wire.path.length < 1500 && segments.slice(1).every((s) => s.length > 0 && s.length <= 100)
    && (wire.body === undefined || (wire.body.length < 30_000 && !/"(__proto__|constructor|prototype)"/.test(wire.body)));
}

/** An input the operation's schemas refuse, which still reaches the operation; null when it reads no input. */
export function invalidRequest(op: Operation, known: KnownIds): WireRequest | null {
  if (!op.params && !op.body && !op.query) return null;
  for (const input of fc.sample(inputArb(op, 'hostile', known), { seed, numRuns: 300 })) {
    const wire = wireRequest(op, input);
    if (reachesOperation(op, wire) && !schemasAccept(op, wire)) return wire;
  }
  throw new Error(`no invalid input found for ${op.operationId}`);
}

export function invalidArgs(op: Operation, known: KnownIds): Record<string, unknown> | null {
  if (!op.params && !op.body) return null;
  for (const input of fc.sample(inputArb(op, 'hostile', known), { seed, numRuns: 300 })) {
    const args = commandArgs(input);
    const text = JSON.stringify(args);
    if (text.length < 30_000 && !commandAccepted(op, args)) return args;
  }
  throw new Error(`no invalid arguments found for ${op.operationId}`);
}
