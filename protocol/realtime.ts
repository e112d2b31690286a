import { z } from 'zod';
import { Area, HallSettings, Id, Service } from './config-entities.js';
import { ErrorBody, Text } from './i18n.js';
import { Forecast, TicketView, WindowView } from './queue-entities.js';
import { DeviceMessages } from './device-messages.js';
import { LiveWarning } from './stats.js';

/** What a client follows: the whole hall, one area, one window (a caller pad), or one visit (a phone). */
export const Follow = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('hall') }),
  z.object({ scope: z.literal('area'), areaId: Id }),
  z.object({ scope: z.literal('window'), windowId: Id }),
  z.object({ scope: z.literal('ticket'), ticketToken: z.string().min(16).max(100) }),
]);
export type Follow = z.infer<typeof Follow>;

export const ClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('hello'), token: z.string().max(200).optional(), follow: Follow, lastSeq: z.number().int().min(0).optional() }),
  z.object({ type: z.literal('command'), id: z.string().min(1).max(64), name: z.string().min(1).max(64), args: z.record(z.unknown()).default({}) }),
  z.object({ type: z.literal('resync') }),
  /** Browsers cannot see WebSocket ping frames, so screens ping at the application level to notice a dead link. */
  z.object({ type: z.literal('ping') }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

export const PublicService = Service.pick({ id: true, code: true, areaId: true, name: true, prefix: true, idRequired: true, onlineAllowed: true, active: true });
export type PublicService = z.infer<typeof PublicService>;

/** Everything a board or pad needs to draw its screen, tagged with the seq it is current at. */
export const HallSnapshot = z.object({
  kind: z.literal('hall'),
  hall: z.object({ name: Text, notice: Text, hallDay: z.string(), timeZone: z.string(), yellowWaitMinutes: z.number(), redWaitMinutes: z.number() }),
  areas: z.array(Area),
  services: z.array(PublicService),
  windows: z.array(WindowView.extend({ lastTicket: TicketView.nullable() })),
  waiting: z.array(TicketView),
  recentCalls: z.array(TicketView),
  forecasts: z.array(Forecast),
});
export type HallSnapshot = z.infer<typeof HallSnapshot>;

/** A phone sees its own visit and public queue data only. */
export const VisitSnapshot = z.object({
  kind: z.literal('visit'),
  hall: z.object({ name: Text }),
  ticket: TicketView,
  forecast: Forecast.nullable(),
  /**
   * Whether a window that can call this ticket (one serving its service, or the one it was sent to) is open now: a
   * visitor near the front with no such window is not told their turn is coming.
   */
  anyWindowOpen: z.boolean(),
  window: z.object({ number: z.number().int(), name: Text }).nullable(),
  /** The hall has closed the ticket's day (its close ends whatever was still open): the ticket can no longer be called. */
  dayClosed: z.boolean(),
});
export type VisitSnapshot = z.infer<typeof VisitSnapshot>;

export const PublicEvent = z.object({
  type: z.string(),
  at: z.number(),
  ticket: TicketView.optional(),
  previous: TicketView.optional(),
  window: WindowView.optional(),
  reason: z.string().nullable().optional(),
});
export type PublicEvent = z.infer<typeof PublicEvent>;

export const ServerMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('snapshot'), seq: z.number(), data: z.union([HallSnapshot, VisitSnapshot]) }),
  /** prev is the seq of the previous message this connection got: a mismatch means a gap, so ask for a resync. */
  z.object({ type: z.literal('event'), seq: z.number(), prev: z.number(), event: PublicEvent }),
  z.object({ type: z.literal('forecast'), seq: z.number(), forecasts: z.array(Forecast) }),
  z.object({ type: z.literal('visit'), seq: z.number(), data: VisitSnapshot }),
  z.object({ type: z.literal('config'), seq: z.number() }),
  z.object({ type: z.literal('reply'), id: z.string(), result: z.unknown() }),
  z.object({ type: z.literal('error'), id: z.string().optional(), error: ErrorBody }),
  /** Kiosk card reader and printer, hall alerts, desktop bridge fills: see device-messages.ts. */
  ...DeviceMessages,
  /** To staff screens following the hall: the yellow and red lights now, sent whenever they change. */
  z.object({ type: z.literal('warnings'), at: z.number(), warnings: z.array(LiveWarning) }),
  z.object({ type: z.literal('pong') }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

export { HallSettings };
