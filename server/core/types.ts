import type { Area, HallSettings, PriorityClass, Service, Staff, Window } from '../../protocol/config-entities.js';
import type { Channel, PauseReason, TicketStatus, WindowStatus } from '../../protocol/queue-entities.js';
import type { FeedbackState } from './ratings/types.js';

/** A visitor as the queue knows them: never the clear ID number or name (see privacy in the architecture). */
export interface Person {
  /** Keyed hash of the ID number: matches one person across tickets and appointments. */
  idHash: string;
  idMasked: string;
  nameMasked: string;
  /** 'YYYY-MM-DD', for age-based priority. */
  birthDate: string | null;
}

export interface Ticket {
  id: number;
  /** The first leg's id: transfers add legs to the same visit, which keeps its number and arrival time. */
  visitId: number;
  number: string;
  seqNo: number;
  status: TicketStatus;
  channel: Channel;
  serviceId: number;
  person: Person | null;
  priorityClassId: number | null;
  /** Set by a transfer to a specific window: only that window calls it, before anything else. */
  targetWindowId: number | null;
  appointmentId: number | null;
  appointmentStartsAt: number | null;
  windowId: number | null;
  staffId: number | null;
  arrivedAt: number;
  issuedAt: number;
  /** Ordering key within a queue: the arrival time, moved back when a no-show is re-queued. */
  queueKey: number;
  calledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  recalls: number;
  requeues: number;
  hallDay: string;
  transferredFromId: number | null;
}

export interface WindowRuntime {
  windowId: number;
  status: WindowStatus;
  pauseReason: PauseReason | null;
  staffId: number | null;
  currentTicketId: number | null;
  statusSince: number;
  /**
   * When the window was last worked (a call, recall, start, finish, no-show or transfer at the counter; a status
   * change sets statusSince): the hall closes a window left idle after its hours from these (see after-hours.ts).
   * Absent in runtimes stored before windows kept it.
   */
  lastActionAt?: number;
  /** Calls since the last reset of the P-per-N priority rule. */
  ratio: { priority: number; normal: number };
}

export interface Appointment {
  id: number;
  serviceId: number;
  date: string;
  slotStart: string;
  slotEnd: string;
  startsAt: number;
  code: string;
  status: 'booked' | 'checked_in' | 'cancelled' | 'missed';
  person: Person;
  ticketId: number | null;
  bookedAt: number;
}

export interface HandlingEstimate { count: number; meanMs: number }

export type ConfigEntity = 'area' | 'service' | 'window' | 'staff' | 'priorityClass';

export interface HallState {
  settings: HallSettings;
  areas: Map<number, Area>;
  services: Map<number, Service>;
  windows: Map<number, Window>;
  runtime: Map<number, WindowRuntime>;
  staff: Map<number, Staff>;
  priorityClasses: Map<number, PriorityClass>;
  /** The current hall day's tickets plus any still active from before. */
  tickets: Map<number, Ticket>;
  /**
   * The waiting, called and serving ones among them: what dispatch, forecasts and the one-ticket-per-person rule
   * look at. A big hall's day has thousands of finished tickets and a few hundred active ones. Kept by keepTicket.
   */
  active: Map<number, Ticket>;
  /** Active tickets by the holder's ID hash: the one-ticket rule is checked at every issue. Kept by keepTicket. */
  activeByPerson: Map<string, Map<number, Ticket>>;
  appointments: Map<number, Appointment>;
  /** Last number issued per service, and the hall day it belongs to. */
  counters: Map<number, { hallDay: string; last: number }>;
  /** Handling times learned from today's finished services. */
  handling: Map<number, HandlingEstimate>;
  /** Highest id used per kind: ids are decided here so a command's events are complete before they are stored. */
  lastId: Record<'ticket' | 'appointment' | ConfigEntity, number>;
  /** 好差评: ratings, case numbers and follow-up cases. */
  feedback: FeedbackState;
}

export type Actor =
  | { kind: 'staff'; staffId: number; role: Staff['role'] }
  | { kind: 'device'; deviceId: number; role: 'kiosk' | 'board' | 'pad' | 'bridge'; windowId: number | null; areaId: number | null }
  | { kind: 'public' }
  | { kind: 'system' };
