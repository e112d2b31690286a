import type { runCallToScreen } from './cases/call-to-screen.js';
import type { runEtaDay } from './cases/eta.js';
import type { runFloor } from './cases/floor.js';
import type { runRestart } from './cases/restart.js';
import type { runTicketIssue } from './cases/ticket-issue.js';
import { ms, pct, type Row } from './support/table.js';

export interface Results {
  floor?: Awaited<ReturnType<typeof runFloor>>;
  eta?: Awaited<ReturnType<typeof runEtaDay>>;
  issue?: Awaited<ReturnType<typeof runTicketIssue>>;
  restart?: Awaited<ReturnType<typeof runRestart>>;
  screens?: Awaited<ReturnType<typeof runCallToScreen>>;
}

const ratio = (x: number | null | undefined, floor: number | null | undefined) => (x == null || !floor ? '—' : `${(x / floor).toFixed(1)}x`);

/** The figures held against the issue's targets (2 cores, loopback), each with the floor it reads against. */
export function summaryRows(r: Results): Row[] {
  const rows: Row[] = [];
  const fl = r.floor;
  const commitP99 = fl?.disk.sqliteFullCommitMs.p99;
  const raw = fl?.socket.rawWriteUsPerClient.p50;
  if (r.screens) {
    const s = r.screens;
    const phones = `${s.measured.phonesConnected} phones`;
    rows.push({ bench: 'a call→screen', metric: `board p50 / p99 (${phones})`, measured: `${ms(s.callToBoardMs.fromSend.p50)} / ${ms(s.callToBoardMs.fromSend.p99)}`, target: 'p99 ≤ 10 ms', floor: `from reply: ${ms(s.callToBoardMs.fromReply.p99)}`, ok: s.callToBoardMs.fromSend.p99 <= 10 });
    rows.push({ bench: 'a call→screen', metric: 'pad p50 / p99', measured: `${ms(s.callToPadMs.fromSend.p50)} / ${ms(s.callToPadMs.fromSend.p99)}`, target: 'p99 ≤ 10 ms', floor: `from reply: ${ms(s.callToPadMs.fromReply.p99)}`, ok: s.callToPadMs.fromSend.p99 <= 10 });
    rows.push({ bench: 'a call→screen', metric: 'called visitor\'s phone p50 / p99', measured: `${ms(s.callToCalledPhoneMs.p50)} / ${ms(s.callToCalledPhoneMs.p99)}`, target: '—', floor: '', ok: null });
    rows.push({ bench: 'a call→screen', metric: `last phone p50 / p99 (${s.probes.probes} probes)`, measured: `${ms(s.callToLastPhoneMs.p50, 0)} / ${ms(s.callToLastPhoneMs.p99, 0)}`, target: 'p99 ≤ 1 s', floor: `${s.probes.phonesUpdatedPerCall.p50} phones per call`, ok: s.callToLastPhoneMs.p99 <= 1000 });
    rows.push({ bench: 'b callNext', metric: `reply p50 / p99 under that load (${s.callNextReplyMs.n} calls)`, measured: `${ms(s.callNextReplyMs.p50)} / ${ms(s.callNextReplyMs.p99)}`, target: 'p99 ≤ 5 ms', floor: `commit p99 ${ms(commitP99, 2)}: ${ratio(s.callNextReplyMs.p99, commitP99)}`, ok: s.callNextReplyMs.p99 <= 5 });
    if (s.commandsInHallMs) {
      const c = s.commandsInHallMs;
      const own = s.loadGeneratorLoopMs;
      rows.push({ bench: 'b callNext', metric: `inside the hall: message taken to reply written (${c.n} pad commands)`, measured: `${ms(c.p50)} / ${ms(c.p99)}`, target: '', floor: own ? `load generator's loop late p99 ${ms(own.p99)}, max ${ms(own.max)}` : `max ${ms(c.max)}`, ok: null });
    }
    if (s.held) {
      const f = s.fanout;
      rows.push({ bench: 'b callNext', metric: 'what held the loop: timers late p99 / max', measured: `${ms(s.held.loopDelayMs.p99)} / ${ms(s.held.loopDelayMs.max)}`, target: '', floor: `longest GC ${ms(s.held.gc.maxMs)}${s.held.gc.maxKind ? ` (${s.held.gc.maxKind})` : ''}, forecast taken in ${ms(f.forecasts.longestMs)}, fan-out ${ms(Math.max(f.boardsAndPads.longestMs, f.phones.longestMs))}, journal restarts ${s.held.journalRestarts ?? '—'}`, ok: null });
      const t = s.forecastThread;
      if (t) rows.push({ bench: 'b callNext', metric: 'forecasts on their own thread: count, cost p50 / p90', measured: `${t.forecasts} in ${s.measured.seconds} s, ${ms(t.costMs.p50)} / ${ms(t.costMs.p90)}`, target: '', floor: `max ${ms(t.costMs.max)}`, ok: null });
    }
    rows.push({ bench: 'd memory', metric: 'server memory per WebSocket client', measured: `${s.memory.jsHeapKBPerClient} KB JS heap (RSS ${s.memory.rssKBPerClient} KB)`, target: '≤ 16 KB', floor: `${s.memory.clientsAdded} phones added`, ok: Math.max(s.memory.rssKBPerClient, s.memory.jsHeapKBPerClient) <= 16 });
    rows.push({ bench: 'c issue', metric: 'issue reply during the simulated peak', measured: `${ms(s.issueReplyMs.p50)} / ${ms(s.issueReplyMs.p99)}`, target: '', floor: `${s.issuedWithoutForecast} of ${s.issueReplyMs.n} without a wait`, ok: null });
    const boardUs = s.probeFanout.boardsAndPads.usPerClient ?? s.fanout.boardsAndPads.usPerClient;
    const phoneUs = s.probeFanout.phones.usPerClient ?? s.fanout.phones.usPerClient;
    const burst = s.rawFloor;
    const rawBoards = burst?.boardsBurst.usPerClient.p50;
    const rawPhones = burst?.phonesBurst.usPerClient.p50;
    rows.push({ bench: 'g fan-out', metric: 'per client: boards+pads / phones', measured: `${boardUs ?? '—'} µs / ${phoneUs ?? '—'} µs`, target: '≤ 2x raw write', floor: burst ? `raw, as many at once: ${rawBoards} / ${rawPhones} µs: ${ratio(boardUs, rawBoards)} / ${ratio(phoneUs, rawPhones)}` : '', ok: boardUs != null && phoneUs != null && rawBoards != null && rawPhones != null ? boardUs <= 2 * rawBoards && phoneUs <= 2 * rawPhones : null });
    if (burst) rows.push({ bench: 'g fan-out', metric: `raw write in bursts of ${burst.boardsBurst.clients} / ${burst.phonesBurst.clients} (in the hall's process)`, measured: `${rawBoards} / ${rawPhones} µs`, target: '', floor: `2,000 back to back: ${raw?.toFixed(1)} µs (${ratio(boardUs, raw)} / ${ratio(phoneUs, raw)})`, ok: null });
  }
  if (r.issue) {
    const i = r.issue;
    const bare = fl?.request?.latencyMs;
    rows.push({ bench: 'c issue', metric: `p99 at ${i.atRate.rate}/s, ${i.kiosks} kiosks, FULL`, measured: `${ms(i.atRate.latencyMs.p99)} (${i.atRate.perSecond}/s done)`, target: 'p99 ≤ 5 ms', floor: bare ? `bare server p99 ${ms(bare.p99)}: ${ratio(i.atRate.latencyMs.p99, bare.p99)}` : `commit p99 ${ms(commitP99, 2)}`, ok: i.atRate.latencyMs.p99 <= 5 });
    rows.push({ bench: 'c issue', metric: 'at 200/s: p50 / p90; main thread waiting for a core', measured: `${ms(i.atRate.latencyMs.p50)} / ${ms(i.atRate.latencyMs.p90)}; ${ms(i.atRate.mainThreadWaitMsPerSecond, 0)} a second`, target: '', floor: bare ? `bare server ${ms(bare.p50)} / ${ms(bare.p90)}; hall CPU ${Math.round(i.atRate.serverBusyShare * 100)}% of a core` : '', ok: null });
    if (i.justStarted) rows.push({ bench: 'c issue', metric: 'the same in the first 10 s after start: p50 / p99', measured: `${ms(i.justStarted.latencyMs.p50)} / ${ms(i.justStarted.latencyMs.p99)}`, target: '', floor: `hall CPU ${i.justStarted.serverCpuMsPerTicket} ms a ticket (then ${i.atRate.serverCpuMsPerTicket})`, ok: null });
    rows.push({ bench: 'c issue', metric: 'highest sustained rate, FULL', measured: `${i.saturated.perSecond}/s (${i.saturated.serverCpuMsPerTicket} ms CPU each)`, target: '≥ 1,000/s', floor: `commit p50 ${ms(fl?.disk.sqliteFullCommitMs.p50, 2)}`, ok: i.saturated.perSecond >= 1000 });
  }
  if (r.restart) {
    const e = r.restart;
    rows.push({ bench: 'e start', metric: 'cold start to first 200 (existing / fresh db)', measured: `${ms(e.coldStartExistingDbMs.p50, 0)} / ${ms(e.coldStartFreshDbMs.p50, 0)}`, target: '≤ 500 ms', floor: `from TS sources ${ms(e.coldStartSourcesExistingDbMs.p50, 0)} (tsx alone ${ms(e.tsxStartupFloorMs.p50, 0)})`, ok: e.coldStartExistingDbMs.p50 <= 500 });
    rows.push({ bench: 'e crash', metric: 'SIGKILL to serving again', measured: ms(e.sigkill.killToServingMs.p50, 0), target: '≤ 1 s', floor: '', ok: e.sigkill.killToServingMs.max <= 1000 });
    rows.push({ bench: 'e crash', metric: 'acknowledged tickets lost', measured: `${e.sigkill.lost} of ${e.sigkill.acknowledged}`, target: '0', floor: '', ok: e.sigkill.lost === 0 });
    const rush = e.sigkillAfterRush;
    if (rush) {
      rows.push({ bench: 'e crash', metric: `after a day's tickets flat out (${rush.ticketsToday} waiting): to serving, lost`, measured: `${ms(rush.killToServingMs, 0)}, ${rush.lost} of ${rush.acknowledged}`, target: '≤ 1 s, 0', floor: '', ok: rush.killToServingMs <= 1000 && rush.lost === 0 });
    }
  }
  if (r.eta) {
    const f = r.eta.eta;
    rows.push({ bench: 'f ETA', metric: 'median abs error / actual wait (forecast)', measured: `${pct(f.forecast.medianRelativeError)} (${f.forecast.medianAbsErrorMinutes} min; p90 ${f.forecast.p90AbsErrorMinutes})`, target: '≤ 20%', floor: `naive ${pct(f.naive.medianRelativeError)} (${f.naive.medianAbsErrorMinutes} min)`, ok: f.forecast.medianRelativeError <= 0.2 });
    rows.push({ bench: 'f ETA', metric: 'error lower than naive by', measured: pct(f.improvementOverNaive), target: '≥ 30%', floor: '', ok: f.improvementOverNaive >= 0.3 });
    for (const [name, v] of Object.entries(f.variants)) {
      const metric = name === 'with the ticket' ? `a forecast worked out with the ticket in it (${v.tickets})` : `proposal "${name}" (sample of ${v.tickets})`;
      rows.push({ bench: 'f ETA', metric, measured: `${pct(v.medianRelativeError)} (${v.medianAbsErrorMinutes} min; p90 ${v.p90AbsErrorMinutes})`, target: '≤ 20%', floor: `server on same: ${pct(v.serverOnSameTickets.medianRelativeError)}`, ok: null });
    }
  }
  if (fl) {
    rows.push({ bench: 'g floor', metric: 'fsync 4 KB p50 / p99', measured: `${ms(fl.disk.fsyncMs.p50, 2)} / ${ms(fl.disk.fsyncMs.p99, 2)}`, target: '', floor: '', ok: null });
    rows.push({ bench: 'g floor', metric: 'SQLite commit, WAL + FULL p50 / p99', measured: `${ms(fl.disk.sqliteFullCommitMs.p50, 2)} / ${ms(fl.disk.sqliteFullCommitMs.p99, 2)}`, target: '', floor: '', ok: null });
    rows.push({ bench: 'g floor', metric: `raw socket write / ws send, per client (${fl.socket.clients})`, measured: `${raw?.toFixed(1)} µs / ${fl.socket.wsSendUsPerClient.p50.toFixed(1)} µs`, target: '', floor: '', ok: null });
    if (fl.request) rows.push({ bench: 'g floor', metric: `bare HTTP server with fdatasync, ${fl.request.rate}/s: p50 / p90 / p99`, measured: `${ms(fl.request.latencyMs.p50)} / ${ms(fl.request.latencyMs.p90)} / ${ms(fl.request.latencyMs.p99)}`, target: '', floor: 'same kiosks as c', ok: null });
  }
  return rows;
}
