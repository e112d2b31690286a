import { describe, expect, it } from 'vitest';
import { windowDayCounts } from '../../server/core/window-day.js';
import { at, callNext, issue, newHall, openWindow, run, serveNext, staffActor } from './hall-fixture.js';

describe('a window\'s counts so far today', () => {
  it('count where each ticket called there ended, as the statistics do', () => {
    const hall = newHall();
    const { one, two } = hall.window;
    const clerk = staffActor(hall.staffAt.get(one)!);
    const day = '2026-11-23';
    openWindow(hall, one, at(`${day} 09:00`));
    openWindow(hall, two, at(`${day} 09:00`));
    for (let i = 0; i < 6; i++) issue(hall, hall.service.pension, at(`${day} 09:00`) + i);
    issue(hall, hall.service.transfer, at(`${day} 09:00`) + 10);

    serveNext(hall, one, at(`${day} 09:01`));
    serveNext(hall, one, at(`${day} 09:02`));
    const missed = callNext(hall, one, at(`${day} 09:03`));
    run(hall.state, 'markNoShow', { windowId: one }, at(`${day} 09:04`), clerk);
    const sentOn = callNext(hall, one, at(`${day} 09:05`));
    run(hall.state, 'transferTicket', { ticketId: sentOn.id, serviceId: hall.service.transfer }, at(`${day} 09:06`), clerk);
    serveNext(hall, two, at(`${day} 09:06`));
    expect(windowDayCounts(hall.state, one, day)).toEqual({ served: 2, noShow: 1, transferred: 1 });
    expect(windowDayCounts(hall.state, two, day)).toEqual({ served: 1, noShow: 0, transferred: 0 });

    // Put back in the queue, the visitor is no longer this window's no-show; served at window 2, they are its visitor.
    run(hall.state, 'requeueTicket', { ticketId: missed.id }, at(`${day} 09:07`), clerk);
    expect(windowDayCounts(hall.state, one, day).noShow).toBe(0);
    const called = run(hall.state, 'callTicket', { windowId: two, ticketId: missed.id, reason: '过号回来' }, at(`${day} 09:08`), staffActor(hall.staffAt.get(two)!));
    expect(called.number).toBe(missed.number);
    run(hall.state, 'startService', { windowId: two }, at(`${day} 09:08`));
    run(hall.state, 'finishService', { windowId: two }, at(`${day} 09:09`));
    expect(windowDayCounts(hall.state, two, day).served).toBe(2);
    // Another day has nothing of this one.
    expect(windowDayCounts(hall.state, one, '2026-11-24')).toEqual({ served: 0, noShow: 0, transferred: 0 });
  });
});
