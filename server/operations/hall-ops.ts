import { z } from 'zod';
import { CheckInAppointmentBody, CreateAppointmentBody } from '../../protocol/commands.js';
import { DayDate, Id } from '../../protocol/config-entities.js';
import { domainError, notFound } from '../core/errors.js';
import { slotPlacesOn } from '../core/commands/appointments.js';
import { hoursOf, serviceOpening } from '../core/hours.js';
import { isOffered } from '../core/offered.js';
import { hallDay } from '../core/hall-time.js';
import { newDigits } from '../auth/tokens.js';
import { hallSnapshot } from '../views.js';
import { actorOf } from './caller.js';
import { defineOperation } from './operation.js';
import { answerNewTicket, resolveIdentity } from './ticket-ops.js';
import type { FullIdentity } from '../privacy/identity-keys.js';

export const getHallStateOp = defineOperation({
  operationId: 'getHallState', method: 'GET', url: '/api/hall', tag: 'hall',
  summary: 'The whole hall now: windows, waiting tickets, recent calls, forecasts. 大厅实况',
  roles: ['staff', 'kiosk', 'board', 'pad'],
  handle: (ctx) => ({ seq: ctx.runner.lastSeq(), ...hallSnapshot(ctx.runner.state, ctx.runner.clock(), ctx.forecaster.get(), () => true) }),
});

/** What a kiosk or phone shows before taking a ticket: open services and how many wait for each. */
export const getPublicHallOp = defineOperation({
  operationId: 'getPublicHall', method: 'GET', url: '/api/public/hall', tag: 'hall',
  summary: 'Services open now and how many are waiting, for the kiosk and phone page. 可办业务',
  roles: ['public'],
  handle(ctx) {
    const state = ctx.runner.state;
    const now = ctx.runner.clock();
    const waiting = new Map<number, number>();
    for (const t of state.active.values()) if (t.status === 'waiting') waiting.set(t.serviceId, (waiting.get(t.serviceId) ?? 0) + 1);
    // What the core would refuse is not offered: a service of a deactivated area is as gone as a deactivated service.
    const services = [...state.services.values()].filter((s) => isOffered(state, s)).map((s) => ({
      id: s.id, code: s.code, areaId: s.areaId, name: s.name, prefix: s.prefix, idRequired: s.idRequired, onlineAllowed: s.onlineAllowed,
      waiting: waiting.get(s.id) ?? 0, opening: serviceOpening(hoursOf(state, s), now, state.settings.timeZone),
    }));
    const priorityClasses = [...state.priorityClasses.values()].filter((p) => p.active && p.kind === 'declared');
    return { name: state.settings.name, notice: state.settings.notice, hallDay: hallDay(now, state.settings.timeZone), areas: [...state.areas.values()].filter((a) => a.active), services, priorityClasses };
  },
});

export const listEventsOp = defineOperation({
  operationId: 'listEvents', method: 'GET', url: '/api/events', tag: 'hall',
  summary: 'The audit log: every change with who, where and when. 操作日志',
  roles: ['supervisor', 'admin'],
  query: z.object({ afterSeq: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(1000).default(200) }).strict(),
  handle: (ctx, { query }) => ctx.runner.events(query.afterSeq ?? 0, query.limit ?? 200).map((e) => ({ ...e, payload: withoutPersonKeys(e.payload) })),
});

/**
 * The audit log shows who was served as the masked name and ID; the keyed hash and the birth date are for the
 * hall's own matching and priority, and no reader of the log needs them.
 */
function withoutPersonKeys(payload: unknown): unknown {
  return JSON.parse(JSON.stringify(payload), (key, value) => (key === 'idHash' || key === 'birthDate' ? undefined : value));
}

export const listSlotsOp = defineOperation({
  operationId: 'listAppointmentSlots', method: 'GET', url: '/api/appointments/slots', tag: 'appointments',
  summary: 'Appointment slots of a service on a date, with places left. 预约时段',
  roles: ['public'], query: z.object({ serviceId: z.coerce.number().pipe(Id), date: DayDate }).strict(),
  handle(ctx, { query }) {
    const state = ctx.runner.state;
    const service = state.services.get(query.serviceId);
    if (!service) return notFound('service', query.serviceId);
    return slotPlacesOn(state, service, query.date, ctx.runner.clock());
  },
});

export const createAppointmentOp = defineOperation({
  operationId: 'createAppointment', method: 'POST', url: '/api/appointments', tag: 'appointments', successStatus: 201,
  summary: 'Book an appointment slot with real name. 预约',
  roles: ['public', 'staff'], body: CreateAppointmentBody, rateLimited: true,
  handle(ctx, { body }, caller) {
    const resolved = resolveIdentity(ctx, caller, { identity: body.identity });
    if ('ok' in resolved) return resolved;
    if (!resolved.person) return domainError('ID_REQUIRED');
    const decision = ctx.runner.run('createAppointment', { serviceId: body.serviceId, date: body.date, slotStart: body.slotStart, person: resolved.person, code: newDigits(6) }, actorOf(caller));
    if (!decision.ok) return decision;
    const a = decision.result;
    return { id: a.id, serviceId: a.serviceId, date: a.date, slotStart: a.slotStart, slotEnd: a.slotEnd, code: a.code, status: a.status, person: { nameMasked: a.person.nameMasked, idMasked: a.person.idMasked }, ticketId: a.ticketId };
  },
});

export const checkInAppointmentOp = defineOperation({
  operationId: 'checkInAppointment', method: 'POST', url: '/api/appointments/check-in', tag: 'appointments', successStatus: 201,
  summary: 'Check in an appointment at the kiosk with the ID card or the code; it joins the queue. 预约签到',
  roles: ['kiosk', 'staff'], body: CheckInAppointmentBody, waitsForDisk: true,
  async handle(ctx, { body }, caller) {
    let args: { code: string } | { idHash: string };
    let identity: FullIdentity | null = null;
    if ('code' in body) args = { code: body.code };
    else {
      const resolved = resolveIdentity(ctx, caller, body);
      if ('ok' in resolved) return resolved;
      if (!resolved.person) return domainError('ID_REQUIRED');
      args = { idHash: resolved.person.idHash };
      identity = resolved.identity;
    }
    let token = '';
    const decision = ctx.runner.run('checkInAppointment', args, actorOf(caller), (_db, ticket) => {
      token = ctx.access.createVisitToken(ticket.visitId);
      // Checked in with the card: the window's desktop bridge can fill the business system as for any kiosk ticket.
      if (identity) ctx.vault.put(ticket.visitId, ticket.hallDay, identity);
    });
    if (!decision.ok) return decision;
    if ('cardToken' in body) ctx.cards.forget(body.cardToken);
    return answerNewTicket(ctx, caller, decision.result, token);
  },
});

export const hallOperations = [getHallStateOp, getPublicHallOp, listEventsOp, listSlotsOp, createAppointmentOp, checkInAppointmentOp];
