import { z } from 'zod';
import { Area, DayDate, HallSettings, Id, PriorityClass, Service, Staff, TimeOfDay, Window } from './config-entities.js';
import { PauseReason } from './queue-entities.js';

/** Name + ID number as typed on the phone page. The check digit is verified by the server too. */
export const TypedIdentity = z.object({
  name: z.string().trim().min(1).max(40),
  idNumber: z.string().trim().regex(/^\d{17}[\dXx]$/, '18 characters: 17 digits and a digit or X'),
}).strict();
export type TypedIdentity = z.infer<typeof TypedIdentity>;

export const IssueTicketBody = z.object({
  serviceId: Id,
  /** Online visitors type their identity; a kiosk passes the token of the card its reader just read. */
  identity: TypedIdentity.optional(),
  cardToken: z.string().min(8).max(64).optional(),
  priorityClassId: Id.optional(),
}).strict();

export const CancelTicketBody = z.object({ reason: z.string().max(200).optional() }).strict();
export const WindowCommandBody = z.object({}).strict();
export const CallTicketBody = z.object({ ticketId: Id, reason: z.string().trim().min(1).max(200) }).strict();
export const TransferTicketBody = z.union([
  z.object({ serviceId: Id, windowId: z.undefined().optional() }).strict(),
  z.object({ windowId: Id, serviceId: Id.optional() }).strict(),
]);
/** `takeOver` (顶岗): open a window a colleague staffs and work it from now on; without it a clerk is refused there. */
export const SetWindowStatusBody = z.discriminatedUnion('status', [
  z.object({ status: z.literal('open'), takeOver: z.boolean().optional() }).strict(),
  z.object({ status: z.literal('closed') }).strict(),
  z.object({ status: z.literal('paused'), reason: PauseReason }).strict(),
]);

export const CreateAppointmentBody = z.object({
  serviceId: Id,
  date: DayDate,
  slotStart: TimeOfDay,
  identity: TypedIdentity,
}).strict();
export const CheckInAppointmentBody = z.union([
  z.object({ code: z.string().regex(/^\d{6}$/) }).strict(),
  z.object({ cardToken: z.string().min(8).max(64) }).strict(),
  z.object({ identity: TypedIdentity }).strict(),
]);

export const LoginBody = z.object({ staffNumber: z.string().min(1).max(32), password: z.string().min(1).max(200) }).strict();
export const PairDeviceBody = z.object({ code: z.string().regex(/^\d{8}$/), name: z.string().max(60).optional() }).strict();
export const DeviceRole = z.enum(['kiosk', 'board', 'pad', 'bridge']);
export type DeviceRole = z.infer<typeof DeviceRole>;
export const CreatePairingCodeBody = z.object({
  role: DeviceRole,
  areaId: Id.nullable().optional(),
  windowId: Id.nullable().optional(),
}).strict();

/** Config bodies: the entity without its id (the server assigns it); updates send the whole entity. */
export const AreaInput = Area.omit({ id: true }).strict();
export const ServiceInput = Service.omit({ id: true }).strict();
export const WindowInput = Window.omit({ id: true }).strict();
export const StaffInput = Staff.omit({ id: true }).extend({ password: z.string().min(8).max(200).optional() }).strict();
export const PriorityClassInput = PriorityClass.omit({ id: true }).strict();
export const SettingsInput = HallSettings.strict();
