import { describe, expect, it } from 'vitest';
import { forecastQueue } from '../../server/core/forecast.js';
import { extendForecast } from '../../server/core/forecast/extend.js';
import { Forecaster } from '../../server/forecaster.js';
import { at, issue, newHall, openWindow } from './hall-fixture.js';

// Pension (A) takes 5 minutes; windows 1 and 8 serve it at tier 1, window 2 as a backup.
describe('a wait for a ticket the last forecast does not know yet', () => {
  it('goes one case of its service behind the last ticket the forecast knows, shared among the windows serving it', () => {
    const hall = newHall();
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    const a = issue(hall, hall.service.pension, at('2026-11-23 09:01'));
    const b = issue(hall, hall.service.pension, at('2026-11-23 09:02'));
    const known = forecastQueue(hall.state, at('2026-11-23 09:02'));
    const c = issue(hall, hall.service.pension, at('2026-11-23 09:03'));
    const d = issue(hall, hall.service.pension, at('2026-11-23 09:03'));
    const fb = known.get(b.id)!;
    expect(extendForecast(hall.state, known, c)).toEqual({ ticketId: c.id, position: fb.position + 1, etaMinutes: fb.etaMinutes! + 5 });
    expect(extendForecast(hall.state, known, d)).toEqual({ ticketId: d.id, position: fb.position + 2, etaMinutes: fb.etaMinutes! + 10 });
    openWindow(hall, hall.window.green, at('2026-11-23 09:03'));
    expect(extendForecast(hall.state, known, c)!.etaMinutes).toBeCloseTo(fb.etaMinutes! + 2.5);
    expect(known.get(a.id)!.position).toBe(0);
  });

  it('has no wait to give when no window serves the service, and nothing at all when nobody ahead is known', () => {
    const hall = newHall();
    const a = issue(hall, hall.service.pension, at('2026-11-23 09:01'));
    const known = forecastQueue(hall.state, at('2026-11-23 09:01'));
    const b = issue(hall, hall.service.pension, at('2026-11-23 09:02'));
    expect(extendForecast(hall.state, known, b)).toEqual({ ticketId: b.id, position: known.get(a.id)!.position + 1, etaMinutes: null });
    const first = issue(hall, hall.service.transfer, at('2026-11-23 09:02'));
    expect(extendForecast(hall.state, known, first)).toBeNull();
  });
});

describe('the forecaster asked for one ticket', () => {
  it('extends the last forecast when a new one would take more than its share of the server, and never answers nothing', () => {
    const hall = newHall();
    const now = at('2026-11-23 09:05');
    // Every reading of the CPU clock is 10 ms later: each forecast "costs" 10 ms, so the next may wait 100 ms.
    let cpu = 0;
    const forecaster = new Forecaster(hall.state, () => now, 60_000, () => (cpu += 10));
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    const a = issue(hall, hall.service.pension, at('2026-11-23 09:01'));
    forecaster.invalidate();
    expect(forecaster.forTicket(a)).toMatchObject({ ticketId: a.id, position: 0 });
    const b = issue(hall, hall.service.pension, at('2026-11-23 09:02'));
    forecaster.invalidate();
    expect(forecaster.get().has(b.id)).toBe(false);
    expect(forecaster.forTicket(b)).toEqual(extendForecast(hall.state, forecaster.get(), b));
    // The first of its service: nothing to extend, so it is worked out now.
    const first = issue(hall, hall.service.transfer, at('2026-11-23 09:03'));
    forecaster.invalidate();
    const worked = forecaster.forTicket(first);
    expect(worked).toMatchObject({ ticketId: first.id, etaMinutes: expect.any(Number) });
    expect(forecaster.get().get(first.id)).toEqual(worked);
  });
});

describe('a rush of tickets over the forecaster budget', () => {
  it('puts each new ticket one case behind the one before, and gives an earlier ticket its own place', () => {
    const hall = newHall();
    const now = at('2026-11-23 09:05');
    let cpu = 0;
    const forecaster = new Forecaster(hall.state, () => now, 60_000, () => (cpu += 10));
    openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
    issue(hall, hall.service.pension, at('2026-11-23 09:01'));
    forecaster.invalidate();
    forecaster.get();
    const rush = [1, 2, 3].map(() => {
      const t = issue(hall, hall.service.pension, at('2026-11-23 09:04'));
      forecaster.invalidate();
      return forecaster.forTicket(t)!;
    });
    expect(rush.map((f) => f.position)).toEqual([1, 2, 3]);
    expect(rush[2].etaMinutes! - rush[1].etaMinutes!).toBeCloseTo(5);
    // The second of the rush asked again (its phone page opens): its own place, not behind the third.
    const second = [...hall.state.active.values()].find((t) => t.id === rush[1].ticketId)!;
    expect(forecaster.forTicket(second)).toEqual(rush[1]);
  });
});
