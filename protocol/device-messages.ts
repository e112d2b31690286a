import { z } from 'zod';
import { Id } from './config-entities.js';
import { Text } from './i18n.js';

// What the hall's hardware tells screens, and what the server asks of a window PC's desktop bridge.
// Kiosks get masked identities only; the full identity travels to a paired bridge alone.

/** A card read at this kiosk's reader: the one-time token to pass back when taking a ticket, and masked forms. */
export const KioskCard = z.object({
  cardToken: z.string(),
  nameMasked: z.string(),
  idMasked: z.string(),
  /** Full years on the hall day, from the card's birth date. */
  age: z.number().int().nullable(),
  /** The age priority class (e.g. 65+) the holder qualifies for, applied when the ticket is taken. */
  priorityClass: z.object({ id: Id, name: Text }).nullable(),
});
export type KioskCard = z.infer<typeof KioskCard>;

/** A device condition a screen shows: a stable code and the words for it. */
export const DeviceProblem = z.object({ code: z.string(), message: Text });
export type DeviceProblem = z.infer<typeof DeviceProblem>;

/** The outcome of printing a kiosk ticket, returned with the ticket: on failure the kiosk shows the QR itself. */
export const PrintOutcome = z.union([
  z.object({ ok: z.literal(true) }),
  z.object({ ok: z.literal(false), problem: DeviceProblem, sent: z.boolean() }),
]);
export type PrintOutcome = z.infer<typeof PrintOutcome>;

/** For supervisors and admins: something in the hall needs a person (a printer out of paper ...). */
export const HallAlert = z.object({
  code: z.string(),
  message: Text,
  deviceId: Id.nullable(),
  at: z.number(),
});
export type HallAlert = z.infer<typeof HallAlert>;

/** Sent to the bridge of one window: type this identity into the business system. */
export const FillRequest = z.object({
  requestId: z.string(),
  windowId: Id,
  ticketNumber: z.string(),
  /** Field name -> value, already formatted (dates YYYY-MM-DD, gender 男/女, nation by name). */
  identity: z.record(z.string()),
});
export type FillRequest = z.infer<typeof FillRequest>;

/** What the bridge reports back; never the values it typed. */
export const FillReport = z.object({
  requestId: z.string().min(1).max(64),
  ok: z.boolean(),
  code: z.string().max(64).optional(),
  message: Text.optional(),
  /** A failure after key strokes were sent: the form may be half filled and needs a look. */
  started: z.boolean().optional(),
  fields: z.number().int().min(0).max(100),
  elapsedMs: z.number().min(0).max(600_000),
}).strict();
export type FillReport = z.infer<typeof FillReport>;

/** Server -> client messages of the device layer, merged into ServerMessage. */
export const DeviceMessages = [
  z.object({ type: z.literal('card'), card: KioskCard }),
  z.object({ type: z.literal('cardRemoved') }),
  z.object({ type: z.literal('reader'), connected: z.boolean(), samOk: z.boolean(), problem: DeviceProblem.nullable() }),
  z.object({ type: z.literal('printer'), problem: DeviceProblem.nullable(), paperNearEnd: z.boolean() }),
  z.object({ type: z.literal('alert'), alert: HallAlert }),
  z.object({ type: z.literal('fill'), fill: FillRequest }),
  z.object({ type: z.literal('fillResult'), windowId: Id, result: FillReport }),
] as const;
