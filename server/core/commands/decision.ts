import type { DomainError } from '../errors.js';
import type { DomainEvent } from '../events.js';
import type { Actor, HallState } from '../types.js';

export type Decision<R> = { ok: true; events: DomainEvent[]; result: R } | DomainError;

export interface CommandContext { now: number; actor: Actor }

export type Handler<A, R> = (state: HallState, args: A, ctx: CommandContext) => Decision<R>;

export function accept<R>(events: DomainEvent[], result: R): Decision<R> {
  return { ok: true, events, result };
}
