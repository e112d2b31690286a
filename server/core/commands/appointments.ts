import { domainError, invalidTransition, notFound, type DomainError } from '../errors.js';
import { addDays, hallDay, hallTimeToEpoch, parseEndOfPeriod, parseTimeOfDay, formatTimeOfDay, weekdayOf } from '../hall-time.js';
import { closedReason, hallCalendar } from '../hall-calendar.js';
import { hoursOf, openingOf } from '../hours.js';
import { nextNumber } from '../numbering.js';
import { appointmentDaysAheadOf } from '../ratings/settings.js';
import { duplicate } from './config.js';
import { offeredError, priorityFor } from './issue.js';
import type { Appointment, HallState, Person, Ticket } from '../types.js';
import type { Service } from '../../../protocol/config-entities.js';
import type { BookableDay, SlotPlaces } from '../../../protocol/appointments.js';
import { accept, type Handler } from './decision.js';

/** The slots a service offers on a date: its sessions cut into slots of its appointment length; none on a day off. */
export function slotsOn(state: HallState, service: Service, date: string): { start: string; end: string }[] {
  const hours = hoursOf(state, service);
  if (closedReason(hallCalendar(state.settings), hours.days, date) !== null) return [];
  const out: { start: string; end: string }[] = [];
  for (const s of hours.sessions) {
    for (let m = parseTimeOfDay(s.start); m + service.appointmentSlotMinutes <= parseEndOfPeriod(s.end); m += service.appointmentSlotMinutes) {
      out.push({ start: formatTimeOfDay(m), end: formatTimeOfDay(m + service.appointmentSlotMinutes) });
    }
  }
  return out;
}

/**
 * A slot has passed once it has ended; booking it is refused (SLOT_PAST). Reckoned from the start, not from the end
 * time's text: a slot ending at midnight reads '00:00'.
 */
export function slotPassed(state: HallState, service: Service, date: string, slotStart: string, now: number): boolean {
  return hallTimeToEpoch(date, slotStart, state.settings.timeZone) + service.appointmentSlotMinutes * 60_000 <= now;
}

/** When a booked slot ends: until then it may be cancelled, and a check-in still goes ahead of walk-ins. */
export function slotEndsAt(a: Appointment): number {
  return a.startsAt + (parseEndOfPeriod(a.slotEnd) - parseTimeOfDay(a.slotStart)) * 60_000;
}

/**
 * The slots as the booking screens list them, with the places left: a passed slot has none and says so, so no screen
 * offers a place that booking would refuse.
 */
export function slotPlacesOn(state: HallState, service: Service, date: string, now: number): SlotPlaces[] {
  const taken = placesTaken(state, service.id, date);
  return slotsOn(state, service, date).map((s) => slotPassed(state, service, date, s.start, now)
    ? { ...s, left: 0, passed: true }
    : { ...s, left: Math.max(0, service.appointmentsPerSlot - (taken.get(s.start) ?? 0)) });
}

/** A cancelled or missed booking gives its place back. */
export function holdsPlace(a: Appointment): boolean {
  return a.status === 'booked' || a.status === 'checked_in';
}

/** Places taken in each slot of a service's day, by slot start. */
function placesTaken(state: HallState, serviceId: number, date: string): Map<string, number> {
  const taken = new Map<string, number>();
  for (const a of state.appointments.values()) {
    if (a.serviceId === serviceId && a.date === date && holdsPlace(a)) taken.set(a.slotStart, (taken.get(a.slotStart) ?? 0) + 1);
  }
  return taken;
}

/** The last date the hall takes bookings for today (today is day 0), or null when it takes none at all. */
export function lastBookableDate(state: HallState, now: number): string | null {
  const days = appointmentDaysAheadOf(state.settings);
  return days === 0 ? null : addDays(hallDay(now, state.settings.timeZone), days);
}

/** The phone's date picker: every date from today to the horizon, closed (and why) or with the places left. */
export function bookableDays(state: HallState, service: Service, now: number): BookableDay[] {
  const last = lastBookableDate(state, now);
  if (last === null) return [];
  const calendar = hallCalendar(state.settings);
  const weekdays = hoursOf(state, service).days;
  const out: BookableDay[] = [];
  for (let date = hallDay(now, state.settings.timeZone); date <= last; date = addDays(date, 1)) {
    const closed = closedReason(calendar, weekdays, date);
    const slots = closed ? [] : slotPlacesOn(state, service, date, now);
    const day: BookableDay = { date, weekday: weekdayOf(date), closed, left: slots.reduce((n, s) => n + s.left, 0) };
    if (slots.length > 0 && slots.every((s) => s.passed)) day.over = true;
    out.push(day);
  }
  return out;
}

/**
 * The slot asked for, or why the hall takes no booking for it: no bookings at all, no such slot that day (a public
 * holiday is named as such), or a date past the horizon.
 */
function bookableSlot(state: HallState, service: Service, date: string, slotStart: string, now: number): { start: string; end: string } | DomainError {
  const last = lastBookableDate(state, now);
  if (last === null) return domainError('APPOINTMENTS_OFF');
  const slot = slotsOn(state, service, date).find((s) => s.start === slotStart);
  if (!slot) {
    const holiday = closedReason(hallCalendar(state.settings), hoursOf(state, service).days, date) === 'holiday';
    return holiday ? domainError('HALL_HOLIDAY', { date }) : domainError('SLOT_INVALID');
  }
  if (date > last) return domainError('SLOT_TOO_FAR', { days: appointmentDaysAheadOf(state.settings), lastDate: last });
  return slot;
}

export interface BookArgs { serviceId: number; date: string; slotStart: string; person: Person; code: string }

export const createAppointment: Handler<BookArgs, Appointment> = (state, args, ctx) => {
  const service = state.services.get(args.serviceId);
  if (!service) return notFound('service', args.serviceId);
  if (offeredError(state, service) || service.appointmentsPerSlot === 0) return domainError('SERVICE_INACTIVE');
  const slot = bookableSlot(state, service, args.date, args.slotStart, ctx.now);
  if ('ok' in slot) return slot;
  const startsAt = hallTimeToEpoch(args.date, slot.start, state.settings.timeZone);
  if (slotPassed(state, service, args.date, slot.start, ctx.now)) return domainError('SLOT_PAST');
  if ((placesTaken(state, service.id, args.date).get(slot.start) ?? 0) >= service.appointmentsPerSlot) return domainError('SLOT_FULL');
  for (const a of state.appointments.values()) {
    if (a.serviceId === service.id && a.date === args.date && holdsPlace(a) && a.person.idHash === args.person.idHash) {
      return domainError('ALREADY_BOOKED');
    }
    if (a.code === args.code && a.status === 'booked') return duplicate('appointmentCode', '******');
  }
  const appointment: Appointment = {
    id: state.lastId.appointment + 1, serviceId: service.id, date: args.date, slotStart: slot.start, slotEnd: slot.end,
    startsAt, code: args.code, status: 'booked', person: args.person, ticketId: null, bookedAt: ctx.now,
  };
  return accept([{ type: 'appointment.booked', appointment }], appointment);
};

/**
 * The visitor (by their booking's token) or a supervisor cancels a booking; its place is free again. Only a booking
 * not yet checked in, until its slot has ended: after that it is kept or missed, and the day's close says which.
 * Who cancelled is the event's actor.
 */
export const cancelAppointment: Handler<{ appointmentId: number }, Appointment> = (state, args, ctx) => {
  const appointment = state.appointments.get(args.appointmentId);
  if (!appointment) return notFound('appointment', args.appointmentId);
  if (appointment.status !== 'booked') return invalidTransition(appointment.status, 'cancel', {}, 'appointment');
  if (slotEndsAt(appointment) <= ctx.now) return domainError('SLOT_PAST');
  const cancelled: Appointment = { ...appointment, status: 'cancelled' };
  return accept([{ type: 'appointment.cancelled', appointment: cancelled }], cancelled);
};

export type CheckInArgs = { code: string } | { idHash: string };

/** The bookings in memory a check-in's code or card stands for, earliest slot first. */
export function bookingsMatching(state: HallState, args: CheckInArgs): Appointment[] {
  return [...state.appointments.values()]
    .filter((a) => ('code' in args ? a.code === args.code : a.person.idHash === args.idHash))
    .sort((a, b) => a.startsAt - b.startsAt);
}

/**
 * Why a booking that is not due today cannot be checked in: it was cancelled, or its day is over (missed, or kept
 * on a day gone by). The visitor holding the code hears that and nothing more of the booking.
 */
export function endedBookingError(a: Appointment, today: string): DomainError {
  if (a.status === 'cancelled') return domainError('APPOINTMENT_CANCELLED');
  if (a.date < today) return domainError('APPOINTMENT_EXPIRED');
  return invalidTransition(a.status, 'checkIn', {}, 'appointment');
}

/**
 * Whether a service still takes visitors today: open now, or opening again later today (before its first session,
 * over a break). Read from the same opening as a walk-in's ticket; past its last session, or on a day it is not
 * worked, a ticket could no longer be called today.
 */
function takesVisitorsLaterToday(state: HallState, service: Service, now: number, today: string): boolean {
  const opening = openingOf(state, service, now);
  return opening.open || opening.nextOpening?.date === today;
}

/**
 * Check-in turns today's appointment into a ticket that goes first once its slot has begun. A visitor who arrives
 * after the slot has ended, while the service is still open, joins the queue as everyone else does. A visitor early
 * for a slot later today is checked in, even before the windows open or over the lunch break: the service opens
 * again today and the slot keeps its place. Once the service has closed for the day, check-in is refused
 * (CHECK_IN_CLOSED), as a walk-in's ticket is: the ticket could never be called.
 */
export const checkInAppointment: Handler<CheckInArgs, Ticket> = (state, args, ctx) => {
  const today = hallDay(ctx.now, state.settings.timeZone);
  const matches = bookingsMatching(state, args);
  const forToday = matches.filter((a) => a.date === today && a.status === 'booked');
  if (forToday.length === 0) {
    if (matches.some((a) => a.status === 'booked' && a.date > today)) return domainError('APPOINTMENT_NOT_DUE');
    // Entered again at the kiosk: tell the visitor the number they already hold, not a ticket state.
    const checkedIn = matches.find((a) => a.date === today && a.status === 'checked_in' && a.ticketId !== null);
    const held = checkedIn ? state.tickets.get(checkedIn.ticketId!) : undefined;
    if (held) return domainError('ALREADY_CHECKED_IN', { number: held.number });
    // A code is given again once its booking no longer stands: the latest booking is the one the visitor means.
    const latest = matches.at(-1);
    return latest ? endedBookingError(latest, today) : notFound('appointment');
  }
  const appointment = forToday[0];
  const service = state.services.get(appointment.serviceId);
  if (!service) return notFound('service', appointment.serviceId);
  // The appointment stays booked: checked in once the service is offered again, or missed at the day's close.
  const notOffered = offeredError(state, service);
  if (notOffered) return notOffered;
  if (!takesVisitorsLaterToday(state, service, ctx.now, today)) return domainError('CHECK_IN_CLOSED');
  const id = state.lastId.ticket + 1;
  const numbered = nextNumber(state, service, today);
  const priority = priorityFor(state, appointment.person, null, today);
  const ticket: Ticket = {
    id, visitId: id, number: numbered.number, seqNo: numbered.seqNo, status: 'waiting', channel: 'appointment',
    serviceId: service.id, person: appointment.person, priorityClassId: typeof priority === 'number' ? priority : null,
    targetWindowId: null, appointmentId: appointment.id, appointmentStartsAt: ctx.now < slotEndsAt(appointment) ? appointment.startsAt : null,
    windowId: null, staffId: null, arrivedAt: ctx.now, issuedAt: ctx.now, queueKey: ctx.now, calledAt: null, startedAt: null,
    finishedAt: null, recalls: 0, requeues: 0, hallDay: numbered.hallDay, transferredFromId: null,
  };
  const checkedIn: Appointment = { ...appointment, status: 'checked_in', ticketId: id };
  return accept([{ type: 'appointment.checkedIn', appointment: checkedIn, ticket }], ticket);
};
