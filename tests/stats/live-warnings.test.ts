import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Follow, ServerMessage } from '../../protocol/realtime.js';
import { liveWarnings, nextWarningChange } from '../../server/stats/live-warnings.js';
import { WarningWatcher } from '../../server/stats/warning-watcher.js';
import type { Caller } from '../../server/operations/caller.js';
import { at, callNext, issue, minutes, newHall, openWindow, run } from '../core/hall-fixture.js';
import { statsHall } from './stats-hall.js';

// The core fixture's thresholds: yellow at 15 minutes of waiting, red at 30.
describe('live warnings', () => {
  it('light yellow, then red, exactly when a wait crosses each threshold', () => {
    const hall = newHall();
    const ticket = issue(hall, hall.service.pension, at('2026-11-23 09:00'));
    expect(liveWarnings(hall.state, at('2026-11-23 09:15') - 1)).toEqual([]);
    expect(liveWarnings(hall.state, at('2026-11-23 09:15'))).toMatchObject([{ key: `wait:${ticket.id}`, kind: 'wait', level: 'yellow', since: at('2026-11-23 09:15'), thresholdMinutes: 15, number: 'A001' }]);
    expect(liveWarnings(hall.state, at('2026-11-23 09:30'))).toMatchObject([{ level: 'red', since: at('2026-11-23 09:30'), minutes: 30 }]);
  });

  it('light a service running past 150% and 200% of its default handling time, and clear when it ends', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    issue(hall, hall.service.pension, at('2026-11-23 09:00'));
    callNext(hall, hall.window.one, at('2026-11-23 09:01'));
    run(hall.state, 'startService', { windowId: hall.window.one }, at('2026-11-23 09:02'));
    // Pension takes 5 minutes: yellow from 7.5, red from 10.
    expect(liveWarnings(hall.state, at('2026-11-23 09:09:29'))).toEqual([]);
    expect(liveWarnings(hall.state, at('2026-11-23 09:09:30'))).toMatchObject([{ kind: 'service', level: 'yellow', windowId: hall.window.one }]);
    expect(liveWarnings(hall.state, at('2026-11-23 09:12'))).toMatchObject([{ kind: 'service', level: 'red', thresholdMinutes: 10 }]);
    run(hall.state, 'finishService', { windowId: hall.window.one }, at('2026-11-23 09:13'));
    expect(liveWarnings(hall.state, at('2026-11-23 09:13'))).toEqual([]);
  });

  it('light a follow-up case whose call-back or rectification is overdue', () => {
    const hall = newHall({ followUp: { contactHours: 1, rectifyWorkingDays: 1, holidays: [], workdays: [] } });
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    issue(hall, hall.service.pension, at('2026-11-23 09:00'));
    const served = callNext(hall, hall.window.one, at('2026-11-23 09:00'));
    run(hall.state, 'startService', { windowId: hall.window.one }, at('2026-11-23 09:00'));
    run(hall.state, 'finishService', { windowId: hall.window.one }, at('2026-11-23 09:04'));
    run(hall.state, 'rateVisit', { ticketId: served.id, level: 1, reasons: ['attitude'], channel: 'window' }, at('2026-11-23 09:05'));
    expect(liveWarnings(hall.state, at('2026-11-23 10:05'))).toMatchObject([{ kind: 'followUp', level: 'yellow', number: 'A001' }]);
    expect(liveWarnings(hall.state, at('2026-11-25 00:00'))).toMatchObject([{ kind: 'followUp', level: 'red' }]);
  });
});

describe('the next moment a light changes by itself', () => {
  it('is the next threshold a wait, a service or a follow-up deadline will cross', () => {
    const hall = newHall({ followUp: { contactHours: 1, rectifyWorkingDays: 1, holidays: [], workdays: [] } });
    expect(nextWarningChange(hall.state, at('2026-11-23 09:00'))).toBeNull();
    issue(hall, hall.service.pension, at('2026-11-23 09:00'));
    expect(nextWarningChange(hall.state, at('2026-11-23 09:00'))).toBe(at('2026-11-23 09:15'));
    expect(nextWarningChange(hall.state, at('2026-11-23 09:15'))).toBe(at('2026-11-23 09:30'));
    expect(nextWarningChange(hall.state, at('2026-11-23 09:30'))).toBeNull();
    openWindow(hall, hall.window.one, at('2026-11-23 09:31'));
    const served = callNext(hall, hall.window.one, at('2026-11-23 09:31'));
    run(hall.state, 'startService', { windowId: hall.window.one }, at('2026-11-23 09:32'));
    // Pension takes 5 minutes: yellow at 150%, red at 200%.
    expect(nextWarningChange(hall.state, at('2026-11-23 09:32'))).toBe(at('2026-11-23 09:39:30'));
    run(hall.state, 'finishService', { windowId: hall.window.one }, at('2026-11-23 09:35'));
    run(hall.state, 'rateVisit', { ticketId: served.id, level: 1, reasons: ['attitude'], channel: 'window' }, at('2026-11-23 09:36'));
    expect(nextWarningChange(hall.state, at('2026-11-23 09:36'))).toBe(at('2026-11-23 10:36'));
  });
});

describe('the warnings watcher', () => {
  afterEach(() => {
    vi.useRealTimers();
  });
  function watched() {
    const hall = statsHall();
    const sent: { to: (c: Caller, f: Follow | null) => boolean; message: ServerMessage }[] = [];
    const watcher = new WarningWatcher(hall.runner, (to, message) => { sent.push({ to, message }); return 1; }, 60_000);
    return { hall, sent, watcher };
  }
  const staffOnHall: Caller = { kind: 'staff', roles: ['staff'], staffId: 3 };

  it('pushes the list to staff screens following the hall only when a light comes on, changes or goes out', () => {
    const { hall, sent, watcher } = watched();
    hall.clock.now = at('2026-11-23 09:00');
    hall.run('issueTicket', { serviceId: hall.service.pension, channel: 'kiosk', person: null });
    hall.clock.now = at('2026-11-23 09:15') - 1;
    expect(watcher.tick()).toBe(0);
    hall.clock.now = at('2026-11-23 09:15');
    expect(watcher.tick()).toBe(1);
    expect(sent[0].message).toMatchObject({ type: 'warnings', at: at('2026-11-23 09:15'), warnings: [{ kind: 'wait', level: 'yellow', number: 'A001' }] });
    expect(sent[0].to(staffOnHall, { scope: 'hall' })).toBe(true);
    expect(sent[0].to(staffOnHall, { scope: 'window', windowId: 1 })).toBe(false);
    expect(sent[0].to({ kind: 'device', roles: ['board'] }, { scope: 'hall' })).toBe(false);
    hall.clock.now = at('2026-11-23 09:16');
    expect(watcher.tick()).toBe(0);
    const w = hall.windows[0];
    hall.run('setWindowStatus', { windowId: w.id, status: 'open' }, { kind: 'staff', staffId: w.staffId, role: 'staff' });
    hall.run('callNext', { windowId: w.id }, { kind: 'staff', staffId: w.staffId, role: 'staff' });
    expect(watcher.tick()).toBe(1);
    expect(sent[1].message).toEqual({ type: 'warnings', at: at('2026-11-23 09:16'), warnings: [] });
  });

  it('wakes at the moment a wait crosses its threshold, with nobody doing anything', () => {
    vi.useFakeTimers();
    const hall = statsHall();
    const sent: ServerMessage[] = [];
    const watcher = new WarningWatcher(hall.runner, (_to, message) => { sent.push(message); return 1; }, 3_600_000);
    hall.clock.now = at('2026-11-23 09:00');
    hall.run('issueTicket', { serviceId: hall.service.pension, channel: 'kiosk', person: null });
    watcher.start();
    hall.clock.now = at('2026-11-23 09:15') - 1_000;
    vi.advanceTimersByTime(minutes(15) - 1_000);
    expect(sent).toEqual([]);
    hall.clock.now = at('2026-11-23 09:15');
    vi.advanceTimersByTime(1_000);
    expect(sent).toMatchObject([{ type: 'warnings', at: at('2026-11-23 09:15'), warnings: [{ level: 'yellow', number: 'A001' }] }]);
    hall.clock.now = at('2026-11-23 09:30');
    vi.advanceTimersByTime(minutes(15));
    expect(sent[1]).toMatchObject({ type: 'warnings', warnings: [{ level: 'red', number: 'A001' }] });
    watcher.stop();
  });

  it('tells the supervisors of a bad rating at once', () => {
    const { hall, sent, watcher } = watched();
    watcher.start();
    const w = hall.windows[0];
    const actor = { kind: 'staff', staffId: w.staffId, role: 'staff' } as const;
    hall.clock.now = at('2026-11-23 09:00');
    hall.run('setWindowStatus', { windowId: w.id, status: 'open' }, actor);
    const t = hall.run('issueTicket', { serviceId: hall.service.pension, channel: 'kiosk', person: null });
    hall.run('callNext', { windowId: w.id }, actor);
    hall.run('startService', { windowId: w.id }, actor);
    hall.clock.now += minutes(4);
    hall.run('finishService', { windowId: w.id }, actor);
    hall.run('rateVisit', { ticketId: t.id, level: 2, reasons: ['efficiency'], channel: 'window' });
    watcher.stop();
    const alert = sent.find((s) => s.message.type === 'alert');
    expect(alert?.message).toMatchObject({ type: 'alert', alert: { code: 'BAD_RATING', message: { zh: expect.stringContaining('A001 不满意（办事效率）') } } });
    expect(alert!.to({ kind: 'staff', roles: ['supervisor', 'staff'], staffId: 2 }, null)).toBe(true);
    expect(alert!.to(staffOnHall, { scope: 'hall' })).toBe(false);
  });
});
