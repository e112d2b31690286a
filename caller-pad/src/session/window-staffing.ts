import type { StaffRole } from '../../../protocol/config-entities.js';
import type { WindowStatus } from '../../../protocol/queue-entities.js';
import type { Text } from '../../../protocol/i18n.js';

/**
 * The server's rule (WINDOW_STAFFED) as the pad sees it: an open or paused window with someone else's name on it
 * can only be worked by a clerk after taking it over (顶岗).
 */
export function staffedByOther(w: { status: WindowStatus; staffId: number | null }, staffId: number): boolean {
  return w.status !== 'closed' && w.staffId !== null && w.staffId !== staffId;
}

/**
 * Supervisors and admins may work a colleague's window without taking it over (协助): the server lets them act on any
 * window and keeps the clerk as its staff, so the clerk's pad stays where it is.
 */
export function canAssist(role: StaffRole): boolean {
  return role === 'supervisor' || role === 'admin';
}

/**
 * Whether the desk must leave its window because someone else now staffs it. A clerk cannot work it at all (the
 * server would refuse every command). A supervisor assisting at a clerk's window stays; they only leave when the
 * window was theirs (the last staff the desk saw) and a colleague took it over.
 */
export function deskLostWindow(
  w: { status: WindowStatus; staffId: number | null },
  me: { id: number; role: StaffRole },
  lastSeenStaffId: number | null,
): boolean {
  if (!staffedByOther(w, me.id)) return false;
  return !canAssist(me.role) || lastSeenStaffId === me.id;
}

/** What the pad of a clerk whose window was taken over tells them as it leaves the window. */
export function takenOverNotice(windowNumber: number, byName: string | null): Text {
  const who = byName ?? '其他工作人员';
  return {
    zh: `${windowNumber}号窗口已由 ${who} 接管`,
    en: `Window ${windowNumber} was taken over by ${byName ?? 'another staff member'}`,
  };
}
