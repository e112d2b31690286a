import { apiCall, type ApiResult } from '../../../protocol/api-client.js';
import type { IssuedTicket } from '../shared/public-api.js';

export { loadPublicHall, loadVisit, openingText, type HallService, type IssuedTicket, type PublicHall } from '../shared/public-api.js';

export function issueTicket(token: string, body: { serviceId: number; cardToken?: string; priorityClassId?: number }): Promise<ApiResult<IssuedTicket>> {
  return apiCall<IssuedTicket>('POST', '/api/tickets', { token, body });
}

export function checkIn(token: string, body: { code: string } | { cardToken: string }): Promise<ApiResult<IssuedTicket>> {
  return apiCall<IssuedTicket>('POST', '/api/appointments/check-in', { token, body });
}

export function pairKiosk(code: string): Promise<ApiResult<{ token: string; device: { role: string } }>> {
  return apiCall('POST', '/api/devices/pair', { body: { code, name: '取号机' } });
}

/**
 * Whether this kiosk's peripherals are simulated (a demo hall): then the card step offers a "simulate card" button.
 * The hall answers false for real hardware, so a real kiosk's start leaves no 404 in its console.
 */
export async function isSimulatedKiosk(token: string): Promise<boolean> {
  const res = await apiCall<{ simulated: boolean }>('GET', '/api/devices/simulated/kiosk', { token });
  return res.ok && res.data.simulated;
}

let nextFixture = 0;

/**
 * Simulation only: puts a sample ID card on this kiosk's simulated reader; the card arrives over the socket. An
 * unreadable one arrives as the reader's failed read, as a worn card would.
 */
export function simulateCard(token: string, unreadable = false): Promise<ApiResult<unknown>> {
  // Five sample cards in turn, so a demo meets different people (one of them old enough for priority).
  const fixture = nextFixture;
  if (!unreadable) nextFixture = (nextFixture + 1) % 5;
  return apiCall('POST', '/api/devices/simulated/card', { token, body: { fixture, unreadable } });
}
