import { ratingLevelNames, type RatingView } from '../../../../protocol/ratings.js';
import { Bi } from '../../lib/bi.js';
import { formatTime } from '../../lib/time.js';
import type { Names } from './case-detail.js';
import { ReasonList } from './reason-list.js';

const channelNames = { window: '窗口 Window', phone: '手机 Phone' };

/** Ratings newest first; a bad one links to its follow-up case. */
export function RatingsTable({ ratings, names, timeZone, onCase }: { ratings: RatingView[]; names: Names; timeZone: string; onCase: (id: number) => void }) {
  return (
    <div class="table-scroll">
      <table class="table" data-testid="ratings-table">
        <thead>
          <tr>
            <th><Bi zh="时间" en="When" /></th><th><Bi zh="号码" en="Ticket" /></th><th><Bi zh="评价" en="Rating" /></th><th><Bi zh="原因" en="Reasons" /></th>
            <th><Bi zh="窗口 / 人员" en="Window / staff" /></th><th><Bi zh="渠道" en="Channel" /></th><th><Bi zh="跟进" en="Case" /></th>
          </tr>
        </thead>
        <tbody>
          {ratings.map((r) => (
            <tr key={r.id} data-testid={`rating-row-${r.id}`} class={r.voided ? 'rating-voided' : ''}>
              <td class="nowrap">{formatTime(r.ratedAt, timeZone, true)}</td>
              <td class="nowrap">{r.number}</td>
              <td class={r.level <= 2 ? 'bad-level' : ''}>{r.level} · <Bi zh={ratingLevelNames[r.level].zh} en={ratingLevelNames[r.level].en} inline /></td>
              <td><ReasonList reasons={r.reasons} comment={r.comment} /></td>
              <td>{names.window(r.windowId)} · {names.staff(r.staffId)}</td>
              <td class="nowrap">{channelNames[r.channel]}</td>
              <td>{r.followUpId ? <button type="button" class="btn btn-small" onClick={() => onCase(r.followUpId!)}>#{r.followUpId}</button> : '—'}</td>
            </tr>
          ))}
          {ratings.length === 0 ? <tr><td colSpan={7} class="muted"><Bi zh="没有评价" en="No ratings" inline /></td></tr> : null}
        </tbody>
      </table>
    </div>
  );
}
