import type { PriorityClass } from '../../../protocol/config-entities.js';
import type { TicketView } from '../../../protocol/queue-entities.js';
import { Bi } from '../lib/bi.js';
import { minutesBetween, waitLevel } from '../lib/format.js';
import { AppointmentTag } from './ticket-tags.js';
import { tierOf, type Tier } from './tiers.js';

interface Props {
  waiting: TicketView[];
  windowId: number;
  tiers: Map<number, 1 | 2>;
  priorityClasses: PriorityClass[];
  yellowMinutes: number;
  redMinutes: number;
  now: number;
  canCall: boolean;
  onCall: (t: TicketView) => void;
}

const groups: { tier: Tier; zh: string; en: string }[] = [
  { tier: 'transfer', zh: '转入本窗口', en: 'Sent to this window' },
  { tier: 1, zh: '主办业务', en: 'Main services' },
  { tier: 2, zh: '协办业务（后备）', en: 'Backup services' },
];

/** The window's queue by tier, oldest first, with priority and yellow / red waits marked in words as well as colour. */
export function WaitingList(p: Props) {
  const byTier = new Map<Tier, TicketView[]>();
  for (const t of p.waiting) {
    const tier = tierOf(t, p.windowId, p.tiers);
    if (tier === null) continue;
    byTier.set(tier, [...(byTier.get(tier) ?? []), t]);
  }
  const total = [...byTier.values()].reduce((n, l) => n + l.length, 0);
  return (
    <section class="panel waiting-panel" aria-labelledby="waiting-title">
      <h2 id="waiting-title" class="panel-title">
        <Bi zh="等候队列" en="Waiting" inline /> <span class="count-badge" data-testid="pad-waiting-count">{total}</span>
      </h2>
      <div class="waiting-scroll">
        {total === 0 && <p class="empty"><Bi zh="暂无等候" en="Nobody is waiting" /></p>}
        {groups.map((g) => {
          const list = byTier.get(g.tier);
          if (!list?.length) return null;
          return (
            <div key={String(g.tier)} class="tier-group">
              <h3 class="tier-title"><Bi zh={g.zh} en={g.en} inline /> · {list.length}</h3>
              <ul class="waiting-rows">
                {list.map((t) => <WaitingRow key={t.id} t={t} {...p} />)}
              </ul>
            </div>
          );
        })}
      </div>
    </section>
  );
}

function WaitingRow({ t, priorityClasses, yellowMinutes, redMinutes, now, canCall, onCall }: Props & { t: TicketView }) {
  const waited = minutesBetween(t.arrivedAt, now);
  const level = waitLevel(waited, yellowMinutes, redMinutes);
  const priority = t.priorityClassId !== null ? priorityClasses.find((c) => c.id === t.priorityClassId) : undefined;
  return (
    <li class={`waiting-row wait-${level}`} data-testid={`pad-waiting-${t.number}`}>
      <span class="waiting-number">{t.number}</span>
      <span class="waiting-main">
        <span class="waiting-service">{t.serviceName.zh}</span>
        <span class="waiting-meta">
          {t.person?.nameMasked ?? ''}
          {priority && <span class="tag tag-priority"><Bi zh={`优先·${priority.name.zh}`} en={priority.name.en} inline /></span>}
          <AppointmentTag ticket={t} testid={`pad-waiting-appointment-${t.number}`} />
          {t.requeues > 0 && <span class="tag" data-testid={`pad-waiting-requeued-${t.number}`}><Bi zh="顺延" en="Re-queued" inline /></span>}
        </span>
      </span>
      <span class="waiting-wait">
        {waited}<small>分 min</small>
        {level !== 'normal' && (
          <span class={`tag tag-${level}`}>{level === 'red' ? <Bi zh="红灯 超时" en="Red: overdue" inline /> : <Bi zh="黄灯" en="Yellow" inline />}</span>
        )}
      </span>
      <button type="button" class="btn btn-small" disabled={!canCall} onClick={() => onCall(t)} data-testid={`pad-call-ticket-${t.number}`}>
        <Bi zh="叫此号" en="Call" />
      </button>
    </li>
  );
}
