import type { Text } from '../../../protocol/i18n.js';
import { useNow } from './use-now.js';

/** Hall (and area) name, the hall's date and time, and whether the board is live. */
export function HeaderBar({ hallName, areaName, timeZone, connected }: { hallName: Text; areaName: Text | null; timeZone: string; connected: boolean }) {
  const now = useNow(1000);
  const date = new Intl.DateTimeFormat('zh-CN', { timeZone, month: 'long', day: 'numeric', weekday: 'long' }).format(now);
  const time = new Intl.DateTimeFormat('zh-CN', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(now);
  return (
    <header class="board-header">
      <div class="hall-name">
        <h1>{hallName.zh}{areaName && <span class="area-name"> · {areaName.zh}</span>}</h1>
        <p class="en">{hallName.en}{areaName && ` · ${areaName.en}`}</p>
      </div>
      <div class="clock" data-testid="board-clock">
        <span class="clock-date">{date}</span>
        <span class="clock-time">{time}</span>
      </div>
      <ConnectionIndicator connected={connected} />
    </header>
  );
}

function ConnectionIndicator({ connected }: { connected: boolean }) {
  return (
    <div class={`connection ${connected ? 'online' : 'reconnecting'}`} data-testid="board-connection" data-state={connected ? 'online' : 'reconnecting'} role="status">
      <span class="connection-dot" aria-hidden="true" />
      {connected
        ? <span>已连接<span class="en">Online</span></span>
        : <span>正在重新连接…<span class="en">Reconnecting…</span></span>}
    </div>
  );
}
