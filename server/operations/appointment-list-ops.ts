import { z } from 'zod';
import type { AppointmentDayList, AppointmentListEntry, AppointmentSlotList, ServiceAppointmentList, StandingBookings } from '../../protocol/appointments.js';
import { DayDate, Id, isCalendarDay, type Service } from '../../protocol/config-entities.js';
import { holdsPlace, slotPassed, slotsOn } from '../core/commands/appointments.js';
import { notFound, type DomainError } from '../core/errors.js';
import { closedReason, hallCalendar } from '../core/hall-calendar.js';
import { hallDay, weekdayOf } from '../core/hall-time.js';
import { hoursOf } from '../core/hours.js';
import { isOffered } from '../core/offered.js';
import { bookingsOn, serviceRecord, standingBookingCounts, type StoredBooking } from '../store/appointment-queries.js';
import { mayCancel } from './appointment-ops.js';
import { defineOperation, type OperationContext } from './operation.js';

/**
 * Who booked is personal data, masked or not: the same readers as the ratings ledger and the audit log. Window staff
 * read no such lists (their follow-up cases aside); the kiosk checks a visitor in by card or code, not from a list.
 */
const readers = ['supervisor', 'admin'] as const;

/** The dates a holiday list is about to gain; a year of them at most. */
const DateList = z.string().regex(/^\d{4}-\d{2}-\d{2}(,\d{4}-\d{2}-\d{2}){0,365}$/, 'YYYY-MM-DD[,YYYY-MM-DD…]')
  .refine((list) => list.split(',').every(isCalendarDay), '含有不存在的日期 | holds a day that is not on the calendar');

function entryOf(ctx: OperationContext, { appointment: a, ticketNumber }: StoredBooking): AppointmentListEntry {
  return {
    id: a.id, status: a.status, person: { nameMasked: a.person.nameMasked, idMasked: a.person.idMasked }, bookedAt: a.bookedAt,
    ticketNumber: a.status === 'checked_in' ? ticketNumber : null, cancellable: mayCancel(ctx, a),
  };
}

/**
 * A service's slots that date, each with its bookings; a slot only a booking still names is listed as well. A service
 * deleted since offers no slots: only its bookings' are listed.
 */
function serviceDay(ctx: OperationContext, service: Service, date: string, bookings: StoredBooking[]): ServiceAppointmentList {
  const state = ctx.runner.state;
  const now = ctx.runner.clock();
  const slots = new Map<string, AppointmentSlotList>();
  const slot = (start: string, end: string) => {
    let s = slots.get(start);
    if (!s) slots.set(start, s = { start, end, capacity: service.appointmentsPerSlot, taken: 0, passed: slotPassed(state, service, date, start, now), bookings: [] });
    return s;
  };
  const live = state.services.has(service.id);
  if (live) for (const s of slotsOn(state, service, date)) slot(s.start, s.end);
  for (const b of bookings) {
    const s = slot(b.appointment.slotStart, b.appointment.slotEnd);
    s.bookings.push(entryOf(ctx, b));
    if (holdsPlace(b.appointment)) s.taken += 1;
  }
  const area = state.areas.get(service.areaId);
  return {
    serviceId: service.id, serviceName: service.name, prefix: service.prefix, areaName: area?.name ?? { zh: '—', en: '—' },
    closed: live ? closedReason(hallCalendar(state.settings), hoursOf(state, service).days, date) : null,
    slots: [...slots.values()].sort((a, b) => (a.start < b.start ? -1 : 1)),
  };
}

/** The services a day lists: those taking appointments now, and any holding bookings that date, deleted since or not. */
function listedServices(ctx: OperationContext, byService: Map<number, StoredBooking[]>, only: number | null): Service[] {
  const state = ctx.runner.state;
  const taking = [...state.services.values()].filter((s) => (only === null || s.id === only) && isOffered(state, s) && s.appointmentsPerSlot > 0);
  const holding = [...byService.keys()].map((id) => state.services.get(id) ?? serviceRecord(ctx.stats.db, id)).filter((s): s is Service => s !== null && s !== undefined);
  return [...new Map([...taking, ...holding].map((s) => [s.id, s])).values()].sort((a, b) => a.areaId - b.areaId || a.id - b.id);
}

export const listAppointmentsOp = defineOperation({
  operationId: 'listAppointments', method: 'GET', url: '/api/appointments', tag: 'appointments',
  summary: 'A date\'s bookings per service and slot, places taken of the capacity, masked names and ID numbers; any day, past ones from the database. 预约管理',
  roles: [...readers], query: z.object({ date: DayDate, serviceId: z.coerce.number().pipe(Id).optional() }).strict(),
  handle(ctx, { query }): AppointmentDayList | DomainError {
    const state = ctx.runner.state;
    const only = query.serviceId ?? null;
    if (only !== null && !state.services.has(only) && !serviceRecord(ctx.stats.db, only)) return notFound('service', only);
    const byService = new Map<number, StoredBooking[]>();
    for (const b of bookingsOn(ctx.stats.db, query.date, only)) {
      const list = byService.get(b.appointment.serviceId);
      if (list) list.push(b);
      else byService.set(b.appointment.serviceId, [b]);
    }
    return {
      date: query.date, weekday: weekdayOf(query.date), today: hallDay(ctx.runner.clock(), state.settings.timeZone),
      services: listedServices(ctx, byService, only).map((s) => serviceDay(ctx, s, query.date, byService.get(s.id) ?? [])),
    };
  },
});

export const countStandingBookingsOp = defineOperation({
  operationId: 'countStandingBookings', method: 'GET', url: '/api/appointments/standing', tag: 'appointments',
  summary: 'Bookings still standing (booked) on each date given, comma-separated: what the settings page warns of before making them holidays. 节假日已有预约',
  roles: [...readers], query: z.object({ date: DateList }).strict(),
  handle(ctx, { query }): StandingBookings[] {
    const dates = [...new Set(query.date.split(','))];
    const counts = standingBookingCounts(ctx.stats.db, dates);
    return dates.map((date) => ({ date, booked: counts.get(date) ?? 0 }));
  },
});

export const appointmentListOperations = [listAppointmentsOp, countStandingBookingsOp];
