import { z } from 'zod';
import type { BookableDays, BookedAppointment, BookingView } from '../../protocol/appointments.js';
import { CheckInAppointmentBody, CreateAppointmentBody } from '../../protocol/commands.js';
import { DayDate, Id } from '../../protocol/config-entities.js';
import { domainError, invalidTransition, notFound, type DomainError } from '../core/errors.js';
import { bookableDays, bookingsMatching, endedBookingError, slotEndsAt, slotPlacesOn, type CheckInArgs } from '../core/commands/appointments.js';
import { addDays, hallDay, weekdayOf } from '../core/hall-time.js';
import { isOffered } from '../core/offered.js';
import { appointmentDaysAheadOf } from '../core/ratings/settings.js';
import type { Appointment } from '../core/types.js';
import { newDigits } from '../auth/tokens.js';
import { bookingById, latestBookingBetween } from '../store/appointment-queries.js';
import { actorOf, type Caller } from './caller.js';
import { defineOperation, type OperationContext } from './operation.js';
import { answerNewTicket, resolveIdentity } from './ticket-ops.js';
import type { FullIdentity } from '../privacy/identity-keys.js';

const ServiceQuery = z.object({ serviceId: z.coerce.number().pipe(Id) }).strict();
const BookingTokenParams = z.object({ appointmentToken: z.string().min(16).max(100) }).strict();
const AppointmentIdParams = z.object({ appointmentId: z.coerce.number().int().positive() }).strict();

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

export const listBookableDaysOp = defineOperation({
  operationId: 'listBookableDays', method: 'GET', url: '/api/appointments/days', tag: 'appointments',
  summary: 'The dates a service may be booked, today to the booking horizon: closed (holiday or not its day) or places left. 可预约日期',
  roles: ['public'], query: ServiceQuery, rateLimited: true,
  handle(ctx, { query }): BookableDays | DomainError {
    const state = ctx.runner.state;
    const service = state.services.get(query.serviceId);
    if (!service) return notFound('service', query.serviceId);
    if (!isOffered(state, service) || service.appointmentsPerSlot === 0) return domainError('SERVICE_INACTIVE');
    const now = ctx.runner.clock();
    return { today: hallDay(now, state.settings.timeZone), daysAhead: appointmentDaysAheadOf(state.settings), days: bookableDays(state, service, now) };
  },
});

export const createAppointmentOp = defineOperation({
  operationId: 'createAppointment', method: 'POST', url: '/api/appointments', tag: 'appointments', successStatus: 201,
  summary: 'Book an appointment slot with real name; the answer\'s token is the visitor\'s handle on the booking. 预约',
  roles: ['public', 'staff'], body: CreateAppointmentBody, rateLimited: true,
  handle(ctx, { body }, caller): BookedAppointment | DomainError {
    const resolved = resolveIdentity(ctx, caller, { identity: body.identity });
    if ('ok' in resolved) return resolved;
    if (!resolved.person) return domainError('ID_REQUIRED');
    let token = '';
    const args = { serviceId: body.serviceId, date: body.date, slotStart: body.slotStart, person: resolved.person, code: newDigits(6) };
    const decision = ctx.runner.run('createAppointment', args, actorOf(caller), (_db, a) => {
      token = ctx.access.createAppointmentToken(a.id);
    });
    if (!decision.ok) return decision;
    const a = decision.result;
    return {
      id: a.id, serviceId: a.serviceId, date: a.date, slotStart: a.slotStart, slotEnd: a.slotEnd, code: a.code, status: a.status,
      person: { nameMasked: a.person.nameMasked, idMasked: a.person.idMasked }, ticketId: a.ticketId, token,
    };
  },
});

export const checkInAppointmentOp = defineOperation({
  operationId: 'checkInAppointment', method: 'POST', url: '/api/appointments/check-in', tag: 'appointments', successStatus: 201,
  summary: 'Check in an appointment at the kiosk with the ID card or the code; it joins the queue. 预约签到',
  roles: ['kiosk', 'staff'], body: CheckInAppointmentBody, waitsForDisk: true,
  async handle(ctx, { body }, caller) {
    let args: CheckInArgs;
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
    if (!decision.ok) {
      // Memory knows no booking by it: one of a day the hall has closed may still say why (expired, cancelled).
      const ended = bookingsMatching(ctx.runner.state, args).length === 0 ? closedDayBooking(ctx, args) : null;
      return ended ?? decision;
    }
    if ('cardToken' in body) ctx.cards.forget(body.cardToken);
    return answerNewTicket(ctx, caller, decision.result, token);
  },
});

/**
 * How far back a check-in looks for a booking of a day the hall has closed. A code is unique only among bookings
 * still standing and is given out again later: a week finds a late visitor's own booking, while a mistyped code
 * seldom meets someone else's old one (and even then hears only that it expired or was cancelled).
 */
const lateCheckInDays = 7;

/** A code or card the live hall knows no booking for: a booking of a day gone by says why it cannot be checked in. */
function closedDayBooking(ctx: OperationContext, args: CheckInArgs): DomainError | null {
  const today = hallDay(ctx.runner.clock(), ctx.runner.state.settings.timeZone);
  const stored = latestBookingBetween(ctx.stats.db, args, addDays(today, -lateCheckInDays), today);
  return stored ? endedBookingError(stored, today) : null;
}

/** Until its slot has ended, a booking not yet checked in may be cancelled; one of a day gone by never. */
export function mayCancel(ctx: OperationContext, a: Appointment): boolean {
  return a.status === 'booked' && ctx.runner.state.appointments.has(a.id) && slotEndsAt(a) > ctx.runner.clock();
}

/**
 * A booking as its visitor or a supervisor sees it. Given the booking's token (its visitor asking), a checked-in
 * booking also carries the token of its ticket's live page.
 */
function bookingView(ctx: OperationContext, a: Appointment, bookingToken: string | null): BookingView {
  const state = ctx.runner.state;
  const service = state.services.get(a.serviceId);
  const area = service ? state.areas.get(service.areaId) : undefined;
  const ticket = a.ticketId !== null ? state.tickets.get(a.ticketId) : undefined;
  const unknown = { zh: '—', en: '—' };
  return {
    id: a.id, serviceId: a.serviceId, serviceName: service?.name ?? unknown, areaId: service?.areaId ?? 0, areaName: area?.name ?? unknown,
    date: a.date, weekday: weekdayOf(a.date), slotStart: a.slotStart, slotEnd: a.slotEnd, code: a.code, status: a.status,
    person: { nameMasked: a.person.nameMasked, idMasked: a.person.idMasked },
    cancellable: mayCancel(ctx, a),
    ticket: ticket ? { number: ticket.number, visitToken: bookingToken ? ctx.access.visitTokenOfBooking(bookingToken, ticket.visitId) : null } : null,
  };
}

/**
 * Cancels a booking: the hall's live copy decides. A booking no longer in memory is of a day gone by, kept or missed
 * (or cancelled before), and is refused by the state it was left in.
 */
function cancel(ctx: OperationContext, stored: Appointment, caller: Caller, bookingToken: string | null): BookingView | DomainError {
  if (!ctx.runner.state.appointments.has(stored.id)) {
    return stored.status === 'booked' ? domainError('SLOT_PAST') : invalidTransition(stored.status, 'cancel', {}, 'appointment');
  }
  const decision = ctx.runner.run('cancelAppointment', { appointmentId: stored.id }, actorOf(caller));
  return decision.ok ? bookingView(ctx, decision.result, bookingToken) : decision;
}

export const getBookingOp = defineOperation({
  operationId: 'getBooking', method: 'GET', url: '/api/bookings/:appointmentToken', tag: 'appointments',
  summary: 'A visitor\'s own booking by its token: service, date, slot, code, status; once checked in, its ticket. 我的预约',
  roles: ['public'], params: BookingTokenParams, rateLimited: true,
  handle(ctx, { params }): BookingView | DomainError {
    const stored = ctx.access.appointmentByToken(params.appointmentToken);
    if (!stored) return notFound('appointment');
    return bookingView(ctx, ctx.runner.state.appointments.get(stored.id) ?? stored, params.appointmentToken);
  },
});

export const cancelBookingOp = defineOperation({
  operationId: 'cancelBooking', method: 'POST', url: '/api/bookings/:appointmentToken/cancel', tag: 'appointments',
  summary: 'A visitor cancels their own booking by its token, until its slot has ended. 取消预约',
  roles: ['public'], params: BookingTokenParams, rateLimited: true,
  handle(ctx, { params }, caller) {
    const stored = ctx.access.appointmentByToken(params.appointmentToken);
    if (!stored) return notFound('appointment');
    return cancel(ctx, stored, caller, params.appointmentToken);
  },
});

export const cancelAppointmentOp = defineOperation({
  operationId: 'cancelAppointment', method: 'POST', url: '/api/appointments/:appointmentId/cancel', tag: 'appointments',
  summary: 'A supervisor cancels a booking by its id (the visitor asked at the desk or by phone). 代为取消预约',
  roles: ['supervisor', 'admin'], params: AppointmentIdParams,
  handle(ctx, { params }, caller) {
    const live = ctx.runner.state.appointments.get(params.appointmentId);
    if (live) return cancel(ctx, live, caller, null);
    // A booking of a day gone by, from the day's list: kept, cancelled, or (booked or since marked missed) past its
    // slot, which is what the supervisor needs to hear, rather than that it does not exist.
    const stored = bookingById(ctx.stats.db, params.appointmentId);
    if (!stored) return notFound('appointment', params.appointmentId);
    return stored.status === 'missed' ? domainError('SLOT_PAST') : cancel(ctx, stored, caller, null);
  },
});

export const appointmentOperations = [
  listSlotsOp, listBookableDaysOp, createAppointmentOp, checkInAppointmentOp, getBookingOp, cancelBookingOp, cancelAppointmentOp,
];
