import { useEffect, useRef, useState } from 'preact/hooks';
import { giveUpAt, warning, type AskClock } from './ask-clock.js';
import type { AskTimes } from './rating-api.js';

// Typing through an IME sends keydown (229) and composition events rather than plain keys: all count as a touch.
const touches = ['pointerdown', 'keydown', 'input', 'compositionupdate'] as const;

/**
 * Runs the ask clock of the visit on screen (shownAt null: nothing asked). While `paused` (a rating is being
 * sent) nothing ends. Returns the warning to show for a rating in progress; calls onGiveUp once time is up.
 */
export function useAskClock(shownAt: number | null, times: AskTimes, inProgress: boolean, paused: boolean, onGiveUp: () => void) {
  const touchedAt = useRef(0);
  const giveUp = useRef(onGiveUp);
  giveUp.current = onGiveUp;
  const [warn, setWarn] = useState<ReturnType<typeof warning>>(null);

  useEffect(() => {
    const touched = () => { touchedAt.current = Date.now(); setWarn(null); };
    for (const e of touches) window.addEventListener(e, touched, { capture: true, passive: true });
    return () => { for (const e of touches) window.removeEventListener(e, touched, { capture: true }); };
  }, []);

  useEffect(() => {
    setWarn(null);
    if (shownAt === null || paused) return;
    const tick = () => {
      const clock: AskClock = { shownAt, touchedAt: touchedAt.current, ...times };
      const now = Date.now();
      if (now >= giveUpAt(clock)) return giveUp.current();
      setWarn(inProgress ? warning(clock, now) : null);
    };
    const timer = setInterval(tick, 500);
    return () => clearInterval(timer);
  }, [shownAt, times, inProgress, paused]);

  return warn;
}
