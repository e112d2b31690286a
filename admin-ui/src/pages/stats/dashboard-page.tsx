import { useEffect, useRef, useState } from 'preact/hooks';
import type { FollowUpView } from '../../../../protocol/ratings.js';
import type { HallSnapshot } from '../../../../protocol/realtime.js';
import type { StatsReport } from '../../../../protocol/stats.js';
import { Bi, ErrorNotice } from '../../lib/bi.js';
import { LinkState } from '../../lib/link-state.js';
import { useNow } from '../../lib/use-now.js';
import { BarLineChart, Histogram, ShareBars } from './charts.js';
import { arrivalsAndCapacity, caseCounts, waitDistribution, windowShares } from './dashboard-model.js';
import { KeyFigures } from './key-figures.js';
import { useApi } from './use-api.js';
import { RefreshPacer } from '../../lib/refresh-pacer.js';
import { useLiveWarnings } from './use-live-warnings.js';
import { WarningsList } from './warnings-list.js';
import './stats.css';

const refreshMs = 30_000;

/**
 * Today at a glance: key figures and three charts, refreshed soon after anything happens in the hall (paced, see
 * RefreshPacer) and every 30 s besides (waits so far grow with nobody acting); the live warnings as the server pushes them.
 */
export function DashboardPage() {
  const hall = useApi<HallSnapshot & { seq: number }>('/api/hall');
  const day = hall.data?.hall.hallDay ?? null;
  const byHour = useApi<StatsReport>(day && `/api/stats?from=${day}&to=${day}&by=hour`);
  const byWindow = useApi<StatsReport>(day && `/api/stats?from=${day}&to=${day}&by=window`);
  const cases = useApi<FollowUpView[]>('/api/follow-ups');
  const all = [hall, byHour, byWindow, cases];
  const reloadAll = () => Promise.all(all.map((r) => r.reload()));
  // One pacer for the page's life; it calls whatever reloadAll is current (the paths follow the hall day).
  const latest = useRef(reloadAll);
  latest.current = reloadAll;
  const [pacer] = useState(() => new RefreshPacer(() => latest.current()));
  useEffect(() => () => pacer.stop(), []);
  const warnings = useLiveWarnings(() => pacer.changed());
  const now = useNow(refreshMs);
  useEffect(() => { if (hall.data) for (const r of all) void r.reload(); }, [now]);

  const total = byHour.data?.total ?? null;
  const { bars, capacity } = arrivalsAndCapacity(byHour.data?.rows ?? [], total);
  const counts = caseCounts(cases.data ?? []);
  const timeZone = hall.data?.hall.timeZone ?? 'Asia/Shanghai';
  const error = all.find((r) => r.error)?.error ?? warnings.error;
  return (
    <div class="dash" data-testid="stats-dashboard">
      <header class="dash-head">
        <h2><Bi zh={`今日概况 ${day ?? ''}`} en="Today at a glance" /></h2>
        <button type="button" class="btn" data-testid="stats-refresh" onClick={() => void reloadAll()}><Bi zh="刷新" en="Refresh" inline /></button>
      </header>
      <ErrorNotice error={error} />
      <KeyFigures total={total} open={counts.open} overdue={counts.overdue} />
      <div class="dash-grid">
        <section class="panel chart-panel">
          <header class="panel-head"><h3><Bi zh="分时段取号与服务能力" en="Arrivals against capacity by hour" inline /></h3></header>
          <BarLineChart bars={bars} line={capacity} title="分时段取号与服务能力 Arrivals against capacity by hour" testid="stats-chart-arrivals" />
          <p class="legend">
            <span class="key key-bar" /><Bi zh="取号人数" en="Tickets" inline />
            <span class="key key-line" /><Bi zh="服务能力（估算：开放窗口分钟 ÷ 平均办理时长）" en="Capacity (open window-minutes ÷ mean handling time)" inline />
          </p>
        </section>
        <section class="panel chart-panel">
          <header class="panel-head"><h3><Bi zh="等候时长分布（分钟）" en="Wait distribution (minutes)" inline /></h3></header>
          <Histogram bins={waitDistribution(hall.data, Date.now())} title="等候时长分布 Wait distribution" testid="stats-chart-waits" />
          <p class="legend muted"><Bi zh="最近叫号的等候时长与仍在等候者已等时长" en="Recent calls' waits and the waits so far of those still waiting" inline /></p>
        </section>
        <section class="panel chart-panel">
          <header class="panel-head"><h3><Bi zh="窗口利用率" en="Window utilisation" inline /></h3></header>
          {byWindow.data && byWindow.data.rows.length > 0
            ? <ShareBars items={windowShares(byWindow.data.rows)} title="窗口利用率 Window utilisation" testid="stats-chart-windows" />
            : <p class="muted legend"><Bi zh="今日尚无窗口开放" en="No window has opened today" inline /></p>}
        </section>
        <section class="panel chart-panel">
          <header class="panel-head">
            <h3><Bi zh="实时预警" en="Live warnings" inline /></h3>
            <span class="warn-head-side">
              <span class="count" data-testid="stats-warnings-count">{warnings.list?.warnings.length ?? 0}</span>
              <LinkState online={warnings.online} testid="stats-warnings-link" />
            </span>
          </header>
          <WarningsList list={warnings.list} now={now} timeZone={timeZone} />
        </section>
      </div>
    </div>
  );
}
