import { apiCall, type ApiResult } from '../../../protocol/api-client.js';
import type { Area, PriorityClass } from '../../../protocol/config-entities.js';
import type { PrintOutcome } from '../../../protocol/device-messages.js';
import type { Text } from '../../../protocol/i18n.js';
import type { Forecast, TicketView } from '../../../protocol/queue-entities.js';
import type { VisitSnapshot } from '../../../protocol/realtime.js';

// The public operations both the kiosk and the phone page use.

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
  /** How printing went at this kiosk; null when the kiosk has no printer. */
  print?: PrintOutcome | null;
}

/** A ticket's live view by its token: the phone page's data, and the kiosk's forecast when issuing came too early. */
export const loadVisit = (ticketToken: string): Promise<ApiResult<VisitSnapshot>> => apiCall('GET', `/api/visits/${encodeURIComponent(ticketToken)}`);

export const loadPublicHall = (): Promise<ApiResult<PublicHall>> => apiCall<PublicHall>('GET', '/api/public/hall');

/** "今天 08:30" / "2025-03-02 08:30" for a closed service's next opening. */
export function openingText(opening: Opening, hallDay: string): Text | null {
  if (opening.open || !opening.nextOpening) return null;
  const { date, time } = opening.nextOpening;
  return date === hallDay ? { zh: `今天 ${time}`, en: `today ${time}` } : { zh: `${date} ${time}`, en: `${date} ${time}` };
}
