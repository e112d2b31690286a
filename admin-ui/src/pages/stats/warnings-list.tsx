import { Bi } from '../../lib/bi.js';
import { formatTime } from '../../lib/time.js';
import type { WarningList } from './use-live-warnings.js';
import { sentenceNow } from './warning-minutes.js';

const levelWords = { yellow: { zh: '黄灯', en: 'Yellow' }, red: { zh: '红灯', en: 'Red' } };

/** The yellow and red lights now, red first; each says its level in words beside the colour. */
export function WarningsList({ list, now, timeZone }: { list: WarningList | null; now: number; timeZone: string }) {
  const warnings = list?.warnings ?? [];
  if (!list || warnings.length === 0) return <p class="muted warn-none" data-testid="stats-warnings-none"><Bi zh="当前无预警" en="No warnings now" inline /></p>;
  const sorted = [...warnings].sort((a, b) => (a.level === b.level ? a.since - b.since : a.level === 'red' ? -1 : 1));
  return (
    <ul class="warn-list" data-testid="stats-warnings">
      {sorted.map((w) => {
        const sentence = sentenceNow(w, list.at, now - list.receivedAt);
        return (
          <li key={w.key} class={`warn warn-${w.level}`} data-testid={`stats-warning-${w.key}`} data-level={w.level}>
            <span class={`state state-${w.level}`}><Bi zh={levelWords[w.level].zh} en={levelWords[w.level].en} inline /></span>
            <span class="warn-text"><Bi zh={sentence.zh} en={sentence.en} /></span>
            <span class="muted nowrap">{formatTime(w.since, timeZone)}</span>
          </li>
        );
      })}
    </ul>
  );
}
