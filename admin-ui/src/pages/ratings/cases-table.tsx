import { ratingLevelNames, type FollowUpView } from '../../../../protocol/ratings.js';
import { Bi } from '../../lib/bi.js';
import { formatDeadline } from '../../lib/time.js';
import type { Names } from './case-detail.js';
import { statusNames } from './follow-up-words.js';

/**
 * The cases newest first; overdue ones say so in words and red, the chosen one is highlighted. Cells keep to one line
 * (table-tight): beside the case detail on a 1366 screen the table scrolls sideways rather than stacking characters.
 */
export function CasesTable({ cases, names, timeZone, chosen, onChoose }: {
  cases: FollowUpView[]; names: Names; timeZone: string; chosen: number | null; onChoose: (id: number) => void;
}) {
  return (
    <div class="table-scroll">
      <table class="table table-tight" data-testid="cases-table">
        <thead>
          <tr>
            <th>#</th><th><Bi zh="号码" en="Ticket" /></th><th><Bi zh="业务" en="Service" /></th><th><Bi zh="状态" en="State" /></th>
            <th><Bi zh="负责人" en="Owner" /></th><th><Bi zh="回访期限" en="Contact by" /></th><th><Bi zh="整改期限" en="Rectify by" /></th><th><Bi zh="超期" en="Overdue" /></th>
            <th><Bi zh="整改评价" en="Fix rating" /></th>
          </tr>
        </thead>
        <tbody>
          {cases.map((c) => {
            const late = c.overdue.contact || c.overdue.rectify;
            return (
              <tr key={c.id} class={c.id === chosen ? 'row-on' : ''} data-testid={`case-row-${c.id}`} onClick={() => onChoose(c.id)}>
                <td class="num">{c.id}</td>
                <td class="nowrap">{c.number}</td>
                <td>{names.service(c.serviceId)}</td>
                <td data-testid={`case-state-${c.id}`}><Bi zh={statusNames[c.status].zh} en={statusNames[c.status].en} inline /></td>
                <td>{names.staff(c.assigneeId)}</td>
                <td class="nowrap">{formatDeadline(c.contactDueAt, timeZone)}</td>
                <td class="nowrap">{formatDeadline(c.rectifyDueAt, timeZone)}</td>
                <td>{late ? <span class="state state-red"><Bi zh="超期" en="Overdue" inline /></span> : <span class="muted">—</span>}</td>
                <td class="nowrap" data-testid={`case-fix-${c.id}`}>{c.fixRating ? `${c.fixRating.level} · ${ratingLevelNames[c.fixRating.level].zh}` : <span class="muted">—</span>}</td>
              </tr>
            );
          })}
          {cases.length === 0 ? <tr><td colSpan={9} class="muted"><Bi zh="没有差评跟进案件" en="No follow-up cases" inline /></td></tr> : null}
        </tbody>
      </table>
    </div>
  );
}
