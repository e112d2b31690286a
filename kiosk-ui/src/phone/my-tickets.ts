import type { Text } from '../../../protocol/i18n.js';

/** Tickets taken on this phone, so the visitor finds their way back to them; only the number and service, no identity. */
export interface MyTicket { token: string; number: string; service: Text; hallDay: string }

const key = 'hall.phone.tickets';

export function myTickets(hallDay: string): MyTicket[] {
  try {
    const list = JSON.parse(localStorage.getItem(key) ?? '[]') as MyTicket[];
    return Array.isArray(list) ? list.filter((t) => t.hallDay === hallDay) : [];
  } catch {
    return [];
  }
}

export function rememberTicket(ticket: MyTicket): void {
  // Yesterday's tickets are useless (numbers reset daily): keep today's few only.
  const kept = myTickets(ticket.hallDay).filter((t) => t.token !== ticket.token).slice(0, 4);
  localStorage.setItem(key, JSON.stringify([ticket, ...kept]));
}
