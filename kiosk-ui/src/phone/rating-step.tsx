import { useState } from 'preact/hooks';
import { apiCall } from '../../../protocol/api-client.js';
import type { ErrorBody } from '../../../protocol/i18n.js';
import { isBadRatingLevel, ratingCommentMax, ratingGap, ratingLevelNames, ratingReasonNames, RatingReason, type RatingLevel, type RatingView } from '../../../protocol/ratings.js';
import { Bi } from '../shared/bilingual.js';
import { FixRatingStep } from './fix-rating-step.js';
import { LevelButtons } from './level-buttons.js';
import { ratingWords as w } from './rating-words.js';
import { Refusal } from './refusal.js';
import { myRatingPath, useMyRating, type MyRating } from './use-my-rating.js';
import './rating.css';

/** The follow-up of a bad rating, when there is one: where it stands and, once put right, the fix rating. */
export function FollowUpPart({ token, mine, reload }: { token: string; mine: MyRating; reload: () => Promise<void> }) {
  if (!mine.followUp) return null;
  return <FixRatingStep token={token} followUp={mine.followUp} onRated={() => void reload()} onRefused={() => void reload()} />;
}

/** After service: the five 好差评 levels once per visit; a bad rating (2, 1) asks why before it is sent. */
export function RatingStep({ token }: { token: string }) {
  const { mine, reload, update } = useMyRating(token);
  const [level, setLevel] = useState<RatingLevel | null>(null);
  const [reasons, setReasons] = useState<RatingReason[]>([]);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ErrorBody | null>(null);

  if (!mine) return null;
  if (mine.rating) {
    return (
      <>
        <section class="panel rating-done" role="status" data-testid="phone-rating-thanks">
          <h2 class="panel-title"><Bi text={w.thanks} /></h2>
          <p class="rating-mine"><Bi text={w.yourRating} /> <strong data-testid="phone-rating-level"><Bi text={ratingLevelNames[mine.rating.level]} /></strong></p>
        </section>
        <FollowUpPart token={token} mine={mine} reload={reload} />
      </>
    );
  }
  // The rating of an earlier day has left the hall's memory, but its follow-up may still be under way.
  if (!mine.canRate) return <FollowUpPart token={token} mine={mine} reload={reload} />;

  const send = async (chosen: RatingLevel) => {
    const bad = isBadRatingLevel(chosen);
    const gap = ratingGap(chosen, bad ? reasons : [], comment);
    if (gap === 'reason') return setProblem({ code: 'REASON_REQUIRED', message: w.needReason });
    if (gap === 'comment') return setProblem({ code: 'COMMENT_REQUIRED', message: w.needComment });
    setBusy(true);
    const body = bad ? { level: chosen, reasons, ...(comment.trim() ? { comment: comment.trim() } : {}) } : { level: chosen };
    const res = await apiCall<RatingView>('POST', myRatingPath(token), { body });
    setBusy(false);
    if (!res.ok) return setProblem(res.error);
    // The answer holds the rating; the follow-up a bad rating opened comes with the next look.
    update({ rating: res.data, canRate: false, followUp: null });
    void reload();
  };
  const choose = (l: RatingLevel) => {
    setProblem(null);
    setLevel(l);
    if (!isBadRatingLevel(l)) void send(l);
  };
  const toggle = (r: RatingReason) => {
    setProblem(null);
    setReasons((list) => (list.includes(r) ? list.filter((x) => x !== r) : [...list, r]));
  };

  return (
    <section class="panel rating" aria-labelledby="rating-title" data-testid="phone-rating">
      <h2 id="rating-title" class="panel-title"><Bi text={w.title} /></h2>
      <p class="field-hint"><Bi text={w.hint} /></p>
      <LevelButtons labelledBy="rating-title" chosen={level} busy={busy} testid="rate" onChoose={choose} />
      {level !== null && isBadRatingLevel(level) ? (
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
            <textarea maxLength={ratingCommentMax} rows={3} value={comment} data-testid="rate-comment" onInput={(e) => setComment(e.currentTarget.value)} />
          </label>
          <button type="button" class="button primary wide" disabled={busy} data-testid="rate-send" onClick={() => void send(level)}>
            <Bi text={busy ? w.sending : w.send} />
          </button>
        </fieldset>
      ) : null}
      <Refusal error={problem} testid="phone-rating-error" />
    </section>
  );
}
