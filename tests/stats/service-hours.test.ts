import { describe, expect, it } from 'vitest';
import type { Actor } from '../../server/core/types.js';
import { daysParam, statsPeriod } from '../../server/stats/period.js';
import { outOfHoursCounts } from '../../server/stats/service-hours.js';
import { at, serviceInput } from '../core/hall-fixture.js';
import { statsHall } from './stats-hall.js';

describe('lunch-break and extended-hours service', () => {
  it('is judged against each service\'s own hours, and a closed day counts as extended', () => {
    const hall = statsHall();
    // 不动产登记 keeps its own hours: Monday to Saturday, 08:30-11:30 and 14:00-16:00. The hall: weekdays 09-12, 13:30-17.
    hall.run('saveService', { ...serviceInput(hall.area.property, 'property', 'C', '不动产登记', { defaultHandlingMinutes: 20 }), id: hall.service.property,
      hours: { days: [1, 2, 3, 4, 5, 6], sessions: [{ start: '08:30', end: '11:30' }, { start: '14:00', end: '16:00' }] } });
    const [one, , three] = hall.windows;
    const actor = (w: { staffId: number }): Actor => ({ kind: 'staff', staffId: w.staffId, role: 'staff' });
    const serve = (w: typeof one, serviceId: number, issue: string, start: string, then: 'finish' | 'transfer' = 'finish') => {
      hall.clock.now = at(issue);
      hall.run('issueTicket', { serviceId, channel: 'kiosk', person: null });
      hall.clock.now = at(start);
      hall.tryRun('setWindowStatus', { windowId: w.id, status: 'open' }, actor(w));
      const called = hall.run('callNext', { windowId: w.id }, actor(w));
      hall.run('startService', { windowId: w.id }, actor(w));
      hall.clock.now += 60_000;
      if (then === 'finish') hall.run('finishService', { windowId: w.id }, actor(w));
      else hall.run('transferTicket', { ticketId: called.id, serviceId: hall.service.pension }, actor(w));
    };
    serve(three, hall.service.property, '2026-11-23 08:35', '2026-11-23 08:40'); // in its own morning session
    serve(three, hall.service.property, '2026-11-23 11:00', '2026-11-23 11:45'); // its lunch break
    serve(one, hall.service.pension, '2026-11-23 11:30', '2026-11-23 11:45'); // the hall's morning session
    serve(one, hall.service.pension, '2026-11-23 11:50', '2026-11-23 12:30'); // the hall's lunch break
    serve(three, hall.service.property, '2026-11-23 15:50', '2026-11-23 16:30'); // after its last session
    // Saturday: 不动产 is open, 社保 is not; a visitor sent on to 社保 is served in extended hours.
    serve(three, hall.service.property, '2026-11-28 09:00', '2026-11-28 09:05', 'transfer');
    hall.clock.now = at('2026-11-28 09:10');
    hall.run('callNext', { windowId: one.id }, actor(one));
    hall.run('startService', { windowId: one.id }, actor(one));

    const period = statsPeriod('2026-11-23', '2026-11-28', 'Asia/Shanghai', at('2026-11-29 00:00'));
    const counts = (by: 'service' | 'day') => Object.fromEntries(outOfHoursCounts(hall.db, hall.runner.state, by, { days: daysParam(period), from: period.from, to: period.to }));
    expect(counts('service')).toEqual({
      [hall.service.pension]: { lunch: 1, extended: 1 },
      [hall.service.property]: { lunch: 1, extended: 1 },
    });
    expect(counts('day')).toEqual({ '2026-11-23': { lunch: 2, extended: 1 }, '2026-11-28': { lunch: 0, extended: 1 } });
  });
});
