import { describe, expect, it } from 'vitest';
import { forecastQueue } from '../../server/core/forecast.js';
import { countCall, dispatchContext, pickNext } from '../../server/core/dispatch.js';
import { expectedHandlingMs } from '../../server/core/handling.js';
import { hallTimeToEpoch } from '../../server/core/hall-time.js';
import type { HallState, Ticket } from '../../server/core/types.js';
import { VirtualClock } from '../../bench/sim/clock.js';
import { CoreActions } from '../../bench/sim/core-actions.js';
import { HallModel } from '../../bench/sim/hall-model.js';
import { hallDayProfile, planWindows, type DayProfile } from '../../bench/sim/profile.js';
import { daySummary, etaAccuracy } from '../../bench/sim/records.js';
import { drawVisitors } from '../../bench/sim/visitors.js';

/** A morning of 600 tickets: big enough for queues, transfers and no-shows, small enough to run in a second. */
const morning: DayProfile = { ...hallDayProfile, tickets: 600, hours: hallDayProfile.hours.slice(0, 3), targetUtilisation: 0.95 };

async function runMorning(onIssue?: (state: HallState, now: number) => void) {
  const plan = planWindows(morning);
  const clock = new VirtualClock(hallTimeToEpoch(morning.date, '07:30', morning.timeZone));
  const actions = new CoreActions(morning, plan, clock);
  if (onIssue) {
    const issue = actions.issue.bind(actions);
    actions.issue = async (v) => {
      const out = await issue(v);
      onIssue(actions.state, clock.now());
      return out;
    };
  }
  const model = new HallModel(morning, drawVisitors(morning), plan, clock, actions);
  const done = model.run();
  await clock.run();
  await done;
  return model.records;
}

/** The forecast as first written: pickNext over every waiting ticket, windows sorted at each step. */
function plainForecast(state: HallState, now: number) {
  const waiting = [...state.tickets.values()].filter((t) => t.status === 'waiting');
  const windows = [...state.windows.values()].flatMap((w) => {
    const r = state.runtime.get(w.id)!;
    if (!w.active || r.status !== 'open') return [];
    const current = r.currentTicketId !== null ? state.tickets.get(r.currentTicketId) : undefined;
    let availableAt = now;
    if (current?.status === 'serving') availableAt = Math.max(now, current.startedAt! + expectedHandlingMs(state, current.serviceId));
    if (current?.status === 'called') availableAt = Math.max(now, current.calledAt! + 60_000 + expectedHandlingMs(state, current.serviceId));
    return [{ ctx: dispatchContext(state, w, r, now), availableAt, number: w.number }];
  });
  const out = new Map<number, { etaMinutes: number | null }>();
  const remaining = new Set<Ticket>(waiting);
  while (remaining.size > 0 && windows.length > 0) {
    windows.sort((a, b) => a.availableAt - b.availableAt || a.number - b.number);
    const w = windows[0];
    const pick = pickNext({ ...w.ctx, now: w.availableAt }, remaining);
    if (!pick) { windows.shift(); continue; }
    remaining.delete(pick.ticket);
    out.set(pick.ticket.id, { etaMinutes: Math.max(0, (w.availableAt - now) / 60_000) });
    w.ctx = { ...w.ctx, ratio: countCall(w.ctx.rule, w.ctx.ratio, pick.reason) };
    w.availableAt += 15_000 + expectedHandlingMs(state, pick.ticket.serviceId);
  }
  for (const t of remaining) out.set(t.id, { etaMinutes: null });
  return out;
}

describe('the simulated hall day, in process', () => {
  it('comes out the same on every run, and calls everyone it issued a ticket to', async () => {
    const first = await runMorning();
    const second = await runMorning();
    expect(second).toEqual(first);
    const day = daySummary(first);
    expect(day.issued).toBeGreaterThan(550);
    expect(day.called).toBe(day.issued);
    expect(day.noShows).toBeGreaterThan(0);
    expect(day.transferred).toBeGreaterThan(0);
    expect(day.waitMinutes.p90).toBeGreaterThan(day.waitMinutes.median);
    const eta = etaAccuracy(first);
    expect(eta.tickets).toBeGreaterThan(400);
    expect(eta.forecast.medianAbsErrorMinutes).toBeGreaterThanOrEqual(0);
  });

  it('forecasts every state of the morning exactly as running the dispatch rule over every waiting ticket does', async () => {
    let compared = 0;
    await runMorning((state, now) => {
      if (compared++ % 5 !== 0) return;
      const fast = forecastQueue(state, now);
      const plain = plainForecast(state, now);
      expect(fast.size).toBe(plain.size);
      for (const [id, f] of plain) expect(fast.get(id)?.etaMinutes).toBe(f.etaMinutes);
    });
    expect(compared).toBeGreaterThan(500);
  });
});
