import { parseArgs } from 'node:util';
import { hallTimeToEpoch } from '../server/core/hall-time.js';
import { runEtaDay } from './cases/eta.js';
import { ScaledClock } from './sim/clock.js';
import { HallModel } from './sim/hall-model.js';
import { HttpActions } from './sim/http-actions.js';
import { setUpHall, type SetUpHall } from './sim/http-setup.js';
import { hallDayProfile, planWindows } from './sim/profile.js';
import { daySummary, etaAccuracy } from './sim/records.js';
import { drawVisitors } from './sim/visitors.js';
import { freePort, hallEnv, startBenchHall, tempDir, type BenchHall } from './support/hall-process.js';
import { callLatencies } from './support/latency-join.js';
import { PhoneFleet } from './support/screens.js';
import { roundSummary, summarize } from './support/stats.js';

/**
 * The hall-day simulator on its own: a day of 8,000 tickets driven into a real hall in its own process, over HTTP
 * (kiosks) and WebSocket (caller pads, boards, phones), with hall time running `--speed` times the wall clock.
 *
 *   npx tsx bench/hall-day.ts [--speed 60] [--phones 2000] [--boards 8] [--until 12:00] [--tickets 8000]
 *   npx tsx bench/hall-day.ts --in-process      # the same day on server/core with a virtual clock, in seconds
 *
 * It prints the day (issued, called, waits, no-shows, transfers), the accuracy of the waits the server printed on
 * the tickets against the naive estimate, and how long pads, kiosks and screens waited.
 */
const { values } = parseArgs({
  options: {
    speed: { type: 'string', default: '60' }, phones: { type: 'string', default: '2000' }, boards: { type: 'string', default: '8' },
    until: { type: 'string' }, tickets: { type: 'string', default: String(hallDayProfile.tickets) }, 'in-process': { type: 'boolean', default: false },
  },
});
const profile = { ...hallDayProfile, tickets: Number(values.tickets) };

async function main(): Promise<unknown> {
  if (values['in-process']) return runEtaDay(profile);
  const plan = planWindows(profile);
  const tmp = tempDir();
  let hall: BenchHall | null = null;
  let setup: SetUpHall | null = null;
  let phones: PhoneFleet | null = null;
  try {
    const port = await freePort();
    const clock = new ScaledClock({ realAt: Date.now(), virtualAt: hallTimeToEpoch(profile.date, '07:00', profile.timeZone), speed: 1 });
    hall = await startBenchHall(hallEnv(tmp.dir, port), port, clock.anchor);
    setup = await setUpHall(hall.url, hall.seed, plan, Number(values.boards), profile.date);
    phones = new PhoneFleet(hall.url.replace('http', 'ws') + '/ws', Number(values.phones));
    const actions = new HttpActions(setup, phones);
    const model = new HallModel(profile, drawVisitors(profile), plan, clock, actions);
    await hall.ask({ type: 'anchor', anchor: clock.setSpeed(Number(values.speed)) });
    const started = performance.now();
    const day = model.run();
    const progress = setInterval(() => {
      const t = new Date(clock.now() + 8 * 3_600_000).toISOString().slice(11, 16);
      process.stderr.write(`\r${t}  issued ${actions.issueMs.length}  calls ${actions.calls.length}  waiting ${model.waitingCount}  phones ${phones!.connected}   `);
    }, 1000);
    if (values.until) {
      const until = hallTimeToEpoch(profile.date, values.until, profile.timeZone);
      await Promise.race([day, clock.sleep(until - clock.now())]);
      model.stop();
      actions.halted = true;
    } else {
      await day;
    }
    clearInterval(progress);
    process.stderr.write('\n');
    const boards = callLatencies(actions.calls, setup.boards);
    return {
      speed: Number(values.speed), windows: plan.length, wallSeconds: Math.round((performance.now() - started) / 1000),
      day: daySummary(model.records.filter((r) => r.issuedAt !== null || r.refused !== null)),
      // The waits the server printed on the tickets (its forecast in the issue reply) against the naive estimate.
      eta: etaAccuracy(model.records),
      issuedWithoutForecast: actions.withoutForecast,
      callNextReplyMs: roundSummary(summarize(actions.callNextMs)),
      issueReplyMs: roundSummary(summarize(actions.issueMs)),
      callToBoardMs: roundSummary(summarize(boards.fromSend)),
      phones: { connected: phones.connected, messages: phones.messages },
      refusals: actions.refusals,
    };
  } finally {
    phones?.closeAll();
    setup?.boards.forEach((b) => b.close());
    setup?.pads.forEach((p) => p.close());
    setup?.admin.close();
    setup?.kiosks.close();
    if (hall) await hall.kill('SIGKILL');
    tmp.remove();
  }
}

main().then((r) => { console.log(JSON.stringify(r, null, 2)); process.exit(0); }, (e) => { console.error(e); process.exit(1); });
