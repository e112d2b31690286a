import { Bi } from '../../lib/bi.js';
import { LinkState } from '../../lib/link-state.js';
import { formatTime } from '../../lib/time.js';
import { useNow } from '../../lib/use-now.js';
import { serviceLoads, type WaitLevel } from './monitor-model.js';
import { useHallFeed } from './use-hall-feed.js';
import { WindowCard } from './window-card.js';

const levelName: Record<WaitLevel, string> = { normal: '正常 Normal', yellow: '黄灯 Yellow', red: '红灯 Red' };

/** The live hall: every window's state and number, waiting per service with the yellow / red lights, device alerts. */
export function MonitorPage() {
  const { state, online, alerts } = useHallFeed();
  const now = useNow(5000);
  if (!state) return <section class="panel"><p class="muted"><Bi zh="正在连接…" en="Connecting…" inline /></p></section>;
  const loads = serviceLoads(state, now);
  const open = state.windows.filter((w) => w.status !== 'closed').length;
  const longest = Math.max(0, ...loads.map((l) => l.longestMinutes));
  const areaName = (id: number) => state.areas.find((a) => a.id === id)?.name.zh ?? '';
  return (
    <div class="monitor">
      <section class="mon-summary">
        <div class="mon-stat"><span class="mon-stat-value" data-testid="monitor-waiting-total">{state.waiting.length}</span><Bi zh="等候人数" en="Waiting" /></div>
        <div class="mon-stat"><span class="mon-stat-value">{open}/{state.windows.length}</span><Bi zh="开放窗口" en="Windows open" /></div>
        <div class="mon-stat"><span class="mon-stat-value">{longest}<small>分</small></span><Bi zh="最长等候" en="Longest wait (min)" /></div>
        <div class="mon-stat">
          <span class="mon-stat-value">{state.hall.yellowWaitMinutes}/{state.hall.redWaitMinutes}</span>
          <Bi zh="黄灯/红灯（分钟）" en="Yellow / red (min)" />
        </div>
        <LinkState online={online} testid="monitor-link" />
      </section>
      <div class="mon-body">
        <section class="panel mon-windows-panel">
          <header class="panel-head"><h2><Bi zh="窗口" en="Windows" inline /></h2></header>
          <ul class="mon-windows">{state.windows.map((w) => <WindowCard key={w.id} w={w} now={now} />)}</ul>
        </section>
        <section class="panel mon-services-panel">
          <header class="panel-head"><h2><Bi zh="各业务等候" en="Waiting by service" inline /></h2></header>
          <table class="table">
            <thead>
              <tr>
                <th><Bi zh="业务" en="Service" /></th><th><Bi zh="等候" en="Waiting" /></th>
                <th><Bi zh="最长（分）" en="Longest (min)" /></th><th><Bi zh="预警" en="Warning" /></th>
              </tr>
            </thead>
            <tbody>
              {loads.map((l) => (
                <tr key={l.service.id} class={`load-${l.level}`} data-testid={`monitor-service-${l.service.code}`}>
                  <td><strong class="prefix">{l.service.prefix}</strong> {l.service.name.zh} <span class="muted">{areaName(l.service.areaId)}</span></td>
                  <td class="num">{l.waiting}</td>
                  <td class="num">{l.longestMinutes}</td>
                  <td><span class={`state state-${l.level}`}>{levelName[l.level]}</span>{l.overRed > 0 && <span class="muted"> ×{l.overRed}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {alerts.length > 0 && (
            <div class="mon-alerts" data-testid="monitor-alerts">
              <h3><Bi zh="设备提醒" en="Device alerts" inline /></h3>
              <ul>{alerts.map((a, i) => <li key={i}>{formatTime(a.at, state.hall.timeZone)} {a.message.zh} <span class="muted">{a.message.en}</span></li>)}</ul>
            </div>
          )}
        </section>
      </div>
    </div>
  );
}
