import type { HallSettings } from '../../protocol/config-entities.js';
import { emptyFeedback } from './ratings/types.js';
import type { HallState, Ticket } from './types.js';

export function emptyState(settings: HallSettings): HallState {
  return {
    settings,
    areas: new Map(), services: new Map(), windows: new Map(), runtime: new Map(), staff: new Map(), priorityClasses: new Map(),
    tickets: new Map(), active: new Map(), activeByPerson: new Map(), appointments: new Map(), counters: new Map(), handling: new Map(),
    lastId: { ticket: 0, appointment: 0, area: 0, service: 0, window: 0, staff: 0, priorityClass: 0 },
    feedback: emptyFeedback(),
  };
}

export function isActive(t: Ticket): boolean {
  return t.status === 'waiting' || t.status === 'called' || t.status === 'serving';
}

/** The one way a ticket enters memory, so the active indexes never disagree with the tickets. */
export function keepTicket(state: HallState, t: Ticket): void {
  const before = state.tickets.get(t.id);
  if (before) forgetActive(state, before);
  state.tickets.set(t.id, t);
  if (!isActive(t)) return;
  state.active.set(t.id, t);
  const idHash = t.person?.idHash;
  if (!idHash) return;
  const held = state.activeByPerson.get(idHash);
  if (held) held.set(t.id, t);
  else state.activeByPerson.set(idHash, new Map([[t.id, t]]));
}

function forgetActive(state: HallState, t: Ticket): void {
  state.active.delete(t.id);
  const idHash = t.person?.idHash;
  const held = idHash ? state.activeByPerson.get(idHash) : undefined;
  held?.delete(t.id);
  if (held?.size === 0) state.activeByPerson.delete(idHash!);
}
