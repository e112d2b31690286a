import type { Area, HallSettings, PriorityClass, Service, Staff, Window } from '../../protocol/config-entities.js';
import type { FeedbackEvent } from './ratings/events.js';
import type { Appointment, ConfigEntity, Ticket, WindowRuntime } from './types.js';

/**
 * Events carry the records as they are after the change, so storing, applying and rendering an event never
 * needs to look anything up, and a screen never re-fetches to show a call.
 */
export type DomainEvent =
  | { type: 'ticket.issued'; ticket: Ticket }
  | { type: 'ticket.called'; ticket: Ticket; runtime: WindowRuntime; outOfOrderReason: string | null }
  | { type: 'ticket.recalled'; ticket: Ticket; runtime: WindowRuntime }
  | { type: 'ticket.started'; ticket: Ticket; runtime: WindowRuntime }
  | { type: 'ticket.finished'; ticket: Ticket; runtime: WindowRuntime }
  | { type: 'ticket.noShow'; ticket: Ticket; runtime: WindowRuntime }
  | { type: 'ticket.requeued'; ticket: Ticket }
  | { type: 'ticket.transferred'; ticket: Ticket; next: Ticket; runtime: WindowRuntime | null }
  | { type: 'ticket.cancelled'; ticket: Ticket; runtime: WindowRuntime | null; reason: string | null }
  /**
   * A takeover (顶岗) names the staff member replaced and carries the visitor at the counter, if any, as now credited
   * to the one taking over. `afterHours`: the hall closed a window its clerk left open after the day's hours
   * (server/core/after-hours.ts); the event is stored when the hall noticed, `endedAt` (= runtime.statusSince) is when
   * the window's day ended, and the visitor left at the counter, if any, is ended.
   */
  | { type: 'window.statusChanged'; runtime: WindowRuntime; takeOver?: { fromStaffId: number; ticket: Ticket | null }; afterHours?: { endedAt: number; ticket: Ticket | null } }
  | { type: 'appointment.booked'; appointment: Appointment }
  | { type: 'appointment.checkedIn'; appointment: Appointment; ticket: Ticket }
  | { type: 'appointment.cancelled'; appointment: Appointment }
  | { type: 'config.saved'; entity: 'area'; item: Area }
  | { type: 'config.saved'; entity: 'service'; item: Service }
  | { type: 'config.saved'; entity: 'window'; item: Window }
  | { type: 'config.saved'; entity: 'staff'; item: Staff }
  | { type: 'config.saved'; entity: 'priorityClass'; item: PriorityClass }
  | { type: 'config.deleted'; entity: ConfigEntity; id: number }
  | { type: 'settings.saved'; settings: HallSettings }
  /**
   * `runtimes`: the windows the close shut, in logs written before windows left open were closed by their own
   * after-hours `window.statusChanged` (which a close now writes just before this); empty since.
   */
  | { type: 'day.closed'; hallDay: string; tickets: Ticket[]; appointments: Appointment[]; runtimes: WindowRuntime[] }
  | FeedbackEvent;

export type EventType = DomainEvent['type'];
