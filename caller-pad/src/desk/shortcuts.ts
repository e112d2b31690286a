import { useEffect, useRef } from 'preact/hooks';
import type { DeskAction } from './action-rules.js';

/** Function keys, because staff keep one hand on the business system's keyboard while serving. */
export const shortcutKeys: Partial<Record<DeskAction, string>> = {
  callNext: 'F1', recall: 'F2', start: 'F3', finish: 'F4', noShow: 'F5', transfer: 'F6', pause: 'F7', resume: 'F7', fill: 'F8',
};

export function actionForKey(key: string, enabled: Set<DeskAction>): DeskAction | null {
  for (const [action, k] of Object.entries(shortcutKeys) as [DeskAction, string][]) {
    if (k === key && enabled.has(action)) return action;
  }
  return null;
}

/**
 * Listens for the shortcut keys while no dialog is open. Browser defaults for F1 (help) and F5 (reload) are
 * suppressed: a reload in the middle of serving would only confuse.
 */
export function useShortcuts(enabled: Set<DeskAction>, active: boolean, run: (action: DeskAction) => void): void {
  const latest = useRef({ enabled, active, run });
  latest.current = { enabled, active, run };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!Object.values(shortcutKeys).includes(e.key)) return;
      e.preventDefault();
      const { enabled: en, active: on, run: go } = latest.current;
      if (!on || e.repeat) return;
      const action = actionForKey(e.key, en);
      if (action) go(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
