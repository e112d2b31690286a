import type { HallTicketData, PaperWidth } from '../../drivers/printer/index.js';
import type { Forecast } from '../../protocol/queue-entities.js';
import { formatTimeOfDay, readHallClock } from '../core/hall-time.js';
import type { HallState, Ticket } from '../core/types.js';

/** Printed under the QR code: the hall's rating system (好差评) asks every visitor for a rating. One 58 mm line. */
export const RATING_HINT = '请对本次服务进行评价（好差评）';

/** A freshly issued ticket as the printer layout wants it: every text decided here, in the hall's time zone. */
export function hallTicketData(state: HallState, ticket: Ticket, qrUrl: string, forecast: Forecast | null, paperWidth: PaperWidth): HallTicketData {
  const service = state.services.get(ticket.serviceId);
  const clock = readHallClock(ticket.issuedAt, state.settings.timeZone);
  return {
    hallName: state.settings.name.zh,
    serviceName: service?.name.zh ?? '',
    number: ticket.number,
    peopleAhead: forecast?.position ?? waitingAhead(state, ticket),
    estimatedWaitMinutes: forecast?.etaMinutes != null ? Math.round(forecast.etaMinutes) : null,
    issuedAt: `${clock.date} ${formatTimeOfDay(clock.minutes)}`,
    qrUrl,
    footerLines: [RATING_HINT],
    paperWidth,
  };
}

/** Without a forecast yet (recomputed at most once a second), the place in the ticket's own queue. */
function waitingAhead(state: HallState, ticket: Ticket): number {
  let ahead = 0;
  for (const t of state.tickets.values()) {
    if (t.status === 'waiting' && t.serviceId === ticket.serviceId && t.queueKey < ticket.queueKey) ahead++;
  }
  return ahead;
}

/** For logs: the QR's visit token opens the visitor's ticket page, so only its first characters are kept. */
export function maskTicketUrl(text: string): string {
  return text.replace(/(\/m\/t\/)([A-Za-z0-9_-]{4})[A-Za-z0-9_-]+/g, '$1$2…');
}
