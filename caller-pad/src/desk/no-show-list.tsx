import type { TicketView } from '../../../protocol/queue-entities.js';
import { Bi } from '../lib/bi.js';

/** 过号顺延: a no-show who turns up later is put back a few places behind the head, on request of staff. */
export function NoShowList({ noShows, online, onRequeue }: { noShows: TicketView[]; online: boolean; onRequeue: (t: TicketView) => void }) {
  if (noShows.length === 0) return null;
  return (
    <section class="panel noshow-panel" aria-labelledby="noshow-title">
      <h2 id="noshow-title" class="panel-title"><Bi zh="今日过号" en="No-shows today" inline /></h2>
      <ul class="noshow-rows">
        {noShows.map((t) => (
          <li key={t.id} class="noshow-row">
            <span class="waiting-number">{t.number}</span>
            <span class="waiting-service">{t.serviceName.zh}</span>
            <button type="button" class="btn btn-small" disabled={!online} onClick={() => onRequeue(t)} data-testid={`pad-requeue-${t.number}`}>
              <Bi zh="过号顺延" en="Re-queue" />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
