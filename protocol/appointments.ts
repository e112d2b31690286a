import type { Text } from './i18n.js';

// What the phone's booking pages read: the days a service may be booked, a booking by its token, and what the
// public hall adds for booking. Dates are 'YYYY-MM-DD' and times 'HH:MM' on the hall's clock.

/** Why the hall does not work a date for a service: a listed public holiday, or a weekday outside its hours. */
export type DayClosedReason = 'holiday' | 'not_service_day';

export type AppointmentStatus = 'booked' | 'checked_in' | 'cancelled' | 'missed';

/** A slot as the booking screens list it: a slot that has ended has no places and says so. */
export interface SlotPlaces { start: string; end: string; left: number; passed?: true }

/** One date of the phone's date picker, from today (day 0) to the booking horizon. */
export interface BookableDay {
  date: string;
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** null when the hall works that day for the service. */
  closed: DayClosedReason | null;
  /** Places left in all the day's slots not yet over; 0 on a closed or full day. */
  left: number;
  /** Today, once every slot has ended: nothing left to book, though nothing was full. */
  over?: true;
}

export interface BookableDays {
  today: string;
  /** The hall's booking window: today counts as day 0; 0 means the hall takes no appointments. */
  daysAhead: number;
  days: BookableDay[];
}

/** A booking as its visitor (by the appointment token) or a supervisor sees it: masked identity only. */
export interface BookingView {
  id: number;
  serviceId: number;
  serviceName: Text;
  areaId: number;
  areaName: Text;
  date: string;
  weekday: number;
  slotStart: string;
  slotEnd: string;
  /** The 6 digits the kiosk checks the booking in by. */
  code: string;
  status: AppointmentStatus;
  person: { nameMasked: string; idMasked: string };
  /** Until the slot has ended, a booked appointment may be cancelled. */
  cancellable: boolean;
  /**
   * Once checked in, while its ticket is of the current hall day: the ticket's number, and (to its visitor only) the
   * token its live page follows it by.
   */
  ticket: { number: string; visitToken: string | null } | null;
}

/** What booking answers: the booking, and the token that is its visitor's only handle on it. */
export interface BookedAppointment {
  id: number;
  serviceId: number;
  date: string;
  slotStart: string;
  slotEnd: string;
  code: string;
  status: AppointmentStatus;
  person: { nameMasked: string; idMasked: string };
  ticketId: number | null;
  token: string;
}

/** What GET /api/public/hall adds for booking: the horizon, and per service whether it takes appointments. */
export interface BookingHallFields { appointmentDaysAhead: number }
export interface BookingServiceFields { takesAppointments: boolean }

/**
 * One booking in the supervisors' list of a day (GET /api/appointments): who booked, masked; its state and when it was
 * made. Not its check-in code: that is the visitor's, and checks the booking in at any kiosk.
 */
export interface AppointmentListEntry {
  id: number;
  status: AppointmentStatus;
  person: { nameMasked: string; idMasked: string };
  /** Epoch ms. */
  bookedAt: number;
  /** Once checked in: the number of the ticket it became. */
  ticketNumber: string | null;
  /** Booked, its slot not yet over, on a day the hall still holds live: a supervisor may cancel it. */
  cancellable: boolean;
}

/** A slot of the day with its places: `taken` counts the bookings that hold one (booked and checked in). */
export interface AppointmentSlotList {
  start: string;
  end: string;
  capacity: number;
  taken: number;
  passed: boolean;
  bookings: AppointmentListEntry[];
}

/**
 * A service's day: the slots its hours offer that date, and any slot a booking holds besides (booked before the hours
 * or the calendar changed), each with its bookings.
 */
export interface ServiceAppointmentList {
  serviceId: number;
  serviceName: Text;
  prefix: string;
  areaName: Text;
  /** Why the hall does not work the date for the service (bookings made before a holiday was set still show). */
  closed: DayClosedReason | null;
  slots: AppointmentSlotList[];
}

/** GET /api/appointments: a date's bookings per service, for the services that take appointments or hold some. */
export interface AppointmentDayList {
  date: string;
  weekday: number;
  /** The hall's today, on its own clock. */
  today: string;
  services: ServiceAppointmentList[];
}

/** GET /api/appointments/standing: the bookings still standing on a date, asked before it is made a holiday. */
export interface StandingBookings { date: string; booked: number }
