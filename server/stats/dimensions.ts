import type { StatsDimension } from '../../protocol/stats.js';

export type Grouping = StatsDimension | 'total';

/**
 * By window or staff, the tickets no window called (still waiting at the close, cancelled before a call) belong to
 * nobody. They are counted in the total, so the report shows them as their own row under this key: an office reads
 * the rows as adding up to the total.
 */
export const unhandledKey = 'none';

/**
 * The SQL that names a row's group, for queries over a ticket leg `t` joined to its hall day `d` and service `s`.
 * Everything is attributed to the leg: its service, the window and staff member that called it, the hour it was
 * issued in. Ratings and follow-ups join their leg, so they land in the same rows as its ticket.
 */
export function legKey(by: Grouping): string {
  switch (by) {
    case 'hour': return `printf('%02d', (t.issued_at - d.start) / 3600000)`;
    case 'day': return 't.hall_day';
    case 'month': return 'substr(t.hall_day, 1, 7)';
    case 'service': return 'CAST(t.service_id AS TEXT)';
    case 'window': return 'CAST(t.window_id AS TEXT)';
    case 'staff': return 'CAST(t.staff_id AS TEXT)';
    case 'area': return 'CAST(s.area_id AS TEXT)';
    case 'total': return `'total'`;
  }
}

/** Appointments by their slot and service; by window or staff through the ticket a kept one became. */
export function appointmentKey(by: Grouping): string {
  switch (by) {
    case 'hour': return 'substr(a.slot_start, 1, 2)';
    case 'day': return 'a.date';
    case 'month': return 'substr(a.date, 1, 7)';
    case 'service': return 'CAST(a.service_id AS TEXT)';
    case 'window': return 'CAST(t.window_id AS TEXT)';
    case 'staff': return 'CAST(t.staff_id AS TEXT)';
    case 'area': return 'CAST(s.area_id AS TEXT)';
    case 'total': return `'total'`;
  }
}

/** The joins a key needs from a leg `t`: its hall day `d` to place an hour, its service `s` to find an area. */
export function legJoins(by: Grouping): string {
  return [by === 'hour' ? 'JOIN days d ON d.day = t.hall_day' : '', by === 'area' ? 'JOIN services s ON s.id = t.service_id' : ''].join(' ');
}

export function legsOf(by: Grouping): string {
  return `tickets t ${legJoins(by)}`;
}

/**
 * The same keys over a record that carries its leg's service, window, staff and hall day itself (a rating, a
 * follow-up case): only the hour needs the leg's issue time, and the area its service.
 */
export function recordKey(by: Grouping, alias: string): string {
  if (by === 'hour' || by === 'area') return legKey(by);
  return legKey(by).replace(/\bt\./g, `${alias}.`);
}

export function recordJoins(by: Grouping, alias: string): string {
  if (by === 'hour') return `JOIN tickets t ON t.id = ${alias}.ticket_id JOIN days d ON d.day = t.hall_day`;
  if (by === 'area') return `JOIN services s ON s.id = ${alias}.service_id`;
  return '';
}
