import { domainError, notFound, type DomainError } from '../errors.js';
import { hallDay } from '../hall-time.js';
import { checkQuotas, describeNextOpening, openingOf } from '../hours.js';
import { ageOn } from '../identity.js';

import { nextNumber } from '../numbering.js';
import { isOffered } from '../offered.js';
import type { Service } from '../../../protocol/config-entities.js';
import type { Channel } from '../../../protocol/queue-entities.js';
import type { HallState, Person, Ticket } from '../types.js';
import { accept, type Handler } from './decision.js';

export interface IssueArgs {
  serviceId: number;
  channel: Extract<Channel, 'kiosk' | 'online' | 'staff'>;
  person: Person | null;
  priorityClassId?: number | null;
}

export const issueTicket: Handler<IssueArgs, Ticket> = (state, args, ctx) => {
  const service = state.services.get(args.serviceId);
  if (!service) return notFound('service', args.serviceId);
  const notOffered = offeredError(state, service);
  if (notOffered) return notOffered;
  if (args.channel === 'online' && !service.onlineAllowed) return domainError('ONLINE_NOT_ALLOWED');
  const today = hallDay(ctx.now, state.settings.timeZone);
  const opening = openingOf(state, service, ctx.now);
  if (!opening.open) return domainError('SERVICE_CLOSED', describeNextOpening(opening, today));
  if (service.idRequired && !args.person) return domainError('ID_REQUIRED');
  const holding = args.person ? heldTicket(state, args.person, service.id) : null;
  if (holding) return domainError('ALREADY_HOLDING', { number: holding.number });
  const quota = checkQuotas(state, service, ctx.now);
  if (!quota.ok) {
    return quota.code === 'QUOTA_REACHED'
      ? domainError('QUOTA_REACHED')
      : domainError('SLOT_QUOTA_REACHED', { nextZh: `${quota.slotEnd} 后可再取号`, nextEn: `try again after ${quota.slotEnd}` });
  }
  const priority = priorityFor(state, args.person, args.priorityClassId ?? null, today);
  if (typeof priority === 'object' && priority !== null) return priority;
  const id = state.lastId.ticket + 1;
  const numbered = nextNumber(state, service, today);
  const ticket: Ticket = {
    id, visitId: id, number: numbered.number, seqNo: numbered.seqNo, status: 'waiting', channel: args.channel,
    serviceId: service.id, person: args.person, priorityClassId: priority, targetWindowId: null, appointmentId: null,
    appointmentStartsAt: null, windowId: null, staffId: null, arrivedAt: ctx.now, issuedAt: ctx.now, queueKey: ctx.now,
    calledAt: null, startedAt: null, finishedAt: null, recalls: 0, requeues: 0, hallDay: numbered.hallDay, transferredFromId: null,
  };
  return accept([{ type: 'ticket.issued', ticket }], ticket);
};

/** SERVICE_INACTIVE for a service not offered now (see isOffered), for issuing, booking and check-in alike. */
export function offeredError(state: HallState, service: Service): DomainError | null {
  return isOffered(state, service) ? null : domainError('SERVICE_INACTIVE');
}

/** One active ticket per person per service stops number hoarding (real-name ticketing). */
export function heldTicket(state: HallState, person: Person, serviceId: number): Ticket | null {
  if (!state.settings.onePerPersonPerService) return null;
  for (const t of state.activeByPerson.get(person.idHash)?.values() ?? []) {
    if (t.serviceId === serviceId) return t;
  }
  return null;
}

/**
 * A declared class (disabled, pregnant, military ...) must be one the hall lets visitors choose; otherwise the
 * oldest age class the visitor qualifies for by the birth date on the card applies.
 */
export function priorityFor(state: HallState, person: Person | null, declared: number | null, today: string): number | null | DomainError {
  if (declared !== null) {
    const cls = state.priorityClasses.get(declared);
    if (!cls || !cls.active) return notFound('priorityClass', declared);
    if (cls.kind !== 'declared') return domainError('PRIORITY_NOT_DECLARABLE');
    return cls.id;
  }
  if (!person?.birthDate) return null;
  const age = ageOn(person.birthDate, today);
  let best: { id: number; minAge: number } | null = null;
  for (const cls of state.priorityClasses.values()) {
    if (cls.active && cls.kind === 'age' && cls.minAge !== null && age >= cls.minAge && (!best || cls.minAge > best.minAge)) {
      best = { id: cls.id, minAge: cls.minAge };
    }
  }
  return best?.id ?? null;
}
