import { beforeAll, describe, expect, it } from 'vitest';
import type { StatsRow } from '../../protocol/stats.js';
import type { Actor } from '../../server/core/types.js';
import { statisticsReport } from '../../server/stats/report.js';
import { migrate } from '../../server/store/database.js';
import { at } from '../core/hall-fixture.js';
import { statsHall, type StatsHall } from './stats-hall.js';

const day = '2026-11-23';
const min = 60;

/**
 * One morning on two windows, every step at a set minute: a visit transferred from 社保 to 不动产, a no-show
 * re-queued and served on its second call, and a no-show re-queued and never called again.
 */
function morning(): StatsHall {
  const hall = statsHall();
  const [w1, , w3] = hall.windows;
  const staff = (w: { staffId: number }): Actor => ({ kind: 'staff', staffId: w.staffId, role: 'staff' });
  const step = (hhmm: string, fn: () => unknown) => {
    hall.clock.now = at(`${day} ${hhmm}`);
    fn();
  };
  const on = (w: typeof w1) => ({
    call: (ticketId: number) => hall.run('callTicket', { windowId: w.id, ticketId, reason: 'test' }, staff(w)),
    start: () => hall.run('startService', { windowId: w.id }, staff(w)),
    finish: () => hall.run('finishService', { windowId: w.id }, staff(w)),
    noShow: () => hall.run('markNoShow', { windowId: w.id }, staff(w)),
  });
  const issue = () => hall.run('issueTicket', { serviceId: hall.service.pension, channel: 'kiosk', person: null }).id;
  let a1 = 0, a2 = 0, a3 = 0, b = 0;
  step('09:00', () => {
    for (const w of [w1, w3]) hall.run('setWindowStatus', { windowId: w.id, status: 'open' }, staff(w));
    a1 = issue();
    a2 = issue();
  });
  step('09:05', () => (a3 = issue()));
  step('09:10', () => on(w1).call(a1));
  step('09:11', () => on(w1).start());
  step('09:20', () => (b = hall.run('transferTicket', { ticketId: a1, serviceId: hall.service.property }, staff(w1)).id));
  step('09:25', () => on(w1).call(a2));
  step('09:27', () => on(w1).noShow());
  step('09:30', () => hall.run('requeueTicket', { ticketId: a2 }));
  step('09:35', () => on(w1).call(a3));
  step('09:37', () => on(w1).noShow());
  step('09:38', () => hall.run('requeueTicket', { ticketId: a3 }));
  step('09:40', () => on(w1).call(a2));
  step('09:41', () => on(w1).start());
  step('09:50', () => on(w1).finish());
  step('09:50', () => on(w3).call(b));
  step('09:51', () => on(w3).start());
  step('10:00', () => on(w3).finish());
  hall.clock.now = at('2026-11-24 00:00:30');
  hall.run('closeDay', {});
  return hall;
}

describe('what a wait and an outcome are', () => {
  let hall: StatsHall;
  const byService = () => {
    const report = statisticsReport(hall.db, hall.runner.state, { from: day, to: day, by: 'service' }, at('2026-11-24 10:00'));
    const pick = (r: StatsRow) => ({ tickets: r.tickets, served: r.served, noShow: r.noShow, transferred: r.transferred, cancelled: r.cancelled, waitMeanSec: r.waitMeanSec, waitP90Sec: r.waitP90Sec });
    return Object.fromEntries(report.rows.map((r) => [r.label.zh, pick(r)]));
  };
  beforeAll(() => {
    hall = morning();
  });

  it('counts a transferred leg\'s wait from the transfer, and a re-queued no-show\'s to its first call', () => {
    expect(byService()).toEqual({
      // Waits of 10 (called, then transferred), 25 (first call 09:25, not the 09:40 one) and 30 minutes (09:05 to 09:35).
      社保参保登记: { tickets: 3, served: 1, noShow: 1, transferred: 1, cancelled: 0, waitMeanSec: (10 + 25 + 30) * min / 3, waitP90Sec: 30 * min },
      // Joined at the transfer (09:20), called at 09:50: 30 minutes, not the 50 since the visitor arrived.
      不动产登记: { tickets: 1, served: 1, noShow: 0, transferred: 0, cancelled: 0, waitMeanSec: 30 * min, waitP90Sec: 30 * min },
    });
  });

  it('gives the same figures on a database from before the first call was kept, once migrated', () => {
    const before = byService();
    hall.db.exec(`
      DROP INDEX tickets_stats;
      ALTER TABLE tickets DROP COLUMN first_called_at;
      CREATE INDEX tickets_stats ON tickets (hall_day, service_id, status, window_id, staff_id, visit_id, issued_at, called_at, started_at, finished_at);
      DELETE FROM schema_migrations WHERE version = 4;`);
    expect(migrate(hall.db)).toEqual([4]);
    expect(byService()).toEqual(before);
  });
});
