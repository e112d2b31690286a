import { useState } from 'preact/hooks';
import { apiCall } from '../../../protocol/api-client.js';
import type { ErrorBody } from '../../../protocol/i18n.js';
import { isBadRatingLevel, ratingLevelNames, type RatingLevel } from '../../../protocol/ratings.js';
import { Bi } from '../shared/bilingual.js';
import { fixWords as w, followUpStateWords } from './fix-words.js';
import { LevelButtons } from './level-buttons.js';
import { Refusal } from './refusal.js';
import type { MyRating } from './use-my-rating.js';

type FollowUp = NonNullable<MyRating['followUp']>;

/**
 * 整改满意度: where the follow-up of the visitor's bad rating stands, and once it is put right or explained, the
 * five levels for how well; one tap sends, since a fix rating asks no reasons.
 */
export function FixRatingStep({ token, followUp, onRated, onRefused }: {
  token: string; followUp: FollowUp; onRated: (f: FollowUp) => void; onRefused: () => void;
}) {
  const [chosen, setChosen] = useState<RatingLevel | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ErrorBody | null>(null);
  const rated = followUp.fixRating;
  const send = async (level: RatingLevel) => {
    setChosen(level);
    setProblem(null);
    setBusy(true);
    const res = await apiCall<Pick<FollowUp, 'id' | 'status' | 'fixRating'>>('POST', `/api/visits/${encodeURIComponent(token)}/follow-up/rating`, { body: { level } });
    setBusy(false);
    if (res.ok) onRated({ ...followUp, ...res.data, canRateFix: false });
    else {
      setProblem(res.error);
      // A refusal usually means the page is behind (rated on the call-back meanwhile): show what the hall holds.
      onRefused();
    }
  };
  return (
    <section class="panel fix" aria-labelledby="fix-title" data-testid="phone-follow-up" data-status={followUp.status}>
      <h2 id="fix-title" class="panel-title"><Bi text={w.title} /></h2>
      <p class="fix-state" data-testid="phone-follow-up-state"><Bi text={followUpStateWords[followUp.status]} /></p>
      {followUp.canRateFix ? (
        <>
          <h3 id="fix-rate-title" class="fix-rate-title"><Bi text={w.rateTitle} /></h3>
          <p class="field-hint"><Bi text={w.rateHint} /></p>
          <LevelButtons labelledBy="fix-rate-title" chosen={chosen} busy={busy} testid="fix-rate" onChoose={(l) => void send(l)} />
        </>
      ) : rated ? (
        <div role="status" data-testid="phone-fix-thanks">
          <p class="fix-thanks"><Bi text={w.thanks} /></p>
          <p class="rating-mine">
            <Bi text={w.yours} /> <strong data-testid="phone-fix-level"><Bi text={ratingLevelNames[rated.level]} /></strong>
            {rated.channel === 'call' ? <span class="muted"><Bi text={w.byCall} /></span> : null}
          </p>
          {/* A bad fix rating sent the case back: the state line above already says it is being put right. */}
          {isBadRatingLevel(rated.level) && followUp.status === 'contacted' ? <p class="fix-reopened" data-testid="phone-fix-reopened"><Bi text={w.reopened} /></p> : null}
        </div>
      ) : null}
      <Refusal error={problem} testid="phone-fix-error" />
    </section>
  );
}
