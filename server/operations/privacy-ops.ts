import { z } from 'zod';
import { domainError, type DomainError } from '../core/errors.js';
import { isValidIdNumber, maskIdNumber } from '../core/identity.js';
import type { Ticket } from '../core/types.js';
import { hashIdNumber } from '../privacy/identity-keys.js';
import { personInLiveQueue } from '../privacy/person-records.js';
import { actorOf } from './caller.js';
import { defineOperation, type OperationContext } from './operation.js';

/**
 * The ID number travels in a POST body, never in a URL: addresses end up in proxies' and browsers' histories.
 * The log redaction blanks any `idNumber` field.
 */
const PersonBody = z.object({ idNumber: z.string().trim().regex(/^\d{17}[\dXx]$/, '18 characters: 17 digits and a digit or X') }).strict();
const EraseBody = PersonBody.extend({ confirm: z.literal(true) }).strict();

function personHash(ctx: OperationContext, idNumber: string): { idHash: string; idMasked: string } | DomainError {
  const id = idNumber.toUpperCase();
  if (!isValidIdNumber(id)) return domainError('ID_INVALID');
  return { idHash: hashIdNumber(id, ctx.secrets.idHashKey), idMasked: maskIdNumber(id) };
}

/** The person as an export shows them: the masked forms only; the keyed hash is the hall's internal key. */
function withoutHash<T extends { person: Ticket['person'] }>(record: T): T {
  if (!record.person) return record;
  const { idHash: _hash, ...shown } = record.person;
  return { ...record, person: shown as T['person'] };
}

export const exportPersonDataOp = defineOperation({
  operationId: 'exportPersonData', method: 'POST', url: '/api/privacy/export', tag: 'privacy',
  summary: 'Everything the hall keeps about one person, by ID number: tickets, appointments, ratings, follow-ups. 个人信息导出',
  roles: ['admin'], body: PersonBody,
  handle(ctx, { body }, caller) {
    const who = personHash(ctx, body.idNumber);
    if ('ok' in who) return who;
    const records = ctx.privacy.find(who.idHash);
    ctx.log.info({ actor: actorOf(caller), tickets: records.tickets.length, appointments: records.appointments.length }, 'person data exported');
    return {
      idMasked: who.idMasked, exportedAt: ctx.runner.clock(),
      tickets: records.tickets.map(withoutHash), appointments: records.appointments.map(withoutHash),
      ratings: records.ratings, followUps: records.followUps,
    };
  },
});

export const erasePersonDataOp = defineOperation({
  operationId: 'erasePersonData', method: 'POST', url: '/api/privacy/erase', tag: 'privacy',
  summary: 'Erase one person by ID number: their visits keep their figures and lose the person, in the event log too. 个人信息删除',
  roles: ['admin'], body: EraseBody,
  handle(ctx, { body }, caller) {
    const who = personHash(ctx, body.idNumber);
    if ('ok' in who) return who;
    if (personInLiveQueue(ctx.runner.state, who.idHash)) return domainError('PERSON_IN_QUEUE');
    // A full or failing disk rolls the whole erasure back and answers 503 (see the registry); nothing is half-erased.
    const erased = ctx.privacy.erase(who.idHash, ctx.runner.state.settings.timeZone, ctx.runner.clock());
    // The record of the erasure names the admin and what went, never whom.
    ctx.log.info({ actor: actorOf(caller), ...erased }, 'person data erased');
    return { idMasked: who.idMasked, ...erased };
  },
});

export const privacyOperations = [exportPersonDataOp, erasePersonDataOp];
