/**
 * Statistics over a month of a busy hall: 30 days of 8,000 tickets a day (100 windows, 30 services) written into
 * a real hall database, then every statistics report, the monthly window report and the exports timed.
 *
 *   npx tsx bench/stats-bench.ts [--days 30] [--per-day 8000] [--windows 100] [--db <file>] [--runs 5]
 *
 * With --db naming a file that already holds the month, the month is measured again without being rewritten.
 *
 * The month is written as the hall writes it: events appended to the event log and projected by the same
 * projector the command runner uses, in one transaction per day. Deciding 240,000 tickets one command at a time
 * would take the best part of an hour and measure the queue, not the statistics, so the day is laid out directly:
 * each window serves its share of visitors back to back from opening to closing, with pauses, no-shows, transfers,
 * cancellations, appointments, ratings and follow-ups in the proportions of a city hall.
 *
 * Then the latency of ticket issues made while a month report runs, against the same with nothing running: the
 * figure that says whether a report holds up the hall. Last, the pages each command of a ticket's life writes to
 * the journal on the month's database (journalPages).
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import type { HallSettings, Service } from '../protocol/config-entities.js';
import type { RatingLevel } from '../protocol/ratings.js';
import type { StatsDimension } from '../protocol/stats.js';
import { CommandRunner } from '../server/command-runner.js';
import type { DomainEvent } from '../server/core/events.js';
import { addDays, hallTimeToEpoch } from '../server/core/hall-time.js';
import { formatNumber } from '../server/core/numbering.js';
import { openFollowUp } from '../server/core/ratings/follow-up-rules.js';
import type { Rating } from '../server/core/ratings/types.js';
import { emptyState } from '../server/core/state.js';
import type { Appointment, Ticket, WindowRuntime } from '../server/core/types.js';
import { HallStatistics } from '../server/stats/hall-statistics.js';
import { openDatabase } from '../server/store/database.js';
import { loadState } from '../server/store/load-state.js';
import { createProjector } from '../server/store/projections.js';
import { Rng } from './support/rng.js';
import { median, round, sleep, summarize } from './support/stats.js';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const days = Number(arg('days', '30'));
const perDay = Number(arg('per-day', '8000'));
const windowCount = Number(arg('windows', '100'));
const runs = Number(arg('runs', '5'));
const dir = mkdtempSync(join(tmpdir(), 'stats-bench-'));
const dbPath = arg('db', join(dir, 'hall.db'));
const tz = 'Asia/Shanghai';
const firstDay = '2026-11-01';
const lastDay = addDays(firstDay, days - 1);
const min = 60_000;

const settings: HallSettings = {
  name: { zh: '市政务服务中心', en: 'City Government Service Centre' }, timeZone: tz,
  hours: { days: [1, 2, 3, 4, 5, 6, 7], sessions: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:30' }] },
  priorityRule: { mode: 'ratio', priority: 1, normal: 2 }, requeueOffset: 3, maxRequeues: 2, yellowWaitMinutes: 20, redWaitMinutes: 40,
  onePerPersonPerService: true, notice: { zh: '请保管好您的号票', en: 'Please keep your ticket' },
};

// ---- The hall: configured through the command runner, as an admin would. ----
const reuse = existsSync(dbPath);
const db = openDatabase(dbPath);
const clock = { now: hallTimeToEpoch(addDays(firstDay, -1), '20:00', tz) };
const runner = new CommandRunner(db, reuse ? loadState(db, clock.now, settings) : emptyState(settings), () => clock.now, pino({ level: 'silent' }));
const must = <T>(d: { ok: true; result: T } | { ok: false; code: string }): T => {
  if (!d.ok) throw new Error(d.code);
  return d.result;
};
const system = { kind: 'system' } as const;
/** 5 areas, 30 services, 5 supervisors, 100 windows with a staff member each serving up to three services. */
function configure() {
  must(runner.run('saveSettings', settings, system));
  const areas = Array.from({ length: 5 }, (_, i) => must(runner.run('saveArea', { code: `AREA${i}`, name: { zh: `区域${i + 1}`, en: `Area ${i + 1}` }, active: true }, system)).id);
  const services: Service[] = Array.from({ length: 30 }, (_, i) => must(runner.run('saveService', {
    code: `S${i}`, areaId: areas[i % 5], name: { zh: `业务${i + 1}`, en: `Service ${i + 1}` }, prefix: String.fromCharCode(65 + (i % 26)) + (i >= 26 ? 'Z' : ''),
    hours: null, dailyQuota: null, slotQuotas: [], defaultHandlingMinutes: 4 + (i % 8) * 2, idRequired: false, onlineAllowed: true,
    appointmentSlotMinutes: 30, appointmentsPerSlot: 10, active: true,
  }, system)));
  const supervisors = areas.map((_, i) => must(runner.run('saveStaff', { number: `SUP${i}`, name: `值班长${i + 1}`, role: 'supervisor', supervisorId: null, active: true }, system)).id);
  const windows = Array.from({ length: windowCount }, (_, i) => {
    const area = i % 5;
    const own = services.filter((s) => s.areaId === areas[area]);
    const staffId = must(runner.run('saveStaff', { number: `W${i + 1}`, name: `工作人员${i + 1}`, role: 'staff', supervisorId: supervisors[area], active: true }, system)).id;
    const window = must(runner.run('saveWindow', {
      number: i + 1, name: { zh: `${i + 1}号窗口`, en: `Window ${i + 1}` }, areaId: areas[area], comprehensive: false, priorityRule: 'hall',
      services: own.slice(0, 3).map((s, k) => ({ serviceId: own[(i + k) % own.length].id, tier: (k === 0 ? 1 : 2) as 1 | 2 })).filter((x, k, all) => all.findIndex((y) => y.serviceId === x.serviceId) === k),
      ledAddress: null, active: true,
    }, system));
    return { id: window.id, staffId, serviceIds: window.services.map((s) => s.serviceId), lunches: i % 2 === 0 };
  });
  return { services, windows };
}
const { services, windows } = reuse ? { services: [...runner.state.services.values()], windows: [] } : configure();

// ---- The month: each day's events, written the way the runner writes them. ----
const append = db.prepare('INSERT INTO events (at, type, actor, payload) VALUES (?, ?, ?, ?)');
const project = createProjector(db);
const emit = (event: DomainEvent, at: number) => {
  append.run(at, event.type, '{"kind":"system"}', JSON.stringify(event));
  project(event, at);
};
const rng = new Rng(20261101);
let ticketId = 0;
let ratingId = 0;
let followUpId = 0;
let appointmentId = 0;
let events = 0;

function writeDay(day: string): void {
  const at = (hhmm: string) => hallTimeToEpoch(day, hhmm, tz);
  const counters = new Map<number, number>();
  const missed: Appointment[] = [];
  const quota = Math.round(perDay / windowCount);
  for (const w of windows) {
    let runtime: WindowRuntime = { windowId: w.id, status: 'closed', pauseReason: null, staffId: null, currentTicketId: null, statusSince: 0, ratio: { priority: 0, normal: 0 } };
    const status = (s: WindowRuntime['status'], when: number, reason: WindowRuntime['pauseReason'] = null) => {
      runtime = { ...runtime, status: s, pauseReason: reason, staffId: s === 'closed' ? null : w.staffId, statusSince: when };
      emit({ type: 'window.statusChanged', runtime }, when);
      events++;
    };
    let free = at('08:55') + rng.between(0, 10) * min;
    status('open', free);
    const lunch = at('12:00') + rng.between(0, 20) * min;
    let lunched = !w.lunches;
    for (let n = 0; n < quota; n++) {
      if (!lunched && free >= lunch) {
        lunched = true;
        status('paused', free, 'lunch');
        free = at('13:30') + rng.between(0, 5) * min;
        status('open', free);
      }
      const service = services.find((s) => s.id === w.serviceIds[n % w.serviceIds.length])!;
      const seqNo = (counters.get(service.id) ?? 0) + 1;
      counters.set(service.id, seqNo);
      const issuedAt = Math.max(at('08:50'), free - rng.between(0, 45) * min);
      const id = ++ticketId;
      const roll = rng.next();
      let t: Ticket = {
        id, visitId: id, number: formatNumber(service.prefix, seqNo), seqNo, status: 'waiting', channel: roll < 0.05 ? 'appointment' : 'kiosk',
        serviceId: service.id, person: null, priorityClassId: null, targetWindowId: null, appointmentId: null, appointmentStartsAt: null,
        windowId: null, staffId: null, arrivedAt: issuedAt, issuedAt, queueKey: issuedAt, calledAt: null, startedAt: null, finishedAt: null,
        recalls: 0, requeues: 0, hallDay: day, transferredFromId: null,
      };
      if (t.channel === 'appointment') {
        const a: Appointment = { id: ++appointmentId, serviceId: service.id, date: day, slotStart: '09:00', slotEnd: '09:30', startsAt: at('09:00'), code: String(appointmentId), status: 'checked_in', person: { idHash: `h${id}`, idMasked: '', nameMasked: '', birthDate: null }, ticketId: id, bookedAt: issuedAt - 86_400_000 };
        emit({ type: 'appointment.checkedIn', appointment: a, ticket: t }, issuedAt);
        if (rng.chance(0.2)) missed.push({ ...a, id: ++appointmentId, code: String(appointmentId), status: 'missed', ticketId: null });
      } else emit({ type: 'ticket.issued', ticket: t }, issuedAt);
      events++;
      if (roll > 0.97) {
        emit({ type: 'ticket.cancelled', ticket: { ...t, status: 'cancelled', finishedAt: issuedAt + 10 * min }, runtime: null, reason: 'visitor' }, issuedAt + 10 * min);
        events++;
        continue;
      }
      const calledAt = Math.max(free, issuedAt + 30_000);
      t = { ...t, status: 'called', windowId: w.id, staffId: w.staffId, calledAt };
      emit({ type: 'ticket.called', ticket: t, runtime: { ...runtime, currentTicketId: id }, outOfOrderReason: null }, calledAt);
      if (roll > 0.92) {
        free = calledAt + 2 * min;
        emit({ type: 'ticket.noShow', ticket: { ...t, status: 'no_show', finishedAt: free }, runtime }, free);
        events += 2;
        continue;
      }
      t = { ...t, status: 'serving', startedAt: calledAt + rng.between(20, 90) * 1000 };
      emit({ type: 'ticket.started', ticket: t, runtime: { ...runtime, currentTicketId: id } }, t.startedAt!);
      free = t.startedAt! + service.defaultHandlingMinutes * min * (0.3 + rng.next() * rng.next() * 2.5);
      t = { ...t, status: 'done', finishedAt: free };
      emit({ type: 'ticket.finished', ticket: t, runtime }, free);
      events += 3;
      if (rng.chance(0.75)) rate(t, free + rng.between(3, 40) * 1000);
      free += rng.between(5, 30) * 1000;
    }
    status('closed', Math.max(free, at('17:30')) + rng.between(0, 10) * min);
  }
  emit({ type: 'day.closed', hallDay: addDays(day, 1), tickets: [], appointments: missed, runtimes: [] }, hallTimeToEpoch(addDays(day, 1), '00:00', tz) + 30_000);
  events++;
}

function rate(t: Ticket, when: number): void {
  const roll = rng.next();
  const level = (roll < 0.9 ? 5 : roll < 0.97 ? 4 : roll < 0.985 ? 3 : roll < 0.995 ? 2 : 1) as RatingLevel;
  const bad = level <= 2;
  const rating: Rating = {
    id: ++ratingId, visitId: t.visitId, ticketId: t.id, number: t.number, hallDay: t.hallDay, serviceId: t.serviceId, windowId: t.windowId,
    staffId: t.staffId, level, reasons: bad ? ['efficiency'] : [], comment: null, channel: 'window', caseNumber: rng.chance(0.6) ? `BJ${t.id}` : null,
    ratedAt: when, followUpId: bad ? followUpId + 1 : null, voided: false,
  };
  const followUp = bad ? openFollowUp(runner.state, rating, ++followUpId, when) : null;
  emit({ type: 'rating.recorded', rating, followUp }, when);
  events++;
}

const started = performance.now();
if (!reuse) {
  for (let day = firstDay; day <= lastDay; day = addDays(day, 1)) db.transaction(() => writeDay(day))();
  db.exec('ANALYZE');
}
const writeSeconds = (performance.now() - started) / 1000;
const size = (db.prepare('SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()').pluck().get() as number) / 1024 / 1024;

// ---- The measurements. ----
clock.now = hallTimeToEpoch(addDays(lastDay, 1), '09:00', tz);
// The month went into the tables behind the runner's back: a hall started now, as the server would start it.
const hall = new CommandRunner(db, loadState(db, clock.now, settings), () => clock.now, pino({ level: 'silent' }));
const stats = new HallStatistics(db, hall, () => 0);
/** Wall time, and this process's CPU time: on a shared machine the CPU time is the steadier figure. */
const time = async (what: string, fn: () => unknown) => {
  await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await fn();
    const c = process.cpuUsage(c0);
    wall.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { what, medianMs: round(median(wall), 1), maxMs: round(Math.max(...wall), 1), cpuMedianMs: round(median(cpu), 1) };
};
const results = [];
for (const by of ['day', 'hour', 'month', 'service', 'window', 'staff', 'area'] as StatsDimension[]) {
  results.push(await time(`month by ${by}`, () => stats.report({ from: firstDay, to: lastDay, by })));
}
results.push(await time('one day by window', () => stats.report({ from: lastDay, to: lastDay, by: 'window' })));
results.push(await time('monthly window report', () => stats.windowReport(lastDay.slice(0, 7))));
results.push(await time('export month by day, xlsx', () => stats.exportReport({ from: firstDay, to: lastDay, by: 'day' }, 'xlsx')));
results.push(await time('export window report, xlsx', () => stats.exportWindowReport(lastDay.slice(0, 7), 'xlsx')));
results.push(await time('export month by window, csv', () => stats.exportReport({ from: firstDay, to: lastDay, by: 'window' }, 'csv')));

/**
 * Kiosks keep issuing tickets, one every `everyMs`, while `work` runs; each issue's latency runs from when it was
 * due (a request arriving) to its reply. A blocked event loop holds the arrivals back: when it frees, every
 * overdue one is served in order, so a report on the main thread shows up as issues waiting as long as it runs.
 */
async function issueLatency(work: () => unknown, everyMs = 5): Promise<number[]> {
  const latencies: number[] = [];
  let due = performance.now();
  let timer: NodeJS.Timeout | undefined;
  let n = 0;
  const serve = (last: boolean) => {
    while (due <= performance.now()) {
      must(hall.run('issueTicket', { serviceId: services[n++ % services.length].id, channel: 'kiosk', person: null }, system));
      latencies.push(performance.now() - due);
      due += everyMs;
    }
    if (!last) timer = setTimeout(() => serve(false), Math.max(0, due - performance.now()));
  };
  serve(false);
  await sleep(20);
  await work();
  clearTimeout(timer);
  serve(true);
  return latencies;
}
const latency = (what: string, samples: number[]) => {
  const s = summarize(samples);
  return { what, issues: s.n, p50Ms: round(s.p50, 1), p99Ms: round(s.p99, 1), maxMs: round(s.max, 1) };
};
const latencies = [latency('issue, no report running', await issueLatency(() => sleep(2000)))];
const during: number[] = [];
for (let i = 0; i < runs; i++) during.push(...await issueLatency(() => stats.report({ from: firstDay, to: lastDay, by: 'day' })));
latencies.push(latency('issue, while a month report by day runs', during));

/**
 * Pages each command of a ticket's life writes to the journal, on the month's database: every page a command
 * changes (tables and indexes, the statistics' covering index among them) is written and synced before the reply.
 */
function journalPages(): { command: string; commands: number; pages: number }[] {
  const walPath = `${dbPath}-wal`;
  const pageBytes = db.pragma('page_size', { simple: true }) as number;
  const walBytes = () => (existsSync(walPath) ? statSync(walPath).size : 0);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.pragma('wal_autocheckpoint = 0');
  const serving = [...hall.state.windows.values()].slice(0, 20);
  const pad = (windowId: number) => ({ kind: 'device', deviceId: windowId, role: 'pad', windowId, areaId: null }) as const;
  for (const w of serving) must(hall.run('setWindowStatus', { windowId: w.id, status: 'open' }, pad(w.id)));
  const pages = new Map<string, number[]>();
  /** Counts the pages of a command that was carried out (a call with nobody waiting writes nothing). */
  const measured = (command: string, run: () => { ok: boolean }) => {
    const before = Math.max(walBytes(), 32);
    const done = run().ok;
    clock.now += 1000;
    if (!done) return false;
    const list = pages.get(command) ?? [];
    list.push((walBytes() - before) / (pageBytes + 24));
    pages.set(command, list);
    return true;
  };
  const ahead = 200;
  for (let n = 0; n < 2000 + ahead; n++) {
    const service = services[n % services.length].id;
    if (n < 2000) measured('issueTicket', () => hall.run('issueTicket', { serviceId: service, channel: 'kiosk', person: null }, system));
    if (n < ahead) continue;
    const w = serving[n % serving.length];
    if (!measured('callNext', () => hall.run('callNext', { windowId: w.id }, pad(w.id)))) continue;
    measured('startService', () => hall.run('startService', { windowId: w.id }, pad(w.id)));
    measured('finishService', () => hall.run('finishService', { windowId: w.id }, pad(w.id)));
  }
  db.pragma('wal_autocheckpoint = 1000');
  return [...pages].map(([command, list]) => ({ command, commands: list.length, pages: round(list.reduce((a, b) => a + b, 0) / list.length, 2) }));
}
const journal = journalPages();

const total = (await stats.report({ from: firstDay, to: lastDay, by: 'month' })).total;
const load = loadavg().map((x) => round(x, 1)).join(' ');
console.log(`${days} days x ${perDay} tickets, ${windowCount} windows: ${total.tickets} legs, ${total.ratings} ratings, ` +
  `${reuse ? 'database reused' : `${events} events written in ${round(writeSeconds, 1)} s`}, ${round(size, 0)} MB (Node ${process.version}, load ${load})`);
console.table(results);
console.table(latencies);
console.table(journal);
console.log(JSON.stringify({ days, perDay, windows: windowCount, legs: total.tickets, events, dbMB: round(size, 0), results, latencies, journal }));
await stats.stop();
db.close();
if (!process.argv.includes('--db')) rmSync(dir, { recursive: true, force: true });
