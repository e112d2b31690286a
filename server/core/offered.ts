import type { Service } from '../../protocol/config-entities.js';
import type { HallState } from './types.js';

/**
 * A service is offered only while it and its area are both active: deactivating an area takes all its services off
 * the kiosk and the phone at once, and the forecast expects no more visitors for them. Tickets already waiting stay
 * in the queue and are called as before (see tiersOf).
 */
export function isOffered(state: HallState, service: Service): boolean {
  return service.active && state.areas.get(service.areaId)?.active === true;
}
