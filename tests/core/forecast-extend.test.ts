import { describe, expect, it } from 'vitest';
import { forecastQueue } from '../../server/core/forecast.js';
import { extendForecast } from '../../server/core/forecast/extend.js';
import type { Quote } from '../../server/core/forecast/forward-run.js';
import { InterimWaits, type LastForecast } from '../../server/core/forecast/interim.js';
import { at, issue, newHall, openWindow, type Hall } from './hall-fixture.js';

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

/** A forecast as InterimWaits reads it, made now from the state, with its quotes. */
function lastForecast(hall: Hall, now: number): LastForecast & { quotes: Quote[] } {
  const quotes: Quote[] = [];
  const forecasts = forecastQueue(hall.state, now, undefined, quotes);
  return { get: (id) => forecasts.get(id), computedAt: now, caseOverheadMs: 0, quotes, quote: (serviceId, kind) => quotes.find((q) => q.serviceId === serviceId && q.kind === kind) };
}

/** Window 1 open since 09:00 with six pension tickets issued 09:01 to 09:06: a queue, and visitors expected. */
function busyMorning(): Hall {
  const hall = newHall();
  openWindow(hall, hall.window.one, at('2026-11-23 09:00'));
  for (let m = 1; m <= 6; m++) issue(hall, hall.service.pension, at(`2026-11-23 09:0${m}`));
  return hall;
}

describe('the wait of a ticket issued after the last forecast', () => {
  it('is the turn the forecast gave a shadow ticket of its service and kind waiting since then', () => {
    const hall = busyMorning();
    const last = lastForecast(hall, at('2026-11-23 09:06'));
    const quote = last.quote(hall.service.pension, 'normal')!;
    expect(quote.etaMinutes).toBeGreaterThan(20);
    const waits = new InterimWaits();
    waits.reset(last);
    const t = issue(hall, hall.service.pension, at('2026-11-23 09:06'));
    // Exactly what a forecast worked out with the ticket in it says.
    const full = forecastQueue(hall.state, at('2026-11-23 09:06')).get(t.id)!;
    expect(waits.tell(hall.state, t, at('2026-11-23 09:06'))).toEqual(full);
    // Told a minute later, the same moment in the hall's future is a minute closer.
    const again = new InterimWaits();
    again.reset(last);
    expect(again.tell(hall.state, t, at('2026-11-23 09:07'))!.etaMinutes).toBeCloseTo(full.etaMinutes! - 1);
  });

  it('leaves the forecast of every real ticket as it is: shadows take no time', () => {
    const hall = busyMorning();
    issue(hall, hall.service.transfer, at('2026-11-23 09:06'));
    const quotes: Quote[] = [];
    const withShadows = forecastQueue(hall.state, at('2026-11-23 09:06'), undefined, quotes);
    expect(quotes.length).toBeGreaterThan(0);
    expect(withShadows).toEqual(forecastQueue(hall.state, at('2026-11-23 09:06')));
  });

  it('goes one case behind the one told before it in a rush, and tells the same wait when asked again', () => {
    const hall = busyMorning();
    const waits = new InterimWaits();
    waits.reset(lastForecast(hall, at('2026-11-23 09:06')));
    const rush = [1, 2, 3].map(() => issue(hall, hall.service.pension, at('2026-11-23 09:07')));
    const told = rush.map((t) => waits.tell(hall.state, t, at('2026-11-23 09:07'))!);
    expect(told.map((f) => f.position - told[0].position)).toEqual([0, 1, 2]);
    expect(told[2].etaMinutes! - told[1].etaMinutes!).toBeCloseTo(5);
    expect(waits.tell(hall.state, rush[1], at('2026-11-23 09:08'))).toEqual(told[1]);
  });

  it('is what a newer forecast says once it knows the ticket, and the rush goes on behind the tickets it lacks', () => {
    const hall = busyMorning();
    const waits = new InterimWaits();
    waits.reset(lastForecast(hall, at('2026-11-23 09:06')));
    const a = issue(hall, hall.service.pension, at('2026-11-23 09:07'));
    waits.tell(hall.state, a, at('2026-11-23 09:07'));
    const newer = lastForecast(hall, at('2026-11-23 09:07'));
    const b = issue(hall, hall.service.pension, at('2026-11-23 09:07'));
    const toldB = waits.tell(hall.state, b, at('2026-11-23 09:07'))!;
    const c = issue(hall, hall.service.pension, at('2026-11-23 09:07'));
    waits.reset(newer);
    expect(waits.tell(hall.state, a, at('2026-11-23 09:07'))).toEqual(newer.get(a.id));
    // The newer forecast knows a but not b: c still goes one behind b.
    expect(waits.tell(hall.state, c, at('2026-11-23 09:07'))).toMatchObject({ position: toldB.position + 1 });
  });

  it('has no quote where no open window serves the service: behind a known ticket with no time, or nothing at all', () => {
    const hall = newHall();
    const waits = new InterimWaits();
    waits.reset(lastForecast(hall, at('2026-11-23 09:00')));
    const a = issue(hall, hall.service.pension, at('2026-11-23 09:01'));
    expect(waits.tell(hall.state, a, at('2026-11-23 09:01'))).toBeNull();
    const last = lastForecast(hall, at('2026-11-23 09:01'));
    expect(last.quotes).toEqual([]);
    waits.reset(last);
    const b = issue(hall, hall.service.pension, at('2026-11-23 09:02'));
    expect(waits.tell(hall.state, b, at('2026-11-23 09:02'))).toEqual({ ticketId: b.id, position: 1, etaMinutes: null });
    expect(new InterimWaits().tell(hall.state, b, at('2026-11-23 09:02'))).toBeNull();
  });
});
