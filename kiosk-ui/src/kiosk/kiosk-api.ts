import { apiCall, type ApiResult } from '../../../protocol/api-client.js';
import type { Area, PriorityClass } from '../../../protocol/config-entities.js';
import type { Text } from '../../../protocol/i18n.js';
import type { Forecast, TicketView } from '../../../protocol/queue-entities.js';

export type Opening = { open: true } | { open: false; nextOpening: { date: string; time: string } | null };

/** A service as GET /api/public/hall lists it: what a visitor may choose, with its queue and opening. */
export interface HallService {
  id: number;
  code: string;
  areaId: number;
  name: Text;
  prefix: string;
  idRequired: boolean;
  onlineAllowed: boolean;
  waiting: number;
  opening: Opening;
}

export interface PublicHall {
  name: Text;
  notice: Text;
  hallDay: string;
  areas: Area[];
  services: HallService[];
  priorityClasses: PriorityClass[];
}

/** What issuing a ticket or checking in an appointment answers: the ticket, its phone link and its forecast. */
export interface IssuedTicket {
  ticket: TicketView;
  token: string;
  url: string;
  forecast: Forecast | null;
  hallName: Text;
}

/** The ticket's own live view (the phone page's data): used for the forecast when issuing answered before it was ready. */
export const loadVisit = (ticketToken: string): Promise<ApiResult<{ forecast: Forecast | null }>> => apiCall('GET', `/api/visits/${encodeURIComponent(ticketToken)}`);

export const loadPublicHall = (): Promise<ApiResult<PublicHall>> => apiCall<PublicHall>('GET', '/api/public/hall');

export function issueTicket(token: string, body: { serviceId: number; cardToken?: string; priorityClassId?: number }): Promise<ApiResult<IssuedTicket>> {
  return apiCall<IssuedTicket>('POST', '/api/tickets', { token, body });
}

export function checkIn(token: string, body: { code: string } | { cardToken: string }): Promise<ApiResult<IssuedTicket>> {
  return apiCall<IssuedTicket>('POST', '/api/appointments/check-in', { token, body });
}

export function pairKiosk(code: string): Promise<ApiResult<{ token: string; device: { role: string } }>> {
  return apiCall('POST', '/api/devices/pair', { body: { code, name: '取号机' } });
}

/** "今天 08:30" / "2025-03-02 08:30" for a closed service's next opening. */
export function openingText(opening: Opening, hallDay: string): Text | null {
  if (opening.open || !opening.nextOpening) return null;
  const { date, time } = opening.nextOpening;
  return date === hallDay ? { zh: `今天 ${time}`, en: `today ${time}` } : { zh: `${date} ${time}`, en: `${date} ${time}` };
}

/** Set when the hall runs simulated hardware and offers an operation to put a test card on this kiosk's reader. */
export const simulateCard: ((token: string) => Promise<unknown>) | null = null;
