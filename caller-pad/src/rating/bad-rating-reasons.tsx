import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ratingCommentMax, ratingGap, reasonNeedsComment } from '../../../protocol/rating-rules.js';
import { Bi, BiText } from '../lib/bi.js';
import { ratingLevels, ratingReasons, type RatingLevel, type RatingReason } from './rating-levels.js';
import type { RatingDraft } from './rating-api.js';
import { words } from './rating-words.js';

/**
 * A bad rating asks for a reason (GB/T 39734), so the follow-up knows what to put right; "other" also asks for a
 * few words, typed with the screen's keyboard or IME. What is chosen and typed stays here while it is sent, so a
 * refusal worth retrying loses nothing. `children` are the screen's notices (time running out, a refusal).
 */
export function BadRatingReasons({ level, busy, onSubmit, onBack, children }: {
  level: RatingLevel; busy: boolean; onSubmit: (draft: RatingDraft) => void; onBack: () => void; children?: ComponentChildren;
}) {
  const [chosen, setChosen] = useState<RatingReason[]>([]);
  const [comment, setComment] = useState('');
  const note = useRef<HTMLTextAreaElement>(null);
  const toggle = (r: RatingReason) => setChosen(chosen.includes(r) ? chosen.filter((x) => x !== r) : [...chosen, r]);
  const name = ratingLevels.find((l) => l.level === level)!;
  const needsNote = chosen.some(reasonNeedsComment);
  const gap = ratingGap(level, chosen, comment);
  // The keyboard comes up as the box appears, so the visitor can start typing at once.
  useEffect(() => { if (needsNote) note.current?.focus(); }, [needsNote]);
  return (
    <section class={`rate-ask rate-why${needsNote ? ' rate-why-note' : ''}`}>
      <h1 class="rate-question"><Bi zh={`您选择了“${name.zh}”，请告诉我们原因`} en={`You chose "${name.en}". What went wrong?`} /></h1>
      <div class="rate-reasons">
        {ratingReasons.map((r) => (
          <button key={r.code} type="button" class={`rate-reason ${chosen.includes(r.code) ? 'rate-reason-on' : ''}`} disabled={busy}
            aria-pressed={chosen.includes(r.code)} data-testid={`rate-reason-${r.code}`} onClick={() => toggle(r.code)}>
            {chosen.includes(r.code) ? <span class="rate-check" aria-hidden="true">✔</span> : null}
            <span class="rate-zh">{r.zh}</span>
            <span class="rate-en">{r.en}</span>
          </button>
        ))}
      </div>
      {needsNote ? (
        <label class="rate-note">
          <BiText text={words.noteLabel} />
          <textarea ref={note} rows={2} maxLength={ratingCommentMax} value={comment} readOnly={busy} data-testid="rate-comment"
            onInput={(e) => setComment(e.currentTarget.value)} />
        </label>
      ) : null}
      {children}
      <div class="rate-actions">
        <button type="button" class="btn rate-action" disabled={busy} onClick={onBack}><Bi zh="返回" en="Back" /></button>
        <button type="button" class="btn btn-primary rate-action" data-testid="rate-submit" disabled={busy || gap !== null}
          onClick={() => onSubmit({ level, reasons: chosen, comment })}>
          {busy ? <BiText text={words.sending} /> : gap === 'comment' ? <BiText text={words.noteNeeded} /> : <Bi zh="提交评价" en="Submit" />}
        </button>
      </div>
    </section>
  );
}
