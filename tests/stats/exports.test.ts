import { beforeAll, describe, expect, it } from 'vitest';
import type { StatsReport } from '../../protocol/stats.js';
import { statsColumns } from '../../server/stats/columns.js';
import { toCsv, toXlsx } from '../../server/stats/export-files.js';
import { statisticsReport } from '../../server/stats/report.js';
import { windowReport } from '../../server/stats/window-report.js';
import { day, generateDay, type GeneratedDay } from './generated-day.js';
import { readCsv, readXlsx } from './read-exports.js';

const expectedCells = (report: StatsReport) => [...report.rows, report.total].map((r) => statsColumns.map((c) => c.value(r)));

describe('exports', () => {
  let generated: GeneratedDay;
  let report: StatsReport;
  beforeAll(() => {
    generated = generateDay();
    report = statisticsReport(generated.hall.db, generated.hall.runner.state, { from: day, to: day, by: 'window' }, generated.reportAt);
  });

  it('write an XLSX that reads back with the same figures, header in Chinese and English', async () => {
    const rows = await readXlsx(await toXlsx({ title: 'stats', columns: statsColumns, rows: report.rows, total: report.total }));
    expect(rows[0].slice(0, 3)).toEqual(['分组 Group', '取号数 Tickets', '办结 Served']);
    expect(rows.slice(1)).toEqual(expectedCells(report));
    expect(rows.at(-1)![0]).toBe('合计');
  });

  it('write a CSV that Excel opens as UTF-8, with the same figures', () => {
    const rows = readCsv(toCsv({ title: 'stats', columns: statsColumns, rows: report.rows, total: report.total }));
    expect(rows).toHaveLength(report.rows.length + 2);
    expect(rows.slice(1)).toEqual(expectedCells(report).map((cells) => cells.map((c) => (c === null ? '' : String(c)))));
  });

  it('keep a label from being read as a formula and quote commas', () => {
    const columns = [{ zh: '名', en: 'Name', value: (r: { s: string }) => r.s }];
    const rows = readCsv(toCsv({ title: 't', columns, rows: [{ s: '=HYPERLINK("x")' }, { s: 'a,b' }], total: null }));
    expect(rows[1].join(',')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(rows[2].join(',')).toBe('"a,b"');
  });
});

describe('the monthly window report', () => {
  it('ranks windows by visitors served per open hour and sums to the month', () => {
    const { hall, reportAt } = generateDay();
    const r = windowReport(hall.db, hall.runner.state, '2026-11', reportAt);
    expect(r.rows.map((w) => w.windowNumber)).toEqual([1, 2, 3, 4, 9, null]);
    const ranked = r.rows.filter((w) => w.rank !== null).sort((a, b) => a.rank! - b.rank!);
    expect(ranked.map((w) => w.rank)).toEqual([1, 2, 3, 4, 5]);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].servedPerOpenHour!).toBeGreaterThanOrEqual(ranked[i].servedPerOpenHour!);
    const w = r.rows[0];
    expect(w.servedPerOpenHour).toBe(Math.round((w.served / (w.openMinutes! / 60)) * 100) / 100);
    expect(r.total.served).toBe(r.rows.reduce((s, x) => s + x.served, 0));
  });
});
