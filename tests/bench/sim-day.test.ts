import { describe, expect, it } from 'vitest';
import { forecastPlan, forecastQueue } from '../../server/core/forecast.js';
import { arrivalAt, expectedTicket } from '../../server/core/forecast/arrivals.js';
import { runForward, type ForecastPlan } from '../../server/core/forecast/forward-run.js';
import { paceOf } from '../../server/core/forecast/pace.js';
import { countCall, pickNext } from '../../server/core/dispatch.js';
import { expectedHandlingMs } from '../../server/core/handling.js';
import { hallTimeToEpoch } from '../../server/core/hall-time.js';
import type { HallState, Ticket } from '../../server/core/types.js';
import { VirtualClock } from '../../bench/sim/clock.js';
import { CoreActions } from '../../bench/sim/core-actions.js';
import { HallModel } from '../../bench/sim/hall-model.js';
import { hallDayProfile, planWindows, type DayProfile } from '../../bench/sim/profile.js';
import { daySummary, etaAccuracy } from '../../bench/sim/records.js';
import { drawVisitors } from '../../bench/sim/visitors.js';

/** A morning of 600 tickets: big enough for queues, transfers, breaks and no-shows, small enough to run in seconds. */
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

/**
 * The forward run done the plain way, from the same plan: every expected visitor made up front, pickNext over every
 * waiting ticket and every visitor arrived by then, windows sorted at each step, a window with nothing to take
 * moved to the next expected visitor it serves.
 */
function plainRun(state: HallState, now: number, plan: ForecastPlan) {
  const expected: Ticket[] = [];
  for (const s of plan.arrivals) for (let k = 0; arrivalAt(s, k) <= s.until; k++) expected.push(expectedTicket(s, k));
  const windows = plan.windows.map((w) => ({ ...w }));
  const remaining = new Set<Ticket>([...state.tickets.values()].filter((t) => t.status === 'waiting'));
  const out = new Map<number, { etaMinutes: number | null }>();
  let expectedTaken = 0;
  while (remaining.size > 0 && windows.length > 0) {
    windows.sort((a, b) => a.availableAt - b.availableAt || a.number - b.number);
    const w = windows[0];
    const arrived = expected.filter((t) => t.issuedAt <= w.availableAt);
    const pick = pickNext({ ...w.ctx, now: w.availableAt }, [...remaining, ...arrived]);
    if (!pick) {
      const later = expected.filter((t) => w.ctx.tiers.has(t.serviceId)).map((t) => t.issuedAt);
      if (later.length === 0) windows.shift();
      else w.availableAt = Math.min(...later);
      continue;
    }
    if (pick.ticket.id < 0) {
      expected.splice(expected.indexOf(pick.ticket), 1);
      expectedTaken++;
    } else {
      remaining.delete(pick.ticket);
      out.set(pick.ticket.id, { etaMinutes: Math.max(0, (w.availableAt - now) / 60_000) });
    }
    w.ctx = { ...w.ctx, ratio: countCall(w.ctx.rule, w.ctx.ratio, pick.reason) };
    w.availableAt += plan.caseOverheadMs + expectedHandlingMs(state, pick.ticket.serviceId);
  }
  for (const t of remaining) out.set(t.id, { etaMinutes: null });
  return { out, expectedTaken };
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

  it('forecasts every state of the morning exactly as the plain forward run over every waiting and expected ticket does', async () => {
    let compared = 0;
    let withExpected = 0;
    let withPausedWindows = 0;
    await runMorning((state, now) => {
      compared++;
      const plan = forecastPlan(state, now, paceOf(state));
      const fast = runForward(state, now, plan);
      const plain = plainRun(state, now, plan);
      expect(fast.size).toBe(plain.out.size);
      for (const [id, f] of plain.out) expect(fast.get(id)?.etaMinutes).toBe(f.etaMinutes);
      if (plain.expectedTaken > 0) withExpected++;
      if (plan.windows.some((w) => state.runtime.get(w.ctx.windowId)!.status === 'paused')) withPausedWindows++;
      expect(forecastQueue(state, now)).toEqual(fast);
    });
    expect(compared).toBeGreaterThan(500);
    // The comparison reaches what is new in the run: expected visitors (made lazily there) and windows due back from a break.
    expect(withExpected).toBeGreaterThan(50);
    expect(withPausedWindows).toBeGreaterThan(50);
  });

  // The database's ticket rows are updated with only what a call, a start or a finish changes (store/projections.ts).
  it('never changes what a ticket was issued with: its service, priority class and number stay, a transfer is a new leg', async () => {
    const fixed = (t: Ticket) => JSON.stringify([t.serviceId, t.priorityClassId, t.number, t.seqNo, t.hallDay, t.channel, t.visitId]);
    const issuedWith = new Map<number, string>();
    const changed = new Set<number>();
    let requeued = 0;
    await runMorning((state) => {
      for (const t of state.tickets.values()) {
        const first = issuedWith.get(t.id);
        if (first === undefined) issuedWith.set(t.id, fixed(t));
        else if (first !== fixed(t)) changed.add(t.id);
        if (t.requeues > 0) requeued++;
      }
    });
    expect([...changed]).toEqual([]);
    // The morning moves tickets every way a ticket moves: transfers (legs beyond the 600 issued) and requeues.
    expect(issuedWith.size).toBeGreaterThan(600);
    expect(requeued).toBeGreaterThan(0);
  });
});
