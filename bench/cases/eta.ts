import { hallTimeToEpoch } from '../../server/core/hall-time.js';
import { VirtualClock } from '../sim/clock.js';
import { CoreActions } from '../sim/core-actions.js';
import { HallModel } from '../sim/hall-model.js';
import { hallDayProfile, planWindows, type DayProfile } from '../sim/profile.js';
import { daySummary, etaAccuracy, type DaySummary, type EtaAccuracy } from '../sim/records.js';
import { drawVisitors } from '../sim/visitors.js';
import { forecastAhead } from '../proposals/forecast-ahead.js';
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

/**
 * (f) ETA accuracy over a simulated day. Run in-process on a virtual clock against server/core: the forecast is
 * pure, so the estimate is the one the server replies with, and a day of 8,000 tickets takes seconds.
 */
export async function runEtaDay(profile: DayProfile = hallDayProfile): Promise<EtaResult> {
  const started = performance.now();
  const plan = planWindows(profile);
  const clock = new VirtualClock(hallTimeToEpoch(profile.date, '07:30', profile.timeZone));
  const actions = new CoreActions(profile, plan, clock, {
    'ahead': { fn: forecastAhead, calibrate: false },
  }, 8);
  const model = new HallModel(profile, drawVisitors(profile), plan, clock, actions);
  const done = model.run();
  await clock.run();
  await done;
  return {
    method: 'in-process, virtual clock, server/core commands + forecastQueue at each issue',
    windows: plan.length,
    day: daySummary(model.records),
    eta: etaAccuracy(model.records),
    forecastCostMs: roundSummary(summarize(actions.forecastMs), 3),
    variantCostMs: Object.fromEntries([...actions.variants].map(([k, v]) => [k, roundSummary(summarize(v.costMs), 3)])),
    wallSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runEtaDay().then((r) => console.log(JSON.stringify(r, null, 2)));
}
