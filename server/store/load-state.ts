import type { HallSettings } from '../../protocol/config-entities.js';
import { learnHandling } from '../core/handling.js';
import { hallDay } from '../core/hall-time.js';
import { emptyState, keepTicket } from '../core/state.js';
import type { WindowChange } from '../core/forecast/pause-lengths.js';
import type { Appointment, ConfigEntity, HallState, Ticket, WindowRuntime } from '../core/types.js';
import type { Db } from './database.js';
import { loadFeedback } from './load-feedback.js';

/**
 * Rebuilds the in-memory hall from the projections at start: config, window state, yesterday's and today's tickets
 * plus anything still active, upcoming appointments, number counters and today's learned handling times.
 */
export function loadState(db: Db, now: number, defaults: HallSettings): HallState {
  const settingsRow = db.prepare('SELECT json FROM settings WHERE id = 1').pluck().get() as string | undefined;
  const state = emptyState(settingsRow ? JSON.parse(settingsRow) : defaults);
  const today = hallDay(now, state.settings.timeZone);

  const load = <T extends { id: number }>(table: string, into: Map<number, T>) => {
    for (const json of db.prepare(`SELECT json FROM ${table} WHERE deleted_at IS NULL`).pluck().all() as string[]) {
      const item = JSON.parse(json) as T;
      into.set(item.id, item);
    }
  };
  load('areas', state.areas);
  load('services', state.services);
  load('windows', state.windows);
  load('staff', state.staff);
  load('priority_classes', state.priorityClasses);
  for (const json of db.prepare('SELECT json FROM window_runtime').pluck().all() as string[]) {
    const r = JSON.parse(json) as WindowRuntime;
    if (state.windows.has(r.windowId)) state.runtime.set(r.windowId, r);
  }
  // Today's tickets and whatever earlier days left open (the day's close ends those); finished ones of earlier
  // days stay in the database only, so a start-up has nothing to tidy away.
  const tickets = db.prepare(`SELECT json FROM tickets WHERE hall_day >= ? OR status IN ('waiting', 'called', 'serving', 'no_show')`)
    .pluck().all(today) as string[];
  for (const json of tickets) {
    const t = JSON.parse(json) as Ticket;
    keepTicket(state, t);
    if (t.hallDay === today && t.status === 'done' && t.startedAt !== null && t.finishedAt !== null) {
      learnHandling(state, t.serviceId, t.finishedAt - t.startedAt);
    }
  }
  for (const json of db.prepare(`SELECT json FROM appointments WHERE date >= ? OR status = 'booked'`).pluck().all(today) as string[]) {
    const a = JSON.parse(json) as Appointment;
    state.appointments.set(a.id, a);
  }
  // Each service's last number, on the last day it gave one (as evolve keeps it): one look-up in tickets_number_once
  // per service. A correlated MAX per ticket, before, took 8 s to start a hall holding 27,000 tickets of one day.
  const lastNumber = db.prepare(`SELECT hall_day AS hallDay, seq_no AS last FROM tickets
    WHERE service_id = ? AND channel <> 'transfer' ORDER BY hall_day DESC, seq_no DESC LIMIT 1`);
  for (const serviceId of db.prepare(`SELECT DISTINCT service_id FROM tickets WHERE channel <> 'transfer'`).pluck().all() as number[]) {
    state.counters.set(serviceId, lastNumber.get(serviceId) as { hallDay: string; last: number });
  }

  const maxId = (table: string) => (db.prepare(`SELECT COALESCE(MAX(id), 0) FROM ${table}`).pluck().get() as number);
  const tables: Record<ConfigEntity | 'ticket' | 'appointment', string> = {
    ticket: 'tickets', appointment: 'appointments', area: 'areas', service: 'services', window: 'windows', staff: 'staff', priorityClass: 'priority_classes',
  };
  for (const [kind, table] of Object.entries(tables)) state.lastId[kind as keyof typeof tables] = maxId(table);
  loadFeedback(db, state, today);
  return state;
}

/**
 * The windows' status changes of the last day, oldest first, from the event log: what the forecast learns today's
 * pause lengths from when it starts after the hall did (PauseLengths.recall keeps today's).
 */
export function loadWindowChanges(db: Db, now: number): WindowChange[] {
  const rows = db.prepare(`SELECT at, payload FROM events WHERE type = 'window.statusChanged' AND at >= ? ORDER BY seq`)
    .all(now - 24 * 3_600_000) as { at: number; payload: string }[];
  return rows.map((r) => ({ at: r.at, runtime: (JSON.parse(r.payload) as { runtime: WindowRuntime }).runtime }));
}
