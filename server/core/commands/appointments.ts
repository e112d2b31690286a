import { domainError, invalidTransition, notFound } from '../errors.js';
import { hallDay, hallTimeToEpoch, parseEndOfPeriod, parseTimeOfDay, formatTimeOfDay, weekdayOf } from '../hall-time.js';
import { hoursOf } from '../hours.js';
import { nextNumber } from '../numbering.js';
import { duplicate } from './config.js';
import { offeredError, priorityFor } from './issue.js';
import type { Appointment, HallState, Person, Ticket } from '../types.js';
import type { Service } from '../../../protocol/config-entities.js';
import { accept, type Handler } from './decision.js';

/** The slots a service offers on a date: its sessions cut into slots of its appointment length. */
export function slotsOn(state: HallState, service: Service, date: string): { start: string; end: string }[] {
  const hours = hoursOf(state, service);
  if (!hours.days.includes(weekdayOf(date))) return [];
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

export interface SlotPlaces { start: string; end: string; left: number; passed?: true }

/**
 * The slots as the booking screens list them, with the places left: a passed slot has none and says so, so no screen
 * offers a place that booking would refuse.
 */
export function slotPlacesOn(state: HallState, service: Service, date: string, now: number): SlotPlaces[] {
  return slotsOn(state, service, date).map((s) => slotPassed(state, service, date, s.start, now)
    ? { ...s, left: 0, passed: true }
    : { ...s, left: Math.max(0, service.appointmentsPerSlot - bookedInSlot(state, service.id, date, s.start)) });
}

export function bookedInSlot(state: HallState, serviceId: number, date: string, slotStart: string): number {
  let n = 0;
  for (const a of state.appointments.values()) {
    if (a.serviceId === serviceId && a.date === date && a.slotStart === slotStart && (a.status === 'booked' || a.status === 'checked_in')) n++;
  }
  return n;
}

export interface BookArgs { serviceId: number; date: string; slotStart: string; person: Person; code: string }

export const createAppointment: Handler<BookArgs, Appointment> = (state, args, ctx) => {
  const service = state.services.get(args.serviceId);
  if (!service) return notFound('service', args.serviceId);
  if (offeredError(state, service) || service.appointmentsPerSlot === 0) return domainError('SERVICE_INACTIVE');
  const slot = slotsOn(state, service, args.date).find((s) => s.start === args.slotStart);
  if (!slot) return domainError('SLOT_INVALID');
  const startsAt = hallTimeToEpoch(args.date, slot.start, state.settings.timeZone);
  if (slotPassed(state, service, args.date, slot.start, ctx.now)) return domainError('SLOT_PAST');
  if (bookedInSlot(state, service.id, args.date, slot.start) >= service.appointmentsPerSlot) return domainError('SLOT_FULL');
  for (const a of state.appointments.values()) {
    if (a.serviceId === service.id && a.date === args.date && (a.status === 'booked' || a.status === 'checked_in') && a.person.idHash === args.person.idHash) {
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

export type CheckInArgs = { code: string } | { idHash: string };

/**
 * Check-in turns today's appointment into a ticket that goes first once its slot has begun. A visitor who arrives
 * after the slot has ended joins the queue as everyone else does.
 */
export const checkInAppointment: Handler<CheckInArgs, Ticket> = (state, args, ctx) => {
  const today = hallDay(ctx.now, state.settings.timeZone);
  const matches = [...state.appointments.values()]
    .filter((a) => ('code' in args ? a.code === args.code : a.person.idHash === args.idHash))
    .sort((a, b) => a.startsAt - b.startsAt);
  const forToday = matches.filter((a) => a.date === today && a.status === 'booked');
  if (forToday.length === 0) {
    if (matches.some((a) => a.status === 'booked' && a.date !== today)) return domainError('APPOINTMENT_NOT_DUE');
    // Entered again at the kiosk: tell the visitor the number they already hold, not a ticket state.
    const checkedIn = matches.find((a) => a.date === today && a.status === 'checked_in' && a.ticketId !== null);
    const held = checkedIn ? state.tickets.get(checkedIn.ticketId!) : undefined;
    if (held) return domainError('ALREADY_CHECKED_IN', { number: held.number });
    if (matches.length > 0) return invalidTransition(matches[0].status, 'checkIn');
    return notFound('appointment');
  }
  const appointment = forToday[0];
  const service = state.services.get(appointment.serviceId);
  if (!service) return notFound('service', appointment.serviceId);
  // The appointment stays booked: checked in once the service is offered again, or missed at the day's close.
  const notOffered = offeredError(state, service);
  if (notOffered) return notOffered;
  const slotEndsAt = appointment.startsAt + (parseEndOfPeriod(appointment.slotEnd) - parseTimeOfDay(appointment.slotStart)) * 60_000;
  const id = state.lastId.ticket + 1;
  const numbered = nextNumber(state, service, today);
  const priority = priorityFor(state, appointment.person, null, today);
  const ticket: Ticket = {
    id, visitId: id, number: numbered.number, seqNo: numbered.seqNo, status: 'waiting', channel: 'appointment',
    serviceId: service.id, person: appointment.person, priorityClassId: typeof priority === 'number' ? priority : null,
    targetWindowId: null, appointmentId: appointment.id, appointmentStartsAt: ctx.now < slotEndsAt ? appointment.startsAt : null,
    windowId: null, staffId: null, arrivedAt: ctx.now, issuedAt: ctx.now, queueKey: ctx.now, calledAt: null, startedAt: null,
    finishedAt: null, recalls: 0, requeues: 0, hallDay: numbered.hallDay, transferredFromId: null,
  };
  const checkedIn: Appointment = { ...appointment, status: 'checked_in', ticketId: id };
  return accept([{ type: 'appointment.checkedIn', appointment: checkedIn, ticket }], ticket);
};
