import type { Text } from '../../../../protocol/i18n.js';
import type { LiveWarning } from '../../../../protocol/stats.js';

const minute = 60_000;

/**
 * The warning's sentence with its minutes as of now. The server writes the minutes into the sentence when it
 * lists the lights, and pushes a new list only when a light changes, so a wait shown as "12 分钟" would stay at
 * 12 for as long as nothing else happened. A wait or service light started its clock `thresholdMinutes` before
 * `since`; a follow-up's sentence has no minutes and is left as written.
 */
export function sentenceNow(w: LiveWarning, listedAt: number, msSinceListed: number): Text {
  if (w.thresholdMinutes === null) return w.message;
  const started = w.since - w.thresholdMinutes * minute;
  const now = Math.max(w.minutes, Math.floor((listedAt - started + Math.max(0, msSinceListed)) / minute));
  if (now === w.minutes) return w.message;
  return {
    zh: w.message.zh.replace(new RegExp(`(^|\\D)${w.minutes} 分钟`), `$1${now} 分钟`),
    en: w.message.en.replace(new RegExp(`\\b${w.minutes} min\\b`), `${now} min`),
  };
}
