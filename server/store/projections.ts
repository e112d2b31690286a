import type { DomainEvent } from '../core/events.js';
import type { Appointment, ConfigEntity, Ticket, WindowRuntime } from '../core/types.js';
import type { Db } from './database.js';
import { createFeedbackProjector } from './feedback-projection.js';

type Statement = { run(...args: unknown[]): unknown };

const configTables: Record<ConfigEntity, string> = {
  area: 'areas', service: 'services', window: 'windows', staff: 'staff', priorityClass: 'priority_classes',
};

/** Writes an event's records into the projection tables; called inside the command's transaction. */
export function createProjector(db: Db): (event: DomainEvent, at: number) => void {
  // A ticket keeps its service, priority and number for life (a transfer is a new leg), so an update sets only what
  // changes: SQLite rewrites the entry of every index holding a column the SET names, even with the value unchanged,
  // and each page rewritten is one more written to the journal and synced before the reply.
  const putTicket = db.prepare(`
    INSERT INTO tickets (id, visit_id, number, seq_no, hall_day, service_id, status, channel, id_hash, priority_class_id,
      window_id, staff_id, arrived_at, issued_at, called_at, first_called_at, started_at, finished_at, json)
    VALUES (@id, @visitId, @number, @seqNo, @hallDay, @serviceId, @status, @channel, @idHash, @priorityClassId,
      @windowId, @staffId, @arrivedAt, @issuedAt, @calledAt, @calledAt, @startedAt, @finishedAt, @json)
    ON CONFLICT (id) DO UPDATE SET status = excluded.status, window_id = excluded.window_id, staff_id = excluded.staff_id,
      called_at = excluded.called_at, first_called_at = COALESCE(first_called_at, excluded.called_at),
      started_at = excluded.started_at, finished_at = excluded.finished_at, json = excluded.json`);
  const putRuntime = db.prepare('INSERT INTO window_runtime (window_id, json) VALUES (?, ?) ON CONFLICT (window_id) DO UPDATE SET json = excluded.json');
  const putAppointment = db.prepare(`
    INSERT INTO appointments (id, service_id, date, slot_start, code, status, id_hash, json)
    VALUES (@id, @serviceId, @date, @slotStart, @code, @status, @idHash, @json)
    ON CONFLICT (id) DO UPDATE SET status = excluded.status, json = excluded.json`);
  const putSettings = db.prepare('INSERT INTO settings (id, json) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json');
  const putConfig = Object.fromEntries(Object.entries(configTables).map(([entity, table]) => {
    const extra = configColumns[entity as ConfigEntity];
    const cols = ['id', ...extra, 'json'];
    const sql = `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})
      ON CONFLICT (id) DO UPDATE SET ${cols.slice(1).map((c) => `${c} = excluded.${c}`).join(', ')}, deleted_at = NULL`;
    return [entity, db.prepare(sql)];
  })) as unknown as Record<ConfigEntity, Statement>;
  const deleteConfig = Object.fromEntries(Object.entries(configTables).map(([entity, table]) =>
    [entity, db.prepare(`UPDATE ${table} SET deleted_at = ? WHERE id = ?`)])) as unknown as Record<ConfigEntity, Statement>;
  const dropRuntime = db.prepare('DELETE FROM window_runtime WHERE window_id = ?');
  const addRuntime = db.prepare('INSERT OR IGNORE INTO window_runtime (window_id, json) VALUES (?, ?)');
  const feedback = createFeedbackProjector(db);

  const ticket = (t: Ticket) => putTicket.run({ ...t, idHash: t.person?.idHash ?? null, json: JSON.stringify(t) });
  const runtime = (r: WindowRuntime) => putRuntime.run(r.windowId, JSON.stringify(r));
  const appointment = (a: Appointment) => putAppointment.run({ ...a, idHash: a.person.idHash, json: JSON.stringify(a) });

  return (event, at) => {
    switch (event.type) {
      case 'ticket.issued':
      case 'ticket.requeued':
        ticket(event.ticket);
        return;
      case 'ticket.called':
      case 'ticket.recalled':
      case 'ticket.started':
      case 'ticket.finished':
      case 'ticket.noShow':
        ticket(event.ticket);
        runtime(event.runtime);
        return;
      case 'ticket.transferred':
        ticket(event.ticket);
        ticket(event.next);
        if (event.runtime) runtime(event.runtime);
        return;
      case 'ticket.cancelled':
        ticket(event.ticket);
        if (event.runtime) runtime(event.runtime);
        return;
      case 'window.statusChanged':
        if (event.takeOver?.ticket) ticket(event.takeOver.ticket);
        if (event.afterHours?.ticket) ticket(event.afterHours.ticket);
        runtime(event.runtime);
        return;
      case 'appointment.booked':
      case 'appointment.cancelled':
        appointment(event.appointment);
        return;
      case 'appointment.checkedIn':
        appointment(event.appointment);
        ticket(event.ticket);
        return;
      case 'config.saved': {
        const item = event.item as unknown as Record<string, unknown>;
        putConfig[event.entity].run({ ...pickColumns(event.entity, item), id: item.id, json: JSON.stringify(item) });
        if (event.entity === 'window') addRuntime.run(event.item.id, JSON.stringify(defaultRuntime(event.item.id)));
        return;
      }
      case 'config.deleted':
        deleteConfig[event.entity].run(at, event.id);
        if (event.entity === 'window') dropRuntime.run(event.id);
        return;
      case 'settings.saved':
        putSettings.run(JSON.stringify(event.settings));
        return;
      case 'day.closed':
        event.tickets.forEach(ticket);
        event.appointments.forEach(appointment);
        event.runtimes.forEach(runtime);
        return;
      case 'rating.recorded':
      case 'case.numbered':
      case 'followUp.updated':
        feedback(event, at);
        return;
    }
  };
}

const configColumns: Record<ConfigEntity, string[]> = {
  area: ['code'], service: ['code', 'area_id', 'prefix'], window: ['number', 'area_id'], staff: ['number', 'role'], priorityClass: ['code'],
};

function pickColumns(entity: ConfigEntity, item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const col of configColumns[entity]) out[col] = item[col.replace(/_(\w)/g, (_, c: string) => c.toUpperCase())];
  return out;
}

function defaultRuntime(windowId: number): WindowRuntime {
  return { windowId, status: 'closed', pauseReason: null, staffId: null, currentTicketId: null, statusSince: 0, ratio: { priority: 0, normal: 0 } };
}
