import { useEffect, useState } from 'preact/hooks';
import { apiCall } from '../../../protocol/api-client.js';
import type { ErrorBody } from '../../../protocol/i18n.js';
import { ratingLevelNames, ratingReasonNames, RatingReason, type RatingLevel, type RatingView } from '../../../protocol/ratings.js';
import { Bi } from '../shared/bilingual.js';
import { ratingWords as w } from './rating-words.js';
import './rating.css';

interface MyRating { rating: RatingView | null; canRate: boolean }
const levels: RatingLevel[] = [5, 4, 3, 2, 1];
const path = (token: string) => `/api/visits/${encodeURIComponent(token)}/rating`;

/** After service: the five 好差评 levels once per visit; a bad rating (2, 1) asks why before it is sent. */
export function RatingStep({ token }: { token: string }) {
  const [mine, setMine] = useState<MyRating | null>(null);
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [reasons, setReasons] = useState<RatingReason[]>([]);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ErrorBody | null>(null);
  useEffect(() => { void apiCall<MyRating>('GET', path(token)).then((r) => r.ok && setMine(r.data)); }, [token]);

  if (!mine) return null;
  if (mine.rating) {
    return (
      <section class="panel rating-done" role="status" data-testid="phone-rating-thanks">
        <h2 class="panel-title"><Bi text={w.thanks} /></h2>
        <p class="rating-mine"><Bi text={w.yourRating} /> <strong data-testid="phone-rating-level"><Bi text={ratingLevelNames[mine.rating.level]} /></strong></p>
        {mine.rating.level <= 2 ? <p class="muted"><Bi text={w.followUp} /></p> : null}
      </section>
    );
  }
  if (!mine.canRate) return null;

  const send = async (chosen: RatingLevel) => {
    const bad = chosen <= 2;
    if (bad && reasons.length === 0) return setProblem({ code: 'REASON_REQUIRED', message: w.needReason });
    if (bad && reasons.includes('other') && !comment.trim()) return setProblem({ code: 'COMMENT_REQUIRED', message: w.needComment });
    setBusy(true);
    const body = bad ? { level: chosen, reasons, ...(comment.trim() ? { comment: comment.trim() } : {}) } : { level: chosen };
    const res = await apiCall<RatingView>('POST', path(token), { body });
    setBusy(false);
    if (res.ok) setMine({ rating: res.data, canRate: false });
    else setProblem(res.error);
  };
  const choose = (l: RatingLevel) => {
    setProblem(null);
    setLevel(l);
    if (l > 2) void send(l);
  };
  const toggle = (r: RatingReason) => {
    setProblem(null);
    setReasons((list) => (list.includes(r) ? list.filter((x) => x !== r) : [...list, r]));
  };

  return (
    <section class="panel rating" aria-labelledby="rating-title" data-testid="phone-rating">
      <h2 id="rating-title" class="panel-title"><Bi text={w.title} /></h2>
      <p class="field-hint"><Bi text={w.hint} /></p>
      <div class="rating-levels" role="group" aria-labelledby="rating-title">
        {levels.map((l) => (
          <button key={l} type="button" class={`rating-level level-${l}${level === l ? ' chosen' : ''}`} aria-pressed={level === l}
            disabled={busy} data-testid={`rate-${l}`} onClick={() => choose(l)}>
            <span class="rating-stars" aria-hidden="true">{'★'.repeat(l)}</span>
            <Bi text={ratingLevelNames[l]} />
          </button>
        ))}
      </div>
      {level !== null && level <= 2 ? (
        <fieldset class="rating-reasons">
          <legend><Bi text={w.why} /></legend>
          {RatingReason.options.map((r) => (
            <label key={r} class="rating-reason">
              <input type="checkbox" checked={reasons.includes(r)} data-testid={`rate-reason-${r}`} onChange={() => toggle(r)} />
              <Bi text={ratingReasonNames[r]} />
            </label>
          ))}
          <label class="field">
            <span><Bi text={w.commentLabel} /></span>
            <textarea maxLength={500} rows={3} value={comment} data-testid="rate-comment" onInput={(e) => setComment(e.currentTarget.value)} />
          </label>
          <button type="button" class="button primary wide" disabled={busy} data-testid="rate-send" onClick={() => void send(level)}>
            <Bi text={busy ? w.sending : w.send} />
          </button>
        </fieldset>
      ) : null}
      {problem ? <div class="refusal" role="alert" data-testid="phone-rating-error"><p><Bi text={problem.message} /></p></div> : null}
    </section>
  );
}
