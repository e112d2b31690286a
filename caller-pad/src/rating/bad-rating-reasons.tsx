import { useState } from 'preact/hooks';
import { Bi } from '../lib/bi.js';
import { ratingLevels, ratingReasons, type RatingLevel, type RatingReason } from './rating-levels.js';

/** A bad rating asks for a reason (GB/T 39734), so the follow-up knows what to put right. */
export function BadRatingReasons({ level, onSubmit, onBack }: { level: RatingLevel; onSubmit: (reasons: RatingReason[]) => void; onBack: () => void }) {
  const [chosen, setChosen] = useState<RatingReason[]>([]);
  const toggle = (r: RatingReason) => setChosen(chosen.includes(r) ? chosen.filter((x) => x !== r) : [...chosen, r]);
  const name = ratingLevels.find((l) => l.level === level)!;
  return (
    <section class="rate-ask">
      <h1 class="rate-question"><Bi zh={`您选择了“${name.zh}”，请告诉我们原因`} en={`You chose "${name.en}". What went wrong?`} /></h1>
      <div class="rate-reasons">
        {ratingReasons.map((r) => (
          <button key={r.code} type="button" class={`rate-reason ${chosen.includes(r.code) ? 'rate-reason-on' : ''}`}
            aria-pressed={chosen.includes(r.code)} data-testid={`rate-reason-${r.code}`} onClick={() => toggle(r.code)}>
            <span class="rate-zh">{chosen.includes(r.code) ? '✔ ' : ''}{r.zh}</span>
            <span class="rate-en">{r.en}</span>
          </button>
        ))}
      </div>
      <div class="rate-actions">
        <button type="button" class="btn rate-action" onClick={onBack}><Bi zh="返回" en="Back" /></button>
        <button type="button" class="btn btn-primary rate-action" data-testid="rate-submit" disabled={chosen.length === 0} onClick={() => onSubmit(chosen)}>
          <Bi zh="提交评价" en="Submit" />
        </button>
      </div>
    </section>
  );
}
