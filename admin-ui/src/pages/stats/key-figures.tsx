import type { StatsRow } from '../../../../protocol/stats.js';
import { Bi } from '../../lib/bi.js';
import { minutes, percent, plain } from './format.js';

interface Figure { key: string; zh: string; en: string; value: string; unit?: string; alarm?: boolean }

/** Today's figures in large type, one card each; an alarming figure gets a red frame and the word, not colour alone. */
export function KeyFigures({ total, open, overdue }: { total: StatsRow | null; open: number; overdue: number }) {
  const figures: Figure[] = [
    { key: 'tickets', zh: '取号', en: 'Tickets', value: plain(total?.tickets) },
    { key: 'served', zh: '已办结', en: 'Served', value: plain(total?.served) },
    { key: 'no-show', zh: '过号', en: 'No-show', value: plain(total?.noShow) },
    { key: 'wait-mean', zh: '平均等候', en: 'Mean wait', value: minutes(total?.waitMeanSec), unit: '分 min' },
    { key: 'wait-p90', zh: '90% 等候', en: 'P90 wait', value: minutes(total?.waitP90Sec), unit: '分 min' },
    { key: 'good-rate', zh: '好评率', en: 'Good ratings', value: percent(total?.goodRate) },
    { key: 'open-cases', zh: '差评待办', en: 'Open bad-rating cases', value: String(open), alarm: open > 0 },
    { key: 'overdue', zh: '超期', en: 'Overdue', value: String(overdue), alarm: overdue > 0 },
  ];
  return (
    <div class="figures" role="list">
      {figures.map((f) => (
        <div key={f.key} role="listitem" class={f.alarm ? 'figure figure-alarm' : 'figure'} data-testid={`stats-figure-${f.key}`}>
          <span class="figure-name"><Bi zh={f.zh} en={f.en} /></span>
          <span class="figure-value" data-testid={`stats-value-${f.key}`}>{f.value}{f.unit ? <small>{f.unit}</small> : null}</span>
        </div>
      ))}
    </div>
  );
}
