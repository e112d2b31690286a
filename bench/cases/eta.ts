import { forecastPlan } from '../../server/core/forecast.js';
import { casePace } from '../../server/core/forecast/case-pace.js';
import { runForward, type ForecastPlan } from '../../server/core/forecast/forward-run.js';
import { PaceLearner, type Pace } from '../../server/core/forecast/pace.js';
import { PauseLengths } from '../../server/core/forecast/pause-lengths.js';
import { hallTimeToEpoch } from '../../server/core/hall-time.js';
import { emptyState } from '../../server/core/state.js';
import type { HallState } from '../../server/core/types.js';
import type { ForecastFn } from '../proposals/proposed-forecaster.js';
import { VirtualClock } from '../sim/clock.js';
import { CoreActions } from '../sim/core-actions.js';
import { HallModel } from '../sim/hall-model.js';
import { hallDayProfile, planWindows, type DayProfile } from '../sim/profile.js';
import { daySummary, etaAccuracy, type DaySummary, type EtaAccuracy } from '../sim/records.js';
import { drawVisitors } from '../sim/visitors.js';
import { roundSummary, summarize, type Summary } from '../support/stats.js';

export interface EtaResult {
  method: string;
  windows: number;
  day: DaySummary;
  eta: EtaAccuracy;
  forecastCostMs: Summary;
  variantCostMs: Record<string, Summary>;
  wallSeconds: number;
}

type Without = { pace?: (p: Pace, state: HallState) => Pace; plan?: (p: ForecastPlan, state: HallState) => ForecastPlan };

const guesses = (state: HallState) => casePace(emptyState(state.settings));
const usualPauses = new PauseLengths();
const onlyOpen = (p: ForecastPlan, state: HallState) => ({ ...p, windows: p.windows.filter((w) => state.runtime.get(w.ctx.windowId)?.status === 'open') });

/**
 * The server's forecast with one element taken out, to show what each is worth (`--without`). The last one takes
 * them all out and puts back the fixed walk-up (a minute for a visitor called) and 15 s between cases used before.
 */
const withoutEach: Record<string, Without> = {
  'without expected arrivals': { plan: (p) => ({ ...p, arrivals: [] }) },
  'without expected priority arrivals': { plan: (p) => ({ ...p, arrivals: p.arrivals.filter((a) => a.kind !== 'priority') }) },
  'without expected transfers and appointments': { plan: (p) => ({ ...p, arrivals: p.arrivals.filter((a) => a.kind !== 'ahead') }) },
  'without expected normal arrivals': { plan: (p) => ({ ...p, arrivals: p.arrivals.filter((a) => a.kind !== 'normal') }) },
  'without pauses that end': { plan: onlyOpen },
  'without learned pause lengths': { pace: (p) => ({ ...p, pauseMs: (r) => usualPauses.expectedMs(r) }) },
  'without learned walk-up': { pace: (p, s) => ({ ...p, walkUpMs: guesses(s).walkUpMs }) },
  'without learned turnaround': { pace: (p, s) => ({ ...p, turnaroundMs: guesses(s).turnaroundMs }) },
  'without all of them': {
    pace: (p) => ({ ...p, walkUpMs: 60_000, turnaroundMs: 0 }),
    plan: (p, s) => onlyOpen({ ...p, arrivals: [], caseOverheadMs: 15_000 }, s),
  },
};

function forecastWithout(w: Without): ForecastFn {
  const learner = new PaceLearner();
  return (state, now) => {
    const pace = learner.pace(state, now);
    const plan = forecastPlan(state, now, w.pace ? w.pace(pace, state) : pace);
    return runForward(state, now, w.plan ? w.plan(plan, state) : plan);
  };
}

/**
 * (f) ETA accuracy over a simulated day. Run in-process on a virtual clock against server/core: the forecast is
 * pure, so the estimate is the one the server replies with, and a day of 8,000 tickets takes seconds. With
 * `withoutElements`, the forecast is also asked at every issue with each of its elements taken out.
 */
export async function runEtaDay(profile: DayProfile = hallDayProfile, withoutElements = false): Promise<EtaResult> {
  const started = performance.now();
  const plan = planWindows(profile);
  const clock = new VirtualClock(hallTimeToEpoch(profile.date, '07:30', profile.timeZone));
  const variants = withoutElements ? Object.fromEntries(Object.entries(withoutEach).map(([name, w]) => [name, { fn: forecastWithout(w), calibrate: false }])) : {};
  const actions = new CoreActions(profile, plan, clock, variants);
  const model = new HallModel(profile, drawVisitors(profile), plan, clock, actions);
  const done = model.run();
  await clock.run();
  await done;
  return {
    method: 'in-process, virtual clock, server/core commands + the wait the server tells at each issue (InterimWaits on the last forecast)',
    windows: plan.length,
    day: daySummary(model.records),
    eta: etaAccuracy(model.records),
    forecastCostMs: roundSummary(summarize(actions.forecastMs), 3),
    variantCostMs: Object.fromEntries([...actions.variants].map(([k, v]) => [k, roundSummary(summarize(v.costMs), 3)])),
    wallSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runEtaDay(hallDayProfile, process.argv.includes('--without')).then((r) => console.log(JSON.stringify(r, null, 2)));
}
