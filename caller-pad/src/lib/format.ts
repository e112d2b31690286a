/** Minutes a visitor has waited, whole and never negative (a clock skew must not show "-1 分钟"). */
export function minutesBetween(from: number, to: number): number {
  return Math.max(0, Math.floor((to - from) / 60_000));
}

/** 07:05 for a running timer at the counter. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
}

export type WaitLevel = 'normal' | 'yellow' | 'red';

/** The hall's yellow / red light for a wait, from the thresholds in the hall settings. */
export function waitLevel(waitedMinutes: number, yellowMinutes: number, redMinutes: number): WaitLevel {
  if (waitedMinutes >= redMinutes) return 'red';
  if (waitedMinutes >= yellowMinutes) return 'yellow';
  return 'normal';
}
