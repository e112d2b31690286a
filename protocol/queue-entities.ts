import { z } from 'zod';
import { Text } from './i18n.js';
import { DayDate, Id } from './config-entities.js';

export const TicketStatus = z.enum(['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'transferred']);
export type TicketStatus = z.infer<typeof TicketStatus>;

export const Channel = z.enum(['kiosk', 'online', 'appointment', 'transfer', 'staff']);
export type Channel = z.infer<typeof Channel>;

/** What a screen may show of a visitor: masked forms only. */
export const PublicPerson = z.object({ nameMasked: z.string(), idMasked: z.string() });

/** A ticket as screens render it. Times are epoch milliseconds. */
export const TicketView = z.object({
  id: Id,
  visitId: Id,
  number: z.string(),
  status: TicketStatus,
  channel: Channel,
  serviceId: Id,
  serviceName: Text,
  areaId: Id,
  person: PublicPerson.nullable(),
  priorityClassId: Id.nullable(),
  windowId: Id.nullable(),
  windowNumber: z.number().int().nullable(),
  targetWindowId: Id.nullable(),
  arrivedAt: z.number(),
  queueKey: z.number(),
  calledAt: z.number().nullable(),
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  recalls: z.number().int(),
  requeues: z.number().int(),
  hallDay: DayDate,
});
export type TicketView = z.infer<typeof TicketView>;

export const WindowStatus = z.enum(['closed', 'open', 'paused']);
export type WindowStatus = z.infer<typeof WindowStatus>;
export const PauseReason = z.enum(['lunch', 'break', 'meeting', 'other']);
export type PauseReason = z.infer<typeof PauseReason>;

/** A window as screens render it: its config plus what happens there now. */
export const WindowView = z.object({
  id: Id,
  number: z.number().int(),
  name: Text,
  areaId: Id,
  status: WindowStatus,
  pauseReason: PauseReason.nullable(),
  staffId: Id.nullable(),
  staffName: z.string().nullable(),
  currentTicket: TicketView.nullable(),
});
export type WindowView = z.infer<typeof WindowView>;

/** A window's day so far (GET /api/windows/:windowId/today), counted as the statistics count a leg. */
export interface WindowDayCounts { served: number; noShow: number; transferred: number }

/** Where a waiting ticket stands: people ahead and the estimated wait, from the dispatch rule run forward. */
export const Forecast = z.object({
  ticketId: Id,
  position: z.number().int().min(0),
  etaMinutes: z.number().nullable(),
});
export type Forecast = z.infer<typeof Forecast>;

export const AppointmentStatus = z.enum(['booked', 'checked_in', 'cancelled', 'missed']);
export const AppointmentView = z.object({
  id: Id,
  serviceId: Id,
  date: DayDate,
  slotStart: z.string(),
  slotEnd: z.string(),
  code: z.string(),
  status: AppointmentStatus,
  person: PublicPerson,
  ticketId: Id.nullable(),
});
export type AppointmentView = z.infer<typeof AppointmentView>;
