import { describe, expect, it } from 'vitest';
import { forecastQueue } from '../../server/core/forecast.js';
import { PauseLengths } from '../../server/core/forecast/pause-lengths.js';
import { ForecastModel } from '../../server/forecast/forecast-model.js';
import { at, issue, minutes, newHall, openWindow, run, type Hall } from './hall-fixture.js';

const pause = (hall: Hall, windowId: number, reason: 'lunch' | 'break' | 'meeting', now: number) =>
  run(hall.state, 'setWindowStatus', { windowId, status: 'paused', reason }, now);

describe('windows expected back from lunch and breaks', () => {
  it('a window at lunch until the afternoon session opens at 13:00 makes the tickets behind it wait until then', () => {
    const hall = newHall({ hours: { days: [1, 2, 3, 4, 5], sessions: [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '17:00' }] } });
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    pause(hall, hall.window.one, 'lunch', at('2026-11-23 11:50'));
    const first = issue(hall, hall.service.pension, at('2026-11-23 11:55'));
    const second = issue(hall, hall.service.pension, at('2026-11-23 11:56'));
    const f = forecastQueue(hall.state, at('2026-11-23 12:10'));
    expect(f.get(first.id)).toMatchObject({ position: 0, etaMinutes: 50 });
    expect(f.get(second.id)!.etaMinutes).toBeCloseTo(50 + 5 + 1.25);
  });

  it('without a midday gap in the hours, lunch lasts as long as a usual lunch, an hour until the day shows otherwise', () => {
    const hall = newHall({ hours: { days: [1, 2, 3, 4, 5], sessions: [{ start: '09:00', end: '17:00' }] } });
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    pause(hall, hall.window.one, 'lunch', at('2026-11-23 11:50'));
    const t = issue(hall, hall.service.pension, at('2026-11-23 11:55'));
    expect(forecastQueue(hall.state, at('2026-11-23 12:10')).get(t.id)!.etaMinutes).toBeCloseTo(40);
  });

  it("learns how long today's breaks last from the windows it watches, and expects the next break to last as long", () => {
    const hall = newHall();
    let now = at('2026-11-23 09:00');
    const model = new ForecastModel(hall.state);
    const act = (wall: string, change: () => void) => {
      now = at(`2026-11-23 ${wall}`);
      change();
      model.watch(now);
    };
    act('09:00', () => openWindow(hall, hall.window.one, now));
    act('09:30', () => pause(hall, hall.window.one, 'break', now));
    act('09:37', () => openWindow(hall, hall.window.one, now));
    act('10:00', () => pause(hall, hall.window.one, 'break', now));
    let ticket = 0;
    act('10:01', () => (ticket = issue(hall, hall.service.pension, now).id));
    // One 7-minute break against the usual 15 minutes, weighted as three: 13 minutes, back at 10:13.
    expect(model.compute(now).forecasts.get(ticket)!.etaMinutes).toBeCloseTo(12);
    // The state alone shows no past breaks: the usual 15 minutes.
    expect(forecastQueue(hall.state, now).get(ticket)!.etaMinutes).toBeCloseTo(14);
  });

  it('is back at once when the pause has already lasted longer than expected', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    pause(hall, hall.window.one, 'break', at('2026-11-23 09:30'));
    const t = issue(hall, hall.service.pension, at('2026-11-23 09:50'));
    expect(forecastQueue(hall.state, at('2026-11-23 09:55')).get(t.id)!.etaMinutes).toBe(0);
  });
});

describe('pause lengths learned by watching', () => {
  it('drops a pause whose end it did not see, and starts each hall day afresh', () => {
    const hall = newHall();
    const lengths = new PauseLengths();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    pause(hall, hall.window.one, 'break', at('2026-11-23 09:30'));
    lengths.watch(hall.state, at('2026-11-23 09:30'));
    // Back at 09:40, then off again at 09:50 for a meeting, all unseen: the 20 minutes are not a break's length.
    openWindow(hall, hall.window.one, at('2026-11-23 09:40'));
    pause(hall, hall.window.one, 'meeting', at('2026-11-23 09:50'));
    lengths.watch(hall.state, at('2026-11-23 09:51'));
    openWindow(hall, hall.window.one, at('2026-11-23 10:00'));
    lengths.watch(hall.state, at('2026-11-23 10:00'));
    expect(lengths.expectedMs('break')).toBe(minutes(15));
    expect(lengths.expectedMs('meeting')).toBeNull();

    pause(hall, hall.window.one, 'break', at('2026-11-23 10:30'));
    lengths.watch(hall.state, at('2026-11-23 10:30'));
    openWindow(hall, hall.window.one, at('2026-11-23 10:33'));
    lengths.watch(hall.state, at('2026-11-23 10:34'));
    expect(lengths.expectedMs('break')).toBe(minutes((3 * 15 + 3) / 4));
    lengths.watch(hall.state, at('2026-11-24 08:00'));
    expect(lengths.expectedMs('break')).toBe(minutes(15));
  });
});

describe('pause lengths recalled from the record of window changes', () => {
  const change = (wall: string, status: 'open' | 'paused', reason: 'break' | 'lunch' | null = null) => ({
    at: at(wall),
    runtime: { windowId: 1, status, pauseReason: reason, staffId: null, currentTicketId: null, statusSince: at(wall), ratio: { priority: 0, normal: 0 } },
  });

  it("learns today's pauses as if it had watched them, not yesterday's, and keeps them as it goes on watching", () => {
    const hall = newHall();
    const lengths = new PauseLengths();
    lengths.recall(hall.state.settings.timeZone, [
      change('2026-11-22 10:00', 'paused', 'break'), change('2026-11-22 10:40', 'open'),
      change('2026-11-23 09:00', 'open'), change('2026-11-23 09:30', 'paused', 'break'), change('2026-11-23 09:37', 'open'),
      change('2026-11-23 12:00', 'paused', 'lunch'), change('2026-11-23 12:30', 'open'),
    ]);
    expect(lengths.expectedMs('break')).toBe(minutes((3 * 15 + 7) / 4));
    expect(lengths.expectedMs('lunch')).toBe(minutes((3 * 60 + 30) / 4));
    openWindow(hall, hall.window.one, at('2026-11-23 13:00'));
    lengths.watch(hall.state, at('2026-11-23 13:00'));
    expect(lengths.expectedMs('break')).toBe(minutes((3 * 15 + 7) / 4));
  });
});
