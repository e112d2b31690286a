/**
 * How long the rating screen keeps asking about one finished visit. It asks for the hall's padTimeoutSeconds
 * untouched; every touch or keystroke starts that again, so a visitor who is choosing or typing is never cut off
 * for being slow, up to a hard end: the hall says how long after the finish it still takes a window rating
 * (padClosesAfterSeconds), and the screen stops this long before that, for the request and for the finish event's
 * own way here.
 */
export const sendMarginMs = 10_000;
/** The visitor is warned this long before a rating in progress would be given up. */
export const warnMs = 10_000;

export interface AskClock {
  /** When the finish reached this screen. */
  shownAt: number;
  /** The last touch, keystroke or IME input on the screen. */
  touchedAt: number;
  /** padTimeoutSeconds in ms. */
  askMs: number;
  /** padClosesAfterSeconds in ms. */
  closesMs: number;
}

export const hardEnd = (c: AskClock): number => c.shownAt + Math.max(c.askMs, c.closesMs - sendMarginMs);

export function giveUpAt(c: AskClock): number {
  return Math.min(Math.max(c.touchedAt, c.shownAt) + c.askMs, hardEnd(c));
}

/** A warning for a rating in progress: why it would end (untouched, or the hall's time is up) and the seconds left. */
export function warning(c: AskClock, now: number): { cause: 'idle' | 'closing'; seconds: number } | null {
  const end = giveUpAt(c);
  const left = end - now;
  if (left > warnMs || left <= 0) return null;
  return { cause: end === hardEnd(c) ? 'closing' : 'idle', seconds: Math.ceil(left / 1000) };
}
