import type { PublicService } from '../../../protocol/realtime.js';

/** How many people wait for each service the board covers. */
export function WaitingCounts({ services, counts }: { services: PublicService[]; counts: Map<number, number> }) {
  return (
    <section class="panel waiting" data-testid="board-waiting">
      <h2>等候人数<span class="en">Waiting</span></h2>
      <ul class="waiting-list">
        {services.map((s) => (
          <li key={s.id} class="waiting-item" data-testid={`board-waiting-${s.code}`}>
            <span class="waiting-prefix" aria-hidden="true">{s.prefix}</span>
            <span class="waiting-name"><span class="zh">{s.name.zh}</span><span class="en">{s.name.en}</span></span>
            <span class="waiting-count"><strong>{counts.get(s.id) ?? 0}</strong> 人</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
