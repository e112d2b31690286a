import type { HallSnapshot } from '../../../../protocol/realtime.js';
import type { FollowUpView } from '../../../../protocol/ratings.js';
import type { StatsRow } from '../../../../protocol/stats.js';
import type { Bar, Share } from './charts.js';
import { percent } from './format.js';

/** Handling time assumed when nobody has been served yet, so the capacity line still has a scale. */
const fallbackHandlingSec = 600;

/**
 * What the open windows could have served in each hour: open window-minutes over the day's mean handling time.
 * An estimate, and labelled as one on screen.
 */
export function arrivalsAndCapacity(hours: StatsRow[], total: StatsRow | null): { bars: Bar[]; capacity: (number | null)[] } {
  // A mean of 0 (visits finished the moment they started) would make the capacity infinite: it says nothing yet.
  const handlingMin = (total?.handlingMeanSec || fallbackHandlingSec) / 60;
  // The office day runs at least 08-17 so a quiet morning still reads as a day; rows only exist for active hours.
  const keys = hours.map((h) => Number(h.key)).filter((k) => Number.isInteger(k));
  const first = Math.min(8, ...keys);
  const last = Math.max(17, ...keys);
  const bars: Bar[] = [];
  const capacity: (number | null)[] = [];
  for (let hour = first; hour <= last; hour++) {
    const row = hours.find((h) => Number(h.key) === hour);
    bars.push({ label: String(hour).padStart(2, '0'), value: row?.tickets ?? 0 });
    // After the last active hour nothing is known yet (later today), so the line stops there instead of dropping to 0.
    const known = keys.length > 0 && hour <= Math.max(...keys);
    capacity.push(row?.openMinutes != null ? Math.round((row.openMinutes / handlingMin) * 10) / 10 : known ? 0 : null);
  }
  return { bars, capacity };
}

const waitBins = [5, 10, 15, 20, 30, 45, 60];

/** Waits in minutes of today's recent calls (arrival to call) and of those still waiting (so far), in bins. */
export function waitDistribution(hall: HallSnapshot | null, now: number): Bar[] {
  const waits: number[] = [];
  for (const t of hall?.recentCalls ?? []) if (t.calledAt) waits.push((t.calledAt - t.arrivedAt) / 60_000);
  for (const t of hall?.waiting ?? []) waits.push((now - t.arrivedAt) / 60_000);
  const counts = new Array(waitBins.length + 1).fill(0) as number[];
  for (const w of waits) {
    const i = waitBins.findIndex((edge) => w < edge);
    counts[i === -1 ? waitBins.length : i] += 1;
  }
  return counts.map((value, i) => ({
    label: i === 0 ? `<${waitBins[0]}` : i === waitBins.length ? `≥${waitBins[i - 1]}` : `${waitBins[i - 1]}-${waitBins[i]}`,
    value,
  }));
}

export function windowShares(windows: StatsRow[]): Share[] {
  return windows.map((w) => ({ label: w.label.zh, share: w.utilisation, note: percent(w.utilisation) }));
}

export function caseCounts(cases: FollowUpView[]): { open: number; overdue: number } {
  return {
    open: cases.filter((c) => c.status !== 'closed').length,
    overdue: cases.filter((c) => c.status !== 'closed' && (c.overdue.contact || c.overdue.rectify)).length,
  };
}
