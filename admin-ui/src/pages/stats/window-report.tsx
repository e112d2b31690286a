import type { StatsRow, WindowReport, WindowReportRow } from '../../../../protocol/stats.js';
import { Bi, ErrorNotice } from '../../lib/bi.js';
import { plain } from './format.js';
import { ReportTable, statsColumns, type Column } from './report-table.js';
import { useApi } from './use-api.js';

const asWindow = (r: StatsRow) => r as WindowReportRow;
const columns: Column[] = [
  { key: 'rank', zh: '排名', en: 'Rank', cell: (r) => plain(asWindow(r).rank) },
  { key: 'perHour', zh: '每开放小时办结', en: 'Served per open hour', cell: (r) => plain(asWindow(r).servedPerOpenHour, 2) },
  ...statsColumns.filter((c) => ['served', 'noShow', 'waitMean', 'handlingMean', 'utilisation', 'goodRate', 'badRatings'].includes(c.key)),
];

/** 窗口效能月报: windows ranked by visitors served per open hour, with its own downloads. */
export function WindowReportPanel({ month, onMonth }: { month: string; onMonth: (m: string) => void }) {
  const report = useApi<WindowReport>(month ? `/api/stats/window-report?month=${month}` : null);
  const file = (format: string) => `/api/stats/window-report/export?month=${month}&format=${format}`;
  return (
    <section class="panel" data-testid="stats-window-report">
      <header class="panel-head">
        <h3><Bi zh="窗口效能月报" en="Monthly window efficiency" inline /></h3>
        <label class="field">
          <span class="field-label"><Bi zh="月份" en="Month" inline /></span>
          <input type="month" value={month} data-testid="stats-window-month" onChange={(e) => e.currentTarget.value && onMonth(e.currentTarget.value)} />
        </label>
        <span class="report-downloads">
          <a class="btn" href={file('csv')} download data-testid="stats-window-csv"><Bi zh="下载 CSV" en="CSV" inline /></a>
          <a class="btn" href={file('xlsx')} download data-testid="stats-window-xlsx"><Bi zh="下载 Excel" en="XLSX" inline /></a>
        </span>
      </header>
      <ErrorNotice error={report.error} />
      <ReportTable rows={report.data?.rows ?? []} total={report.data?.total ?? null} lead={{ zh: '窗口', en: 'Window' }} columns={columns} testid="stats-window-table" />
    </section>
  );
}
