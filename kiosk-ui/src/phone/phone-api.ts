import { apiCall, type ApiResult } from '../../../protocol/api-client.js';
import type { TicketView } from '../../../protocol/queue-entities.js';
import type { IssuedTicket } from '../shared/public-api.js';

export function takeOnlineTicket(serviceId: number, identity: { name: string; idNumber: string }): Promise<ApiResult<IssuedTicket>> {
  return apiCall<IssuedTicket>('POST', '/api/tickets', { body: { serviceId, identity } });
}

export function cancelVisit(ticketToken: string): Promise<ApiResult<TicketView>> {
  return apiCall<TicketView>('POST', `/api/visits/${encodeURIComponent(ticketToken)}/cancel`, { body: {} });
}

/** The phone page's two addresses: /m/ (take a ticket) and /m/t/<token> (follow one). */
export function ticketTokenFromPath(path: string): string | null {
  const m = /^\/m\/t\/([A-Za-z0-9_-]{16,100})\/?$/.exec(path);
  return m ? m[1] : null;
}
