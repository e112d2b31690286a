import type { TicketView } from '../../../protocol/queue-entities.js';
import { Bi } from '../lib/bi.js';

/**
 * A booked visitor is called ahead of walk-ins (预约优先): the tag tells staff why this number jumped the line, so they
 * do not take it for a mistake and greet the visitor as the one who booked.
 */
export function AppointmentTag({ ticket, testid }: { ticket: Pick<TicketView, 'channel'>; testid?: string }) {
  if (ticket.channel !== 'appointment') return null;
  return <span class="tag tag-appointment" data-testid={testid}><Bi zh="预约" en="Appointment" inline /></span>;
}
