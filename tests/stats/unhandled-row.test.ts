import { beforeAll, describe, expect, it } from 'vitest';
import type { StatsReport } from '../../protocol/stats.js';
import { statsColumns } from '../../server/stats/columns.js';
import { toCsv } from '../../server/stats/export-files.js';
import { statisticsReport } from '../../server/stats/report.js';
import { windowReport } from '../../server/stats/window-report.js';
import { day, generateDay, type GeneratedDay } from './generated-day.js';
import { readCsv } from './read-exports.js';

type Summed = 'tickets' | 'served' | 'noShow' | 'transferred' | 'cancelled' | 'appointmentsKept';
const summed: Summed[] = ['tickets', 'served', 'noShow', 'transferred', 'cancelled', 'appointmentsKept'];
const sum = (rows: StatsReport['rows'], field: Summed) => rows.reduce((s, r) => s + r[field], 0);

describe('the staff and window reports show the tickets nobody handled as their own row', () => {
  let generated: GeneratedDay;
  beforeAll(() => { generated = generateDay(); });
  const report = (by: 'staff' | 'window') => statisticsReport(generated.hall.db, generated.hall.runner.state, { from: day, to: day, by }, generated.reportAt);

  for (const by of ['staff', 'window'] as const) {
    it(`by ${by}: the rows add up to the total, the unhandled ones labelled, last`, () => {
      const r = report(by);
      for (const field of summed) expect(sum(r.rows, field), field).toBe(r.total[field]);
      const last = r.rows.at(-1)!;
      expect(last.label.zh).toContain('未分配');
      expect(last.label.en).toContain('Not handled by anyone');
      expect(last.tickets).toBeGreaterThan(0);
      expect(last.served).toBe(0);
      // Appointments checked in whose ticket no window called: kept, and counted in nobody's row but this one.
      expect(last.appointmentsKept).toBeGreaterThan(0);
      // Nobody's row has no window hours: blank rather than a misleading zero.
      expect(last.openMinutes).toBeNull();
      expect(last.utilisation).toBeNull();
    });
  }

  it('the monthly window report adds up the same, its 未分配 row last and unranked', () => {
    const r = windowReport(generated.hall.db, generated.hall.runner.state, day.slice(0, 7), generated.reportAt);
    for (const field of summed) expect(sum(r.rows, field), field).toBe(r.total[field]);
    const last = r.rows.at(-1)!;
    expect(last.label.zh).toContain('未分配');
    expect([last.windowId, last.windowNumber, last.rank, last.servedPerOpenHour]).toEqual([null, null, null, null]);
    expect(r.rows.slice(0, -1).every((w) => w.rank !== null)).toBe(true);
  });

  it('the staff CSV reads the same: 未分配 above 合计, tickets adding up', () => {
    const r = report('staff');
    const rows = readCsv(toCsv({ title: 'staff', columns: statsColumns, rows: r.rows, total: r.total }));
    const body = rows.slice(1, -1);
    expect(rows.at(-1)![0]).toBe('合计');
    expect(body.at(-1)![0]).toContain('未分配');
    expect(body.reduce((s, row) => s + Number(row[1]), 0)).toBe(Number(rows.at(-1)![1]));
  });
});
