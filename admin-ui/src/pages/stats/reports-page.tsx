import { useEffect, useState } from 'preact/hooks';
import type { HallSnapshot } from '../../../../protocol/realtime.js';
import type { StatsDimension, StatsReport } from '../../../../protocol/stats.js';
import { Bi, ErrorNotice } from '../../lib/bi.js';
import { ReportTable } from './report-table.js';
import { useApi } from './use-api.js';
import { WindowReportPanel } from './window-report.js';
import './stats.css';

type Period = 'day' | 'month';
const dimensions: { by: StatsDimension; zh: string; en: string }[] = [
  { by: 'service', zh: '业务', en: 'Service' }, { by: 'window', zh: '窗口', en: 'Window' }, { by: 'staff', zh: '工作人员', en: 'Staff' },
  { by: 'area', zh: '区域', en: 'Area' }, { by: 'hour', zh: '时段', en: 'Hour' },
];

/** The last day of a YYYY-MM month, counted on the calendar alone so no time zone can shift it. */
function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** 统计报表: a day or a month broken down one way, with CSV/XLSX downloads of exactly what is shown. */
export function ReportsPage() {
  const hall = useApi<HallSnapshot>('/api/hall');
  const [period, setPeriod] = useState<Period>('day');
  const [day, setDay] = useState('');
  const [month, setMonth] = useState('');
  const [by, setBy] = useState<StatsDimension>('service');
  const hallDay = hall.data?.hall.hallDay;
  useEffect(() => {
    if (hallDay && !day) {
      setDay(hallDay);
      setMonth(hallDay.slice(0, 7));
    }
  }, [hallDay]);

  const from = period === 'day' ? day : month && `${month}-01`;
  const to = period === 'day' ? day : month && monthEnd(month);
  const query = from && to ? `from=${from}&to=${to}&by=${by}` : null;
  const report = useApi<StatsReport>(query && `/api/stats?${query}`);
  const lead = dimensions.find((d) => d.by === by)!;
  return (
    <div class="report" data-testid="stats-reports">
      <section class="panel">
        <header class="panel-head"><h2><Bi zh="统计报表" en="Reports" inline /></h2></header>
        <div class="report-controls">
          <label class="field">
            <span class="field-label"><Bi zh="统计周期" en="Period" inline /></span>
            <select value={period} data-testid="stats-period" onChange={(e) => setPeriod(e.currentTarget.value as Period)}>
              <option value="day">按日 By day</option>
              <option value="month">按月 By month</option>
            </select>
          </label>
          {period === 'day' ? (
            <label class="field">
              <span class="field-label"><Bi zh="日期" en="Date" inline /></span>
              <input type="date" value={day} data-testid="stats-day" onChange={(e) => e.currentTarget.value && setDay(e.currentTarget.value)} />
            </label>
          ) : (
            <label class="field">
              <span class="field-label"><Bi zh="月份" en="Month" inline /></span>
              <input type="month" value={month} data-testid="stats-month" onChange={(e) => e.currentTarget.value && setMonth(e.currentTarget.value)} />
            </label>
          )}
          <label class="field">
            <span class="field-label"><Bi zh="统计维度" en="Broken down by" inline /></span>
            <select value={by} data-testid="stats-dimension" onChange={(e) => setBy(e.currentTarget.value as StatsDimension)}>
              {dimensions.map((d) => <option key={d.by} value={d.by}>{d.zh} {d.en}</option>)}
            </select>
          </label>
          <span class="report-downloads">
            <a class="btn" href={query ? `/api/stats/export?${query}&format=csv` : undefined} download data-testid="stats-csv"><Bi zh="下载 CSV" en="CSV" inline /></a>
            <a class="btn btn-primary" href={query ? `/api/stats/export?${query}&format=xlsx` : undefined} download data-testid="stats-xlsx"><Bi zh="下载 Excel" en="XLSX" inline /></a>
          </span>
        </div>
        <ErrorNotice error={report.error ?? hall.error} />
        <ReportTable rows={report.data?.rows ?? []} total={report.data?.total ?? null} lead={lead} testid="stats-table" />
      </section>
      <WindowReportPanel month={month} onMonth={setMonth} />
    </div>
  );
}
