import type { Window } from '../../../protocol/config-entities.js';
import type { Text } from '../../../protocol/i18n.js';
import type { WindowStatus } from '../../../protocol/queue-entities.js';

/** What the transfer dialog needs to know of a window now. */
export interface WindowNow { status: WindowStatus; staffName: string | null }

/**
 * The windows open now that would call a visitor sent to this service (the server accepts a transfer nobody serves:
 * a window may open soon; the dialog only warns). A comprehensive window serves every service.
 */
export function openWindowsServing(serviceId: number, windows: Window[], live: Map<number, WindowNow>): Window[] {
  return windows.filter((w) => w.active && live.get(w.id)?.status === 'open'
    && (w.comprehensive || w.services.some((s) => s.serviceId === serviceId)));
}

/** The plain warning shown before sending a visitor where nobody calls them now; null when someone does. */
export function nobodyServesWarning(target: { serviceId: number } | { windowId: number }, windows: Window[], live: Map<number, WindowNow>): Text | null {
  if ('serviceId' in target) {
    if (openWindowsServing(target.serviceId, windows, live).length > 0) return null;
    return { zh: '目前没有开放窗口办理该业务，群众将等候至有窗口开放', en: 'No open window serves this now; the visitor will wait until one opens' };
  }
  if (live.get(target.windowId)?.status === 'open') return null;
  const number = windows.find((w) => w.id === target.windowId)?.number ?? '';
  return { zh: `${number}号窗口目前未开放，群众将等候至该窗口开放`, en: `Window ${number} is not open now; the visitor will wait until it opens` };
}
