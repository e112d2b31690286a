import { beforeAll, describe, expect, it } from 'vitest';
import type { StatsReport } from '../../protocol/stats.js';
import { statisticsReport } from '../../server/stats/report.js';
import { day, generateDay, type GeneratedDay } from './generated-day.js';
import { expectedRows, ledgerOf, type By, type Ledger, type Setting } from './independent-figures.js';

describe('statistics of a generated day', () => {
  let generated: GeneratedDay;
  let ledger: Ledger;
  let setting: Setting;
  const report = (by: Exclude<By, 'total'>): StatsReport =>
    statisticsReport(generated.hall.db, generated.hall.runner.state, { from: day, to: day, by }, generated.reportAt);
  const figures = (r: StatsReport['rows'][number]) => {
    const { label: _label, ...rest } = r;
    return rest;
  };

  beforeAll(() => {
    generated = generateDay();
    ledger = ledgerOf(generated.hall.log);
    const state = generated.hall.runner.state;
    setting = {
      day, timeZone: state.settings.timeZone, now: generated.reportAt,
      areaOfService: new Map([...state.services.values()].map((s) => [s.id, s.areaId])),
      areaOfWindow: new Map([...state.windows.values()].map((w) => [w.id, w.areaId])),
      sessions: [[9 * 60, 12 * 60], [13 * 60 + 30, 17 * 60]],
    };
  });

  it('is a day with everything in it: no-shows, transfers, cancellations, pauses, lunch and late service, ratings good and bad', () => {
    const total = report('day').total;
    expect(total.tickets).toBeGreaterThan(150);
    for (const figure of ['noShow', 'transferred', 'cancelled', 'badRatings', 'appointmentsKept', 'lunchBreakServed', 'extendedHoursServed'] as const) {
      expect(total[figure], figure).toBeGreaterThan(0);
    }
    expect(total.pauseMinutes!.lunch * total.pauseMinutes!.break * total.pauseMinutes!.meeting).toBeGreaterThan(0);
    expect(total.followUps.closed * total.followUps.overdue * total.followUps.contacted).toBeGreaterThan(0);
    expect([...ledger.ratings.values()].some((r) => r.voided)).toBe(true);
  });

  for (const by of ['window', 'service', 'staff', 'area', 'hour', 'day'] as const) {
    it(`equals the figures worked out one leg at a time, by ${by}`, () => {
      expect(report(by).rows.map(figures)).toEqual(expectedRows(ledger, by, setting));
    });
  }

  it('has a total equal to the plain total', () => {
    expect(figures(report('window').total)).toEqual(expectedRows(ledger, 'total', setting)[0]);
  });

  it('names its rows after the hall\'s windows, services and hours', () => {
    expect(report('window').rows.map((r) => r.label.zh)).toEqual(['1号窗口', '2号窗口', '3号窗口', '4号窗口', '9号窗口', '未分配（无人办理：等候中、已取消等）']);
    expect(report('service').rows.map((r) => r.label.zh)).toEqual(['社保参保登记', '社保关系转移', '不动产登记']);
    expect(report('hour').rows[0].label.zh).toBe('09:00-10:00');
  });

  it('sums its rows to its total for every count', () => {
    const r = report('window');
    const sum = (f: (x: StatsReport['total']) => number) => r.rows.reduce((s, x) => s + f(x), 0);
    expect(sum((x) => x.served)).toBe(r.total.served);
    expect(sum((x) => x.ratings)).toBe(r.total.ratings);
    expect(sum((x) => x.tickets)).toBe(r.total.tickets);
    expect(Math.round(sum((x) => x.openMinutes ?? 0) * 10) / 10).toBeCloseTo(r.total.openMinutes!, 0);
  });
});
