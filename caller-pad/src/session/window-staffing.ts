import type { WindowStatus } from '../../../protocol/queue-entities.js';
import type { Text } from '../../../protocol/i18n.js';

/**
 * The server's rule (WINDOW_STAFFED) as the pad sees it: an open or paused window with someone else's name on it
 * can only be worked after taking it over (顶岗).
 */
export function staffedByOther(w: { status: WindowStatus; staffId: number | null }, staffId: number): boolean {
  return w.status !== 'closed' && w.staffId !== null && w.staffId !== staffId;
}

/** What the pad of a clerk whose window was taken over tells them as it leaves the window. */
export function takenOverNotice(windowNumber: number, byName: string | null): Text {
  const who = byName ?? '其他工作人员';
  return {
    zh: `${windowNumber}号窗口已由 ${who} 接管`,
    en: `Window ${windowNumber} was taken over by ${byName ?? 'another staff member'}`,
  };
}
