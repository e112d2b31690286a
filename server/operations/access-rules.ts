import { domainError, type DomainError } from '../core/errors.js';
import type { Caller } from './caller.js';

/** A pad or bridge acts for the one window it was paired to; staff and supervisors for any window. */
export function mayOperateWindow(caller: Caller, windowId: number): DomainError | null {
  if (caller.kind === 'staff') return null;
  if (caller.kind === 'device' && caller.windowId === windowId) return null;
  return domainError('FORBIDDEN');
}

export const windowOperators = ['staff', 'pad'] as const;
export const configEditors = ['admin'] as const;
