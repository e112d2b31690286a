import { ratingReasonNames, type RatingReason } from '../../../../protocol/ratings.js';
import { Bi } from '../../lib/bi.js';

/** A rating's reasons in both languages (服务态度、办事效率 / Attitude, Efficiency), then the visitor's own words. */
export function ReasonList({ reasons, comment }: { reasons: RatingReason[]; comment: string | null }) {
  const zh = reasons.map((r) => ratingReasonNames[r].zh).join('、');
  const en = reasons.map((r) => ratingReasonNames[r].en).join(', ');
  return (
    <>
      {reasons.length > 0 ? <Bi zh={zh} en={en} /> : '—'}
      {comment ? <span class="reason-comment">“{comment}”</span> : null}
    </>
  );
}
