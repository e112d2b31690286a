import { z } from 'zod';
import { bilingual, DayDate } from './config-entities.js';
import type { Text } from './i18n.js';

/**
 * The audit log as the admin screens and a hall's security review read it: the operations log (every queue and
 * config event) and the access log (sign-ins, sign-outs, failed sign-ins, device pairing and revocation), each
 * filtered by hall days and read newest first, a page at a time.
 */

/** The kinds of change the operations log is filtered by; each event type belongs to exactly one. */
export const AuditKind = z.enum(['tickets', 'windows', 'ratings', 'config', 'appointments']);
export type AuditKind = z.infer<typeof AuditKind>;

export const auditKindNames: Record<AuditKind, Text> = {
  tickets: { zh: '叫号与票号', en: 'Calls and tickets' },
  windows: { zh: '窗口状态', en: 'Windows' },
  ratings: { zh: '评价与跟进', en: 'Ratings and follow-ups' },
  config: { zh: '配置', en: 'Configuration' },
  appointments: { zh: '预约', en: 'Appointments' },
};

/** The one place event types are grouped; the server's query and the page's filter both read it. */
export const eventKinds = {
  tickets: ['ticket.issued', 'ticket.called', 'ticket.recalled', 'ticket.started', 'ticket.finished', 'ticket.noShow',
    'ticket.requeued', 'ticket.transferred', 'ticket.cancelled', 'day.closed'],
  windows: ['window.statusChanged'],
  ratings: ['rating.recorded', 'case.numbered', 'followUp.updated'],
  config: ['config.saved', 'config.deleted', 'settings.saved'],
  appointments: ['appointment.booked', 'appointment.checkedIn', 'appointment.cancelled'],
} as const satisfies Record<AuditKind, readonly string[]>;

export const AccessKind = z.enum(['signIns', 'failures', 'devices']);
export type AccessKind = z.infer<typeof AccessKind>;

export const AccessAction = z.enum(['signIn', 'signInFailed', 'signOut', 'sessionsEnded', 'pairingCode', 'devicePaired', 'pairingFailed', 'deviceRevoked']);
export type AccessAction = z.infer<typeof AccessAction>;

export const accessKindNames: Record<AccessKind, Text> = {
  signIns: { zh: '登录与退出', en: 'Sign-ins and sign-outs' },
  failures: { zh: '失败的登录与配对', en: 'Failed sign-ins and pairings' },
  devices: { zh: '设备配对与吊销', en: 'Device pairing and revocation' },
};

export const accessKinds = {
  signIns: ['signIn', 'signOut', 'sessionsEnded'],
  failures: ['signInFailed', 'pairingFailed'],
  devices: ['pairingCode', 'devicePaired', 'deviceRevoked'],
} as const satisfies Record<AccessKind, readonly AccessAction[]>;

/**
 * Why a sign-in failed. An unknown staff number and a wrong password are one reason, as the login answers them:
 * the log tells a reader nothing about which numbers exist beyond the staff list they can already read.
 */
export const SignInFailure = z.enum(['badCredentials', 'deactivated', 'throttled']);
export type SignInFailure = z.infer<typeof SignInFailure>;

/** One line of the access log. Never a password, a token or a pairing code. */
export interface AccessEntry {
  id: number;
  at: number;
  action: AccessAction;
  /** Who did it: signed in or out, made the code, revoked the device, took the account out of service. */
  staffId: number | null;
  /** The staff number typed at a failed sign-in. */
  staffNumber: string | null;
  /** Whose sessions ended when their account was deactivated or deleted. */
  accountId: number | null;
  reason: SignInFailure | 'deactivated' | 'deleted' | null;
  deviceId: number | null;
  deviceName: string | null;
  role: string | null;
  areaId: number | null;
  windowId: number | null;
  address: string | null;
}

export interface StoredEvent { seq: number; at: number; type: string; actor: EventActor; payload: Record<string, any> }
export type EventActor = { kind: 'staff'; staffId: number; role: string } | { kind: 'device'; deviceId: number; role: string }
  | { kind: 'public' } | { kind: 'system' };

/** A page of either log: the entries, newest first, and where the next older page starts (null at the end). */
export interface AuditPage<T> { entries: T[]; nextBefore: number | null }

/** A ticket number as visitors read it (A012, SB105); lower case is taken as meant. */
export const TicketNumber = z.string().trim().toUpperCase()
  .pipe(z.string().regex(/^[A-Z]{1,2}\d{3}$/, bilingual('应为1-2个字母加3位数字，如 A012', 'must be 1 or 2 letters and 3 digits, e.g. A012')));

const StaffFilter = z.coerce.number().int().positive();
const common = {
  from: DayDate,
  to: DayDate,
  staffId: StaffFilter.optional(),
  windowId: z.coerce.number().int().positive().optional(),
};
const paging = {
  /** Entries older than this seq (operations) or id (access), for "older entries". */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
};

export const EventsFilter = z.object({ ...common, kind: AuditKind.optional(), ticketNumber: TicketNumber.optional() }).strict();
export type EventsFilter = z.infer<typeof EventsFilter>;
export const EventsQuery = EventsFilter.extend(paging).strict();
export type EventsQuery = z.infer<typeof EventsQuery>;

export const AccessFilter = z.object({ ...common, kind: AccessKind.optional() }).strict();
export type AccessFilter = z.infer<typeof AccessFilter>;
export const AccessQuery = AccessFilter.extend(paging).strict();
export type AccessQuery = z.infer<typeof AccessQuery>;

/** The longest run of hall days one query may cover: a quarter, which a review asks for at most. */
export const maxAuditDays = 92;
