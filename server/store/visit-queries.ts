import type { Ticket } from '../core/types.js';
import type { Db } from './database.js';

/**
 * Reads a visit's newest leg as stored. The hall's close ends a day's leftovers and drops every ticket of the day
 * from memory, yet the visitor's phone keeps its link: it is shown how the hall left the ticket, that night or
 * days later. A visit's legs share its hall day and its first leg's id, so the day index finds them among the
 * day's tickets alone, however long the hall has kept its records.
 */
export function storedLegReader(db: Db): (visitId: number) => Ticket | null {
  const newestLeg = db.prepare(`SELECT json FROM tickets
    WHERE hall_day = (SELECT hall_day FROM tickets WHERE id = @visitId) AND visit_id = @visitId
    ORDER BY id DESC LIMIT 1`).pluck();
  return (visitId) => {
    const json = newestLeg.get({ visitId }) as string | undefined;
    return json ? (JSON.parse(json) as Ticket) : null;
  };
}
