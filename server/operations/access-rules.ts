import { z } from 'zod';
import { domainError, type DomainError } from '../core/errors.js';
import type { Caller } from './caller.js';

/**
 * A pad or bridge acts for the one window it was paired to; staff may address any window. Whether a clerk may work
 * a window a colleague staffs is a rule of the queue, decided in server/core (WINDOW_STAFFED, and 顶岗 by takeOver)
 * for every path alike: HTTP, WebSocket commands and anything else that runs commands as a staff member.
 */
export function mayOperateWindow(caller: Caller, windowId: number): DomainError | null {
  if (caller.kind === 'staff') return null;
  if (caller.kind === 'device' && caller.windowId === windowId) return null;
  return domainError('FORBIDDEN');
}

export const windowOperators = ['staff', 'pad'] as const;

/** The window a route under /api/windows/:windowId acts on; checked with mayOperateWindow. */
export const WindowParams = z.object({ windowId: z.coerce.number().int().positive() }).strict();
export const configEditors = ['admin'] as const;
