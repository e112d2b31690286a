import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Counts down from the last touch and calls onIdle when the time is up, so the next visitor never finds the last
 * one's number or name on screen. Returns the seconds left once the end is near (null before that), for a warning.
 */
export function useIdle(timeoutMs: number, warnMs: number, enabled: boolean, onIdle: () => void): number | null {
  const lastTouch = useRef(Date.now());
  const idle = useRef(onIdle);
  idle.current = onIdle;
  const [left, setLeft] = useState<number | null>(null);

  useEffect(() => {
    const touched = () => {
      lastTouch.current = Date.now();
      setLeft(null);
    };
    const events = ['pointerdown', 'touchstart', 'keydown'] as const;
    for (const e of events) window.addEventListener(e, touched, { capture: true, passive: true });
    return () => { for (const e of events) window.removeEventListener(e, touched, { capture: true }); };
  }, []);

  useEffect(() => {
    lastTouch.current = Date.now();
    setLeft(null);
    if (!enabled) return;
    const timer = setInterval(() => {
      const remaining = timeoutMs - (Date.now() - lastTouch.current);
      if (remaining <= 0) {
        lastTouch.current = Date.now();
        setLeft(null);
        idle.current();
      } else setLeft(remaining <= warnMs ? Math.ceil(remaining / 1000) : null);
    }, 1000);
    return () => clearInterval(timer);
  }, [enabled, timeoutMs, warnMs]);

  return left;
}
