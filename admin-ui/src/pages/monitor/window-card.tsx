import { Bi } from '../../lib/bi.js';
import type { MonitorWindow } from './monitor-model.js';

const statusName = { open: ['开放', 'Open'], paused: ['暂停', 'Paused'], closed: ['未开放', 'Closed'] } as const;
const pauseName = { lunch: '午休', break: '休息', meeting: '开会', other: '其他' } as const;

/** One window: its state in words and colour, who sits there, and the number at its counter. */
export function WindowCard({ w, now }: { w: MonitorWindow; now: number }) {
  const t = w.currentTicket;
  const [zh, en] = statusName[w.status];
  const since = t ? (t.status === 'serving' ? t.startedAt : t.calledAt) : null;
  const minutes = since ? Math.max(0, Math.floor((now - since) / 60_000)) : null;
  return (
    <li class={`mon-window mon-${w.status} ${t ? `mon-ticket-${t.status}` : ''}`} data-testid={`monitor-window-${w.number}`}>
      <div class="mon-window-head">
        <span class="mon-window-number">{w.number}</span>
        <span class={`state state-${w.status}`}>{zh}{w.pauseReason ? `·${pauseName[w.pauseReason]}` : ''} {en}</span>
      </div>
      <div class="mon-current">
        {t ? (
          <>
            <span class="mon-current-number" data-testid={`monitor-window-${w.number}-current`}>{t.number}</span>
            <span class="mon-current-state">
              {t.status === 'serving' ? '办理中 Serving' : '已呼叫 Called'}{minutes !== null ? ` · ${minutes} 分 min` : ''}
            </span>
          </>
        ) : (
          <span class="mon-idle">{w.status === 'open' ? <Bi zh="空闲" en="Idle" inline /> : '—'}</span>
        )}
      </div>
      <div class="mon-staff">{w.staffName ?? <span class="muted">无人 Nobody</span>}</div>
    </li>
  );
}
