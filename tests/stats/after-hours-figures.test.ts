import { describe, expect, it } from 'vitest';
import type { StatsReport } from '../../protocol/stats.js';
import type { Actor } from '../../server/core/types.js';
import { statisticsReport } from '../../server/stats/report.js';
import { at } from '../core/hall-fixture.js';
import { expectedRows, ledgerOf, type Setting } from './independent-figures.js';
import { statsHall, type StatsHall } from './stats-hall.js';

const day = '2026-11-23';
const minute = 60_000;

/**
 * The QA report's three windows, on a Monday with hours 09:00-12:00 and 13:30-17:00, each left by its clerk:
 * window 1 opened at 13:35 and left with A001 called; window 2 served 社保转移 visitors of 8 minutes all afternoon and
 * left the last one at the counter from 16:45; window 4 opened at 23:26:50 and called one visitor, who never came.
 * `eveningTicks`: the server ran all evening (the scheduler asks each minute); else it was off until the morning.
 */
function leftOpen(eveningTicks: boolean): StatsHall {
  const hall = statsHall();
  const [w1, w2, , w4] = hall.windows;
  const staff = (w: { staffId: number }): Actor => ({ kind: 'staff', staffId: w.staffId, role: 'staff' });
  // The scheduler's minute ticks up to a moment, when the server runs in the evening.
  let ticked = at(`${day} 17:00`);
  const tickUntil = (until: number) => {
    for (; eveningTicks && ticked <= until; ticked += minute) {
      hall.clock.now = ticked;
      hall.run('closeWindowsAfterHours', {});
    }
  };
  const when = (wall: string, fn: () => unknown) => {
    const time = at(`${day} ${wall.slice(0, 5)}`) + Number(wall.slice(6) || 0) * 1000;
    tickUntil(time);
    hall.clock.now = time;
    fn();
  };
  const issue = (serviceId: number) => hall.run('issueTicket', { serviceId, channel: 'kiosk', person: null });
  const open = (w: typeof w1) => hall.run('setWindowStatus', { windowId: w.id, status: 'open' }, staff(w));
  when('13:35', () => { open(w1); issue(hall.service.pension); });
  when('13:36', () => hall.run('callNext', { windowId: w1.id }, staff(w1)));
  when('13:40', () => open(w2));
  for (let start = at(`${day} 14:00`); start < at(`${day} 16:45`); start += 30 * minute) {
    hall.clock.now = start;
    issue(hall.service.transfer);
    hall.run('callNext', { windowId: w2.id }, staff(w2));
    hall.run('startService', { windowId: w2.id }, staff(w2));
    hall.clock.now = start + 8 * minute;
    hall.run('finishService', { windowId: w2.id }, staff(w2));
  }
  when('16:44', () => { issue(hall.service.transfer); hall.run('callNext', { windowId: w2.id }, staff(w2)); });
  when('16:45', () => hall.run('startService', { windowId: w2.id }, staff(w2)));
  when('16:50', () => issue(hall.service.pension));
  when('23:26:50', () => open(w4));
  when('23:27', () => hall.run('callNext', { windowId: w4.id }, staff(w4)));
  tickUntil(at(`${day} 23:59`));
  hall.clock.now = at('2026-11-24 08:00');
  hall.run('closeDay', {});
  return hall;
}

const report = (hall: StatsHall, by: 'window' | 'hour' | 'staff' = 'window'): StatsReport =>
  statisticsReport(hall.db, hall.runner.state, { from: day, to: day, by }, at('2026-11-24 10:00'));

describe('the figures of windows left open after hours', () => {
  it('count no open or busy time after the hall closed, and no hours of handling for a visitor left at the counter', () => {
    const hall = leftOpen(false);
    const rows = new Map(report(hall).rows.map((r) => [r.label.en, r]));
    // Open 13:35-17:00; A001 was called and never came: the window was open, not busy, all afternoon.
    expect(rows.get('Window 1')).toMatchObject({ openMinutes: 205, busyMinutes: 0, utilisation: 0, noShow: 1 });
    // Six visitors of 8 minutes, and the one left at the counter at 16:45 counted for the hall's estimate of the
    // service (between the 8 minutes learned today and the 10 configured), not seven hours, nor none.
    const window2 = rows.get('Window 2')!;
    expect(window2).toMatchObject({ openMinutes: 200, served: 7 });
    const meanSec = window2.handlingMeanSec ?? 0;
    expect(meanSec).toBeGreaterThanOrEqual((6 * 8 + 8) * 60 / 7);
    expect(meanSec).toBeLessThanOrEqual((6 * 8 + 10) * 60 / 7);
    // Busy from its call at 16:44, a minute before it began.
    expect(window2.busyMinutes).toBeCloseTo(6 * 8 + 1 + (meanSec * 7 / 60 - 6 * 8), 1);
    // Open for ten seconds before its one call, at 23:27, when the hall had long closed.
    expect(rows.get('Window 4')).toMatchObject({ openMinutes: 0.2, busyMinutes: 0, utilisation: 0, noShow: 1 });
  });

  it('equal the figures worked out one leg and one interval at a time, the closes stored the next morning', () => {
    const hall = leftOpen(false);
    const state = hall.runner.state;
    const setting: Setting = {
      day, timeZone: state.settings.timeZone, now: at('2026-11-24 10:00'),
      areaOfService: new Map([...state.services.values()].map((s) => [s.id, s.areaId])),
      areaOfWindow: new Map([...state.windows.values()].map((w) => [w.id, w.areaId])),
      sessions: [[9 * 60, 12 * 60], [13 * 60 + 30, 17 * 60]],
    };
    for (const by of ['window', 'hour', 'staff'] as const) {
      expect(report(hall, by).rows.map(({ label: _label, ...rest }) => rest), by).toEqual(expectedRows(ledgerOf(hall.log), by, setting));
    }
  });

  it('are the same whether or not the server ran that evening', () => {
    const figures = (hall: StatsHall) => {
      const r = report(hall);
      return [...r.rows, r.total].map(({ label: _label, ...rest }) => rest);
    };
    expect(figures(leftOpen(true))).toEqual(figures(leftOpen(false)));
  });
});
