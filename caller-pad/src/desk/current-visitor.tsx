import type { PriorityClass } from '../../../protocol/config-entities.js';
import type { WindowView } from '../../../protocol/queue-entities.js';
import { Bi } from '../lib/bi.js';
import { clock, minutesBetween } from '../lib/format.js';
import { pauseReasonName, ticketStatusName } from '../lib/status-names.js';
import { AppointmentTag } from './ticket-tags.js';

interface Props {
  window: WindowView;
  now: number;
  priorityClasses: PriorityClass[];
  canOpen: boolean;
  onOpen: () => void;
}

/** The visitor at the counter: what staff need to greet them and nothing that identifies them in full. */
export function CurrentVisitor({ window: w, now, priorityClasses, canOpen, onOpen }: Props) {
  const t = w.currentTicket;
  if (w.status === 'closed') {
    return (
      <section class="visitor-card visitor-idle" data-testid="pad-current" aria-live="polite">
        <p class="visitor-hint"><Bi zh="窗口未开放" en="This window is closed" /></p>
        <button type="button" class="btn btn-primary btn-huge" data-testid="pad-open" disabled={!canOpen} onClick={onOpen}>
          <Bi zh="开窗受理" en="Open window" />
        </button>
      </section>
    );
  }
  if (!t) {
    const paused = w.status === 'paused';
    const reason = w.pauseReason ? pauseReasonName[w.pauseReason] : null;
    return (
      <section class={`visitor-card ${paused ? 'visitor-paused' : 'visitor-idle'}`} data-testid="pad-current" aria-live="polite">
        {paused ? (
          <p class="visitor-hint" data-testid="pad-paused">
            <Bi zh={`暂停服务${reason ? `（${reason.zh}）` : ''}`} en={`Paused${reason ? ` (${reason.en})` : ''}`} />
          </p>
        ) : (
          <p class="visitor-hint"><Bi zh="当前无办理人员，请按“叫号”" en="Nobody at the counter: press Call next" /></p>
        )}
      </section>
    );
  }
  const status = ticketStatusName[t.status];
  const priority = t.priorityClassId !== null ? priorityClasses.find((p) => p.id === t.priorityClassId) : undefined;
  const since = t.status === 'serving' ? t.startedAt : t.calledAt;
  return (
    <section class={`visitor-card visitor-${t.status}`} data-testid="pad-current" aria-live="polite">
      <div class="visitor-number-block">
        <span class="visitor-number" data-testid="pad-current-number">{t.number}</span>
        <span class={`pill pill-${t.status}`} data-testid="pad-current-status">{status.zh} {status.en}</span>
        <AppointmentTag ticket={t} testid="pad-current-appointment" />
      </div>
      <dl class="visitor-facts">
        <div><dt><Bi zh="业务" en="Service" inline /></dt><dd>{t.serviceName.zh}<small>{t.serviceName.en}</small></dd></div>
        <div><dt><Bi zh="姓名" en="Name" inline /></dt><dd data-testid="pad-current-name">{t.person?.nameMasked ?? '—'}</dd></div>
        <div class="fact-wide"><dt><Bi zh="证件" en="ID" inline /></dt><dd class="mono">{t.person?.idMasked ?? '—'}</dd></div>
        <div>
          <dt><Bi zh="已等候" en="Waited" inline /></dt>
          <dd>{minutesBetween(t.arrivedAt, t.calledAt ?? now)} 分钟 <small class="unit">min</small></dd>
        </div>
        <div>
          <dt>{t.status === 'serving' ? <Bi zh="办理用时" en="Serving for" inline /> : <Bi zh="呼叫后" en="Since called" inline />}</dt>
          <dd class="mono">{since ? clock(now - since) : '—'}{t.recalls > 0 ? ` · 重呼 ${t.recalls} 次` : ''}</dd>
        </div>
        {priority && <div><dt><Bi zh="优先" en="Priority" inline /></dt><dd class="priority-text">{priority.name.zh}</dd></div>}
      </dl>
    </section>
  );
}
