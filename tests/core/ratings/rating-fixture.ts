import type { Actor } from '../../../server/core/types.js';
import { at, issue, minutes, newHall, openWindow, serveNext, ticketOf, type Hall } from '../hall-fixture.js';

/** A weekday morning: window 1 open, one visitor served there from 09:01 to 09:06. */
export function hallWithFinishedVisit(settings: Parameters<typeof newHall>[0] = {}) {
  const hall = newHall(settings);
  openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
  const issued = issue(hall, hall.service.pension, at('2026-11-23 09:00'));
  serveNext(hall, hall.window.one, at('2026-11-23 09:01'), minutes(5));
  return { hall, ticket: ticketOf(hall, issued.id), finishedAt: at('2026-11-23 09:06') };
}

export function supervisorOf(hall: Hall): Actor {
  return { kind: 'staff', staffId: hall.staff.admin, role: 'admin' };
}

export const pad: Actor = { kind: 'device', deviceId: 7, role: 'pad', windowId: 1, areaId: null };
