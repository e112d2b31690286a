import type { WindowReport, WindowReportRow } from '../../protocol/stats.js';
import { addDays } from '../core/hall-time.js';
import type { HallState } from '../core/types.js';
import type { Db } from '../store/database.js';
import { statsPeriod } from './period.js';
import { unhandledKey } from './dimensions.js';
import { statsRows, zeroRow } from './report.js';

export function monthDays(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { from, to: addDays(next, -1) };
}

/**
 * 窗口效能月报: each window's month, ranked by visitors served per hour open, the figure halls use to re-plan
 * window layout (a busy window with long waits needs a second one; an idle one can serve another service).
 */
export function windowReport(db: Db, state: HallState, month: string, now: number): WindowReport {
  const { from, to } = monthDays(month);
  const period = statsPeriod(from, to, state.settings.timeZone, now);
  const numbers = new Map<string, number>();
  for (const row of db.prepare('SELECT id, number FROM windows').all() as { id: number; number: number }[]) numbers.set(String(row.id), row.number);
  // Tickets no window called (still waiting at the close, cancelled) keep their own unranked row, last, as in the
  // general report: the rows add up to the month's total, in the screen and in the exports.
  const rows: WindowReportRow[] = statsRows(db, state, 'window', period).map((r) => {
    const openHours = (r.openMinutes ?? 0) / 60;
    const unhandled = r.key === unhandledKey;
    return {
      ...r, windowId: unhandled ? null : Number(r.key), windowNumber: unhandled ? null : numbers.get(r.key) ?? 0,
      servedPerOpenHour: openHours > 0 ? Math.round((r.served / openHours) * 100) / 100 : null, rank: null,
    };
  });
  const ranked = rows.filter((r) => r.servedPerOpenHour !== null).sort((a, b) => b.servedPerOpenHour! - a.servedPerOpenHour! || a.windowNumber! - b.windowNumber!);
  ranked.forEach((r, i) => { r.rank = i + 1; });
  const number = (r: WindowReportRow) => r.windowNumber ?? Infinity;
  rows.sort((a, b) => number(a) - number(b));
  const total = statsRows(db, state, 'total', period)[0] ?? zeroRow();
  return { month, generatedAt: now, rows, total };
}
