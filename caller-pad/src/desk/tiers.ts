import type { Window } from '../../../protocol/config-entities.js';
import type { TicketView } from '../../../protocol/queue-entities.js';

/** Where a waiting ticket sits in this window's list: sent here by a transfer, a main service, or a backup one. */
export type Tier = 'transfer' | 1 | 2;

/** Services this window serves and at which tier; a comprehensive window serves every active service as main. */
export function tierMap(window: Window, services: { id: number; active: boolean }[]): Map<number, 1 | 2> {
  if (window.comprehensive) return new Map(services.filter((s) => s.active).map((s) => [s.id, 1 as const]));
  return new Map(window.services.map((s) => [s.serviceId, s.tier]));
}

/** Mirrors the server's window scope, so a live event is kept exactly when a fresh snapshot would list it. */
export function tierOf(ticket: TicketView, windowId: number, tiers: Map<number, 1 | 2>): Tier | null {
  if (ticket.targetWindowId === windowId) return 'transfer';
  if (ticket.targetWindowId !== null) return null;
  return tiers.get(ticket.serviceId) ?? null;
}
