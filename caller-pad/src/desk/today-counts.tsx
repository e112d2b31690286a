import { Bi } from '../lib/bi.js';
import type { WindowDayCounts as Counts } from '../../../protocol/queue-entities.js';

export function TodayCounts({ counts }: { counts: Counts }) {
  const tiles = [
    { key: 'served', testid: 'pad-count-served', zh: '今日办结', en: 'Served', value: counts.served },
    { key: 'noShow', testid: 'pad-count-no-show', zh: '过号', en: 'No-show', value: counts.noShow },
    { key: 'transferred', testid: 'pad-count-transferred', zh: '转移', en: 'Transferred', value: counts.transferred },
  ];
  return (
    <section class="counts" aria-label="今日统计 Today">
      {tiles.map((t) => (
        <div key={t.key} class="count-tile">
          <span class="count-value" data-testid={t.testid}>{t.value}</span>
          <Bi zh={t.zh} en={t.en} />
        </div>
      ))}
    </section>
  );
}
