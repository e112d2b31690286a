import { useState } from 'preact/hooks';
import { apiCall } from '../../../../protocol/api-client.js';
import type { ErrorBody } from '../../../../protocol/i18n.js';
import { fixAwaitsRating, isBadRatingLevel, ratingLevelNames, type FollowUpView, type RatingLevel } from '../../../../protocol/ratings.js';
import { Bi, ErrorNotice } from '../../lib/bi.js';
import { formatTime } from '../../lib/time.js';
import type { Names } from './case-detail.js';

const levels: RatingLevel[] = [5, 4, 3, 2, 1];
const channelNames = { phone: { zh: '群众手机评价', en: 'by the visitor on the phone page' }, call: { zh: '回访电话记录', en: 'told on the call-back' } };

const fixRatedBy = (c: FollowUpView) => c.history.filter((h) => h.action === 'fixRated').pop()?.staffId ?? null;

/**
 * 整改满意度: the visitor's rating of the fix, and who gave it. Once the case is rectified or explained and nobody
 * has rated that fix yet, a supervisor records the level the visitor gave on the phone call.
 */
export function FixRating({ c, names, timeZone, onChanged }: { c: FollowUpView; names: Names; timeZone: string; onChanged: (c: FollowUpView) => void }) {
  const [level, setLevel] = useState<RatingLevel | ''>('');
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  // The last rating of a fix; a bad one sent the case back, and the next fix is rated again.
  const last = c.fixRating ? (
    <p class="fix-rating" data-testid="case-fix-rating" data-level={c.fixRating.level} data-channel={c.fixRating.channel}>
      <strong class={isBadRatingLevel(c.fixRating.level) ? 'bad-level' : ''}>
        {c.fixRating.level} · <Bi zh={ratingLevelNames[c.fixRating.level].zh} en={ratingLevelNames[c.fixRating.level].en} inline />
      </strong>
      <span><Bi zh={channelNames[c.fixRating.channel].zh} en={channelNames[c.fixRating.channel].en} inline />{fixRatedBy(c) !== null ? ` · ${names.staff(fixRatedBy(c)!)}` : ''}</span>
      <span class="muted nowrap">{formatTime(c.fixRating.at, timeZone, true)}</span>
      {isBadRatingLevel(c.fixRating.level) ? <span class="bad-level" data-testid="case-fix-reopened"><Bi zh="群众不满意，已重新整改" en="Not satisfied: put back to rectification" inline /></span> : null}
    </p>
  ) : null;
  if (!fixAwaitsRating(c)) {
    return last ?? <p class="muted" data-testid="case-fix-pending"><Bi zh="整改或解释说明后由群众评价" en="The visitor rates it once rectified or explained" inline /></p>;
  }
  const record = async () => {
    if (level === '') return setError({ code: 'LEVEL_REQUIRED', message: { zh: '请选择群众的评价', en: 'Choose the level the visitor gave' } });
    setBusy(true);
    const res = await apiCall<FollowUpView>('POST', `/api/follow-ups/${c.id}/fix-rating`, { body: { level } });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setError(null);
    onChanged(res.data);
  };
  return (
    <div class="fix-record">
      {last}
      <p class="muted"><Bi zh="群众尚未在手机上评价；如在回访电话中给出评价，可在此记录" en="Not rated on the phone yet; record here what the visitor said on the call-back" /></p>
      <div class="form-buttons">
        <label class="field">
          <span class="field-label"><Bi zh="群众评价" en="Visitor's rating" inline /></span>
          <select value={String(level)} data-testid="case-fix-level" onChange={(e) => { setError(null); setLevel(Number(e.currentTarget.value) as RatingLevel); }}>
            <option value="" disabled>请选择 Choose…</option>
            {levels.map((l) => <option key={l} value={String(l)}>{l} · {ratingLevelNames[l].zh} {ratingLevelNames[l].en}</option>)}
          </select>
        </label>
        <button type="button" class="btn btn-primary" disabled={busy} data-testid="case-fix-record" onClick={() => void record()}>
          <Bi zh="记录电话评价" en="Record the call's rating" inline />
        </button>
      </div>
      <ErrorNotice error={error} testid="case-fix-error" />
    </div>
  );
}
