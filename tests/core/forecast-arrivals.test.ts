import { describe, expect, it } from 'vitest';
import type { HallSettings } from '../../protocol/config-entities.js';
import { forecastQueue } from '../../server/core/forecast.js';
import { at, issue, minutes, newHall, openWindow, run, serveNext, visitor, type Hall } from './hall-fixture.js';

/** The estimated waits of tickets issued at `now`, forecast at that moment. */
function waitsOfNew(hall: Hall, serviceId: number, count: number, now: number): number[] {
  const ids = Array.from({ length: count }, () => issue(hall, serviceId, now).id);
  const all = forecastQueue(hall.state, now);
  return ids.map((id) => all.get(id)!.etaMinutes!);
}

/**
 * A hall with window one open from 09:00, where six 社保参保 visitors came one every five minutes from `from` and
 * were each served at once for five minutes: halls that differ only in who came when learn the same pace.
 */
function hallWithSixServed(from: string, elderly: boolean, settings: Partial<HallSettings> = {}): Hall {
  const hall = newHall(settings);
  openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
  for (let i = 0; i < 6; i++) {
    const t = at(`2026-11-23 ${from}`) + minutes(5 * i);
    const person = visitor(elderly ? '周老伯' : '张三', elderly ? '19500101' : '19900101', String(100 + i));
    issue(hall, hall.service.pension, t, { person });
    serveNext(hall, hall.window.one, t, minutes(5));
  }
  return hall;
}

describe('visitors expected at the rate the day has shown', () => {
  it('priority visitors who came every five minutes in the last half hour are expected to go ahead of a waiting ticket', () => {
    const elderly = hallWithSixServed('09:30', true);
    const younger = hallWithSixServed('09:30', false);
    const now = at('2026-11-23 10:00');
    const [first, second] = waitsOfNew(elderly, elderly.service.pension, 2, now);
    const [firstPlain, secondPlain] = waitsOfNew(younger, younger.service.pension, 2, now);
    expect(first).toBe(0);
    expect(firstPlain).toBe(0);
    // The same pace in both halls (same cases at the same times); only who is expected next differs.
    expect(secondPlain).toBeGreaterThan(5);
    expect(secondPlain).toBeLessThan(6);
    expect(second - secondPlain).toBeGreaterThan(5);
  });

  it('counts only the last half hour: the same visitors an hour earlier are not expected again', () => {
    const recent = hallWithSixServed('10:00', true);
    const earlier = hallWithSixServed('09:00', true);
    const now = at('2026-11-23 10:30');
    const second = (hall: Hall) => waitsOfNew(hall, hall.service.pension, 2, now)[1];
    expect(second(recent) - second(earlier)).toBeGreaterThan(5);
  });

  it('expects main-service visitors to keep a window from its backup queue until the red threshold promotes it', () => {
    const busy = hallWithSixServed('10:30', false);
    const quiet = hallWithSixServed('09:00', false);
    const backupWait = (hall: Hall, now: number) => {
      // Window one serves 社保参保 (main) and 社保关系转移 (backup); a 参保 case is under way until about now + 5 min.
      issue(hall, hall.service.pension, now, { person: visitor('王五', '19900101', '200') });
      run(hall.state, 'callNext', { windowId: hall.window.one }, now);
      run(hall.state, 'startService', { windowId: hall.window.one }, now);
      return waitsOfNew(hall, hall.service.transfer, 1, now)[0];
    };
    const now = at('2026-11-23 11:00');
    expect(backupWait(quiet, now)).toBeLessThan(6);
    // 30 minutes is the fixture hall's red threshold.
    expect(backupWait(busy, now)).toBeGreaterThanOrEqual(30);
  });

  it('expects transferred visitors to go ahead, as they keep their first arrival', () => {
    const transfers = newHall();
    const direct = newHall();
    for (const hall of [transfers, direct]) openWindow(hall, hall.window.two, at('2026-11-23 09:00'));
    for (let i = 0; i < 6; i++) {
      const t = at('2026-11-23 09:30') + minutes(5 * i);
      const wrong = issue(transfers, transfers.service.pension, t);
      run(transfers.state, 'transferTicket', { ticketId: wrong.id, serviceId: transfers.service.transfer }, t);
      serveNext(transfers, transfers.window.two, t);
      issue(direct, direct.service.transfer, t);
      serveNext(direct, direct.window.two, t);
    }
    const now = at('2026-11-23 10:00');
    const second = (hall: Hall) => waitsOfNew(hall, hall.service.transfer, 2, now)[1];
    expect(second(transfers) - second(direct)).toBeGreaterThan(9);
  });

  it('expects nobody once the service stops issuing tickets for the day or for lunch', () => {
    const allDay = hallWithSixServed('11:25', true, { hours: { days: [1, 2, 3, 4, 5], sessions: [{ start: '08:00', end: '18:00' }] } });
    const morning = hallWithSixServed('11:25', true);
    // The fixture hall stops issuing at 12:00: one elderly visitor is still expected (at 11:57:30), no more.
    const morningWaits = waitsOfNew(morning, morning.service.pension, 3, at('2026-11-23 11:55'));
    expect(morningWaits[2]).toBeLessThan(2 * (5 + 1) + 5 + 1);
    const allDayWaits = waitsOfNew(allDay, allDay.service.pension, 3, at('2026-11-23 11:55'));
    expect(allDayWaits[2]).toBeGreaterThan(60);
  });
});
