import type { HallSettings } from '../../protocol/config-entities.js';
import { emptyFeedback } from './ratings/types.js';
import type { HallState } from './types.js';

export function emptyState(settings: HallSettings): HallState {
  return {
    settings,
    areas: new Map(), services: new Map(), windows: new Map(), runtime: new Map(), staff: new Map(), priorityClasses: new Map(),
    tickets: new Map(), appointments: new Map(), counters: new Map(), handling: new Map(),
    lastId: { ticket: 0, appointment: 0, area: 0, service: 0, window: 0, staff: 0, priorityClass: 0 },
    feedback: emptyFeedback(),
  };
}
