import type { StatsRow } from '../../../../protocol/stats.js';
import { Bi } from '../../lib/bi.js';
import { minutes, percent, plain } from './format.js';

export interface Column { key: string; zh: string; en: string; cell: (r: StatsRow) => string }

export const statsColumns: Column[] = [
  { key: 'tickets', zh: '取号', en: 'Tickets', cell: (r) => plain(r.tickets) },
  { key: 'served', zh: '办结', en: 'Served', cell: (r) => plain(r.served) },
  { key: 'noShow', zh: '过号', en: 'No-show', cell: (r) => plain(r.noShow) },
  { key: 'transferred', zh: '转办', en: 'Transferred', cell: (r) => plain(r.transferred) },
  { key: 'waitMean', zh: '平均等候(分)', en: 'Mean wait (min)', cell: (r) => minutes(r.waitMeanSec) },
  { key: 'waitP90', zh: '90%等候(分)', en: 'P90 wait (min)', cell: (r) => minutes(r.waitP90Sec) },
  { key: 'handlingMean', zh: '平均办理(分)', en: 'Mean handling (min)', cell: (r) => minutes(r.handlingMeanSec) },
  { key: 'utilisation', zh: '利用率', en: 'Utilisation', cell: (r) => percent(r.utilisation) },
  { key: 'ratings', zh: '评价数', en: 'Ratings', cell: (r) => plain(r.ratings) },
  { key: 'goodRate', zh: '好评率', en: 'Good rate', cell: (r) => percent(r.goodRate) },
  { key: 'badRatings', zh: '差评', en: 'Bad', cell: (r) => plain(r.badRatings) },
];

/** Rows of figures under a header, with the period's total as the footer. */
export function ReportTable({ rows, total, lead, columns = statsColumns, testid }: {
  rows: StatsRow[]; total: StatsRow | null; lead: { zh: string; en: string }; columns?: Column[]; testid: string;
}) {
  return (
    <div class="table-scroll report-table">
      <table class="table" data-testid={testid}>
        <thead>
          <tr><th><Bi zh={lead.zh} en={lead.en} /></th>{columns.map((c) => <th key={c.key} class="num"><Bi zh={c.zh} en={c.en} /></th>)}</tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-testid={`${testid}-row-${r.key}`}>
              <td><Bi zh={r.label.zh} en={r.label.en} inline /></td>
              {columns.map((c) => <td key={c.key} class="num">{c.cell(r)}</td>)}
            </tr>
          ))}
          {rows.length === 0 ? <tr><td colSpan={columns.length + 1} class="muted"><Bi zh="该期间没有数据" en="Nothing in this period" inline /></td></tr> : null}
        </tbody>
        {total ? (
          <tfoot>
            <tr data-testid={`${testid}-total`}><td><Bi zh="合计" en="Total" inline /></td>{columns.map((c) => <td key={c.key} class="num">{c.cell(total)}</td>)}</tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
