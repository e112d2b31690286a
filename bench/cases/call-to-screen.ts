import { monitorEventLoopDelay } from 'node:perf_hooks';
import { hallTimeToEpoch } from '../../server/core/hall-time.js';
import { ScaledClock } from '../sim/clock.js';
import { HallModel } from '../sim/hall-model.js';
import { HttpActions } from '../sim/http-actions.js';
import { setUpHall, type SetUpHall } from '../sim/http-setup.js';
import { hallDayProfile, planWindows, type DayProfile } from '../sim/profile.js';
import { daySummary } from '../sim/records.js';
import { drawVisitors } from '../sim/visitors.js';
import { freePort, hallEnv, startBenchHall, tempDir, type BenchHall } from '../support/hall-process.js';
import { calledPhoneLatencies, callLatencies } from '../support/latency-join.js';
import { PhoneFleet } from '../support/screens.js';
import { round, roundSummary, sleep, summarize } from '../support/stats.js';
import { lastPhoneProbes, memoryPerClient, rawWriteBursts } from './call-to-screen-probes.js';

export interface CallToScreenOptions {
  phones: number;
  boards: number;
  /**
   * Hall time runs up to this many times faster than the wall clock while the morning fills the hall (slowed
   * down whenever the server falls behind, so the morning stays a realistic morning)...
   */
  warmupSpeed: number;
  /** ...and this much during the measured stretch of the peak. */
  measureSpeed: number;
  measureSeconds: number;
  probes: number;
  extraPhonesForMemory: number;
  profile?: DayProfile;
}

export const callToScreenDefaults: CallToScreenOptions = { phones: 2000, boards: 8, warmupSpeed: 200, measureSpeed: 10, measureSeconds: 60, probes: 10, extraPhonesForMemory: 1000 };

/**
 * (a) call -> screen, (b) the callNext reply, (d) memory per client, and the hall's side of (g), measured while
 * the hall-day simulator drives the real server in its own process over HTTP and WebSocket: a morning at high
 * speed until `phones` phones follow their tickets, then a stretch of the peak at `measureSpeed`. After that, with
 * the simulation stopped, probe calls measure the time to the last phone, and extra phones measure memory.
 */
export async function runCallToScreen(options: CallToScreenOptions = callToScreenDefaults) {
  // Every visitor follows their ticket on the phone here, so the hall has 2,000 phones by mid-morning.
  const profile = options.profile ?? { ...hallDayProfile, phoneShare: 1 };
  const plan = planWindows(profile);
  const tmp = tempDir();
  let hall: BenchHall | null = null;
  let setup: SetUpHall | null = null;
  let phones: PhoneFleet | null = null;
  let model: HallModel | null = null;
  try {
    const port = await freePort();
    const clock = new ScaledClock({ realAt: Date.now(), virtualAt: hallTimeToEpoch(profile.date, '07:00', profile.timeZone), speed: 1 });
    hall = await startBenchHall(hallEnv(tmp.dir, port), port, clock.anchor);
    setup = await setUpHall(hall.url, hall.seed, plan, options.boards, profile.date);
    phones = new PhoneFleet(hall.url.replace('http', 'ws') + '/ws', options.phones);
    const actions = new HttpActions(setup, phones);
    model = new HallModel(profile, drawVisitors(profile), plan, clock, actions);
    const setSpeed = async (speed: number) => { await hall!.ask({ type: 'anchor', anchor: clock.setSpeed(speed) }); };

    let speed = Math.min(100, options.warmupSpeed);
    await setSpeed(speed);
    const day = model.run();
    const warmupStarted = performance.now();
    const latest = hallTimeToEpoch(profile.date, '11:00', profile.timeZone);
    const seen = { calls: 0, issues: 0 };
    while (phones.connected < options.phones && clock.now() < latest) {
      await sleep(500);
      // The server's answers say whether it keeps up: slow down when pads or kiosks wait, speed up while not.
      const recent = [...actions.callNextMs.slice(seen.calls), ...actions.issueMs.slice(seen.issues)].sort((a, b) => a - b);
      Object.assign(seen, { calls: actions.callNextMs.length, issues: actions.issueMs.length });
      const typical = recent[Math.floor(recent.length / 2)] ?? 0;
      const next = typical > 60 ? Math.max(10, speed * 0.7) : typical < 20 ? Math.min(options.warmupSpeed, speed * 1.25) : speed;
      if (next !== speed) await setSpeed((speed = next));
    }
    const warmup = { seconds: round((performance.now() - warmupStarted) / 1000, 1), hallTime: new Date(clock.now() + 8 * 3_600_000).toISOString().slice(11, 16), phones: phones.connected, finalSpeed: round(speed, 0) };

    await setSpeed(options.measureSpeed);
    await hall.ask({ type: 'fanout' });
    const measureFrom = performance.now();
    // The pads, boards and 2,000 phones share this process's event loop: a pad's reply read late because phone
    // messages were being parsed shows in its latency. How late this loop ran tells how much of a tail is ours.
    const ownLoop = monitorEventLoopDelay({ resolution: 1 });
    ownLoop.enable();
    const callsBefore = actions.calls.length;
    const replyBefore = actions.callNextMs.length;
    const issueBefore = actions.issueMs.length;
    const withoutForecastBefore = actions.withoutForecast;
    const eventsBefore = setup.boards[0].events;
    await sleep(options.measureSeconds * 1000);
    const fanout = await hall.ask({ type: 'fanout' });
    ownLoop.disable();
    const measuredSeconds = (performance.now() - measureFrom) / 1000;
    model.stop();
    actions.halted = true;
    void day;
    const calls = actions.calls.slice(callsBefore).filter((c) => c.sentAt >= measureFrom);
    await sleep(1500);

    const boards = callLatencies(calls, setup.boards);
    const pads = callLatencies(calls, [...setup.pads.values()]);
    const calledPhone = calledPhoneLatencies(calls, phones.calledSeen);
    const probes = await lastPhoneProbes(setup, phones, hall, options.probes);
    const perCall = (sends: number) => Math.max(1, Math.round(sends / Math.max(1, probes.detail.probes)));
    const rawFloor = await rawWriteBursts(hall, { boards: perCall(probes.fanout.boardsAndPads.sends), phones: perCall(probes.fanout.phones.sends) }, Math.round(phones.bytes / Math.max(1, phones.messages)));
    const memory = await memoryPerClient(hall, setup, phones, options.extraPhonesForMemory);
    return {
      setup: { windows: plan.length, boards: setup.boards.length, pads: setup.pads.size, phones: options.phones, warmupSpeed: options.warmupSpeed, measureSpeed: options.measureSpeed },
      warmup,
      measured: {
        seconds: round(measuredSeconds, 1), calls: calls.length, callsPerSecond: round(calls.length / measuredSeconds, 1),
        hallEventsPerSecond: round((setup.boards[0].events - eventsBefore) / measuredSeconds, 1), phonesConnected: phones.connected,
      },
      callToBoardMs: { fromSend: roundSummary(summarize(boards.fromSend)), fromReply: roundSummary(summarize(boards.fromReply)), callsSeenByNoBoard: boards.missing },
      callToPadMs: { fromSend: roundSummary(summarize(pads.fromSend)), fromReply: roundSummary(summarize(pads.fromReply)) },
      callToCalledPhoneMs: roundSummary(summarize(calledPhone)),
      callToLastPhoneMs: probes.lastPhone,
      probes: probes.detail,
      callNextReplyMs: roundSummary(summarize(actions.callNextMs.slice(replyBefore))),
      // During the measured stretch, as the callNext replies (the morning before it runs up to 200 times faster).
      issueReplyMs: roundSummary(summarize(actions.issueMs.slice(issueBefore))),
      issuedWithoutForecast: actions.withoutForecast - withoutForecastBefore,
      fanout: describeFanout(fanout, measuredSeconds),
      // How late the hall's timers ran and how long it paused for garbage collection during the peak.
      held: fanout.held,
      loadGeneratorLoopMs: { p99: round(ownLoop.percentile(99) / 1e6, 2), max: round(ownLoop.max / 1e6, 2) },
      // Every command over a WebSocket during the peak (nearly all callNext and the other pad actions), inside the hall.
      commandsInHallMs: fanout.commandsInHallMs,
      forecastThread: fanout.forecastThread,
      probeFanout: probes.fanout,
      rawFloor,
      memory,
      screens: { gaps: [...setup.boards, ...setup.pads.values()].reduce((s, c) => s + c.gaps, 0), phoneMessages: phones.messages, phoneBytes: phones.bytes, phonesRefused: phones.refused },
      refusals: actions.refusals,
      day: daySummary(model.records.filter((r) => r.issuedAt !== null)),
    };
  } finally {
    model?.stop();
    phones?.closeAll();
    setup?.boards.forEach((b) => b.close());
    setup?.pads.forEach((p) => p.close());
    setup?.admin.close();
    setup?.kiosks.close();
    if (hall && process.env.BENCH_PROFILE_DIR) {
      // A profiled hall writes its profile only when it stops by itself.
      hall.child.send({ type: 'stop' });
      await Promise.race([hall.exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    }
    if (hall) await hall.kill('SIGKILL');
    tmp.remove();
  }
}

type Stats = { calls: number; ms: number; sends: number; maxMs?: number };

/** Fan-out time per message sent; forecasting (once per pass, whatever the number of phones) is counted apart. */
export function describeFanout(f: { boards: Stats; phones: Stats; forecast: Stats }, seconds: number) {
  const per = (s: Stats) => (s.sends > 0 ? round((s.ms * 1000) / s.sends, 2) : null);
  return {
    boardsAndPads: { sends: f.boards.sends, msPerSecond: round(f.boards.ms / seconds, 2), usPerClient: per(f.boards), longestMs: round(f.boards.maxMs ?? 0, 2) },
    phones: { calls: f.phones.calls, sends: f.phones.sends, msPerSecond: round(f.phones.ms / seconds, 2), usPerClient: per(f.phones), longestMs: round(f.phones.maxMs ?? 0, 2) },
    forecasts: { asked: f.forecast.calls, msPerSecond: round(f.forecast.ms / seconds, 2), longestMs: round(f.forecast.maxMs ?? 0, 2) },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const phones = Number(process.env.PHONES ?? callToScreenDefaults.phones);
  runCallToScreen({ ...callToScreenDefaults, phones }).then((r) => { console.log(JSON.stringify(r, null, 2)); process.exit(0); }, (e) => { console.error(e); process.exit(1); });
}
