/**
 * Where the hall's main thread waits for a core. Runs the issue case of (c) (the hall as `npm start` runs it,
 * 50 kiosks, 200 tickets a second after a warm-up) with the kernel's scheduler events on, and prints, for the time
 * the main thread was ready to run but not running: whether it had been woken or pushed off its core, which
 * threads held the core it then ran on, and how much of that time the other core sat idle.
 * Then the same for the WAL's fdatasync calls (every ticket waits for one): how long the call took, split into
 * running, waiting for the disk (or a lock) and ready but waiting for a core, for all of them and the slowest 2%.
 *
 *   sudo npx tsx bench/sched-trace.ts        (root: it mounts tracefs if needed and turns sched events on)
 *
 * Threads are named by their order in the process: the hall's main thread, V8's helper threads (compiler and GC),
 * libuv's pool (fsync), the forecast thread (the busiest of the rest). It is a diagnostic, not a benchmark: the
 * tracing itself adds a little to every switch.
 */
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { startKioskHall } from './cases/ticket-issue.js';
import { roundSummary, summarize } from './support/stats.js';

const tracing = '/sys/kernel/tracing/';
const write = (file: string, value: string) => writeFileSync(tracing + file, value);

/** Each thread of a process: CPU used so far (ms) and times it was put on a core, by thread id. */
function threadsOf(pid: number): Map<number, { cpuMs: number; slices: number }> {
  return new Map(readdirSync(`/proc/${pid}/task`).map((tid) => {
    const [cpu, , slices] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').trim().split(' ').map(Number);
    return [Number(tid), { cpuMs: cpu / 1e6, slices }];
  }));
}

/**
 * Names the hall's threads from what they did during the trace (all are called "node"): the main thread; V8's
 * helpers, the first five started; libuv's pool, woken for every fsync and busy a few dozen microseconds each time;
 * the forecast thread, the busiest of the rest. And the load generator's.
 */
function nameThreads(hallPid: number, before: Map<number, { cpuMs: number; slices: number }>, after: Map<number, { cpuMs: number; slices: number }>, bench: number): Map<number, string> {
  const names = new Map<number, string>();
  const tids = [...after.keys()].sort((a, b) => a - b);
  const used = (tid: number) => ({ cpuMs: after.get(tid)!.cpuMs - (before.get(tid)?.cpuMs ?? 0), slices: after.get(tid)!.slices - (before.get(tid)?.slices ?? 0) });
  tids.forEach((tid, i) => names.set(tid, tid === hallPid ? 'hall main' : i <= 5 ? 'hall V8 helper' : 'hall other'));
  const rest = tids.slice(6);
  for (const tid of rest) if (used(tid).slices > 500 && used(tid).cpuMs / used(tid).slices < 0.06) names.set(tid, 'hall fsync pool');
  const busiest = rest.filter((tid) => names.get(tid) === 'hall other').sort((a, b) => used(b).cpuMs - used(a).cpuMs)[0];
  if (busiest !== undefined) names.set(busiest, 'hall forecast');
  names.set(bench, 'load generator');
  for (const tid of readdirSync(`/proc/${bench}/task`).map(Number)) if (tid !== bench) names.set(tid, 'load generator other');
  return names;
}

interface Wait { since: number; kind: 'woken' | 'pushed off'; length?: number; on?: number; ran: Map<string, number> }

/** Parses the trace: every wait of `mainTid` with what ran on each core meanwhile. */
function waitsOf(trace: string, mainTid: number, names: Map<number, string>): Wait[] {
  const line = /^\s*.+?-\d+\s+\[(\d+)\]\s+\S+\s+([\d.]+): (sched_switch|sched_wakeup): (.*)$/;
  const nameOf = (pid: number, comm: string) => names.get(pid) ?? (pid === 0 ? 'idle' : comm.replace(/[/:].*$/, ''));
  const running: string[] = ['idle', 'idle'];
  const waits: Wait[] = [];
  let current: Wait | null = null;
  let last = 0;
  for (const text of trace.split('\n')) {
    const m = line.exec(text);
    if (!m) continue;
    const [cpu, at, event, rest] = [Number(m[1]), Number(m[2]) * 1000, m[3], m[4]];
    if (current) for (let c = 0; c < running.length; c++) current.ran.set(`${c}:${running[c]}`, (current.ran.get(`${c}:${running[c]}`) ?? 0) + at - last);
    last = at;
    if (event === 'sched_wakeup') {
      if (Number(/ pid=(\d+)/.exec(rest)![1]) === mainTid && !current) current = { since: at, kind: 'woken', ran: new Map() };
      continue;
    }
    const prev = Number(/prev_pid=(\d+)/.exec(rest)![1]);
    const next = Number(/next_pid=(\d+)/.exec(rest)![1]);
    running[cpu] = nameOf(next, /next_comm=(.+?) next_pid/.exec(rest)![1]);
    if (prev === mainTid && /prev_state=R/.test(rest)) current = { since: at, kind: 'pushed off', ran: new Map() };
    if (next === mainTid && current) {
      waits.push({ ...current, length: at - current.since, on: cpu });
      current = null;
    }
  }
  return waits;
}

interface SyncCall { since: number; length: number; running: number; sleeping: number; runnable: number; runnableWithIdleCore: number }
type ThreadState = 'running' | 'sleeping' | 'runnable';

/** Every fdatasync of the hall's threads, its time split by what the calling thread was doing meanwhile. */
function syncsOf(trace: string, hallTids: Set<number>): SyncCall[] {
  const line = /^\s*.+?-(\d+)\s+\[(\d+)\]\s+\S+\s+([\d.]+): (sched_switch|sched_wakeup|sys_fdatasync)[:(]? ?(.*)$/;
  const idle = [true, true];
  const open = new Map<number, { call: SyncCall; state: ThreadState; since: number }>();
  const done: SyncCall[] = [];
  const move = (tid: number, at: number, to: ThreadState) => {
    const o = open.get(tid);
    if (!o) return;
    o.call[o.state] += at - o.since;
    if (o.state === 'runnable' && idle.includes(true)) o.call.runnableWithIdleCore += at - o.since;
    o.state = to;
    o.since = at;
  };
  for (const text of trace.split('\n')) {
    const m = line.exec(text);
    if (!m) continue;
    const [task, cpu, at, event, rest] = [Number(m[1]), Number(m[2]), Number(m[3]) * 1000, m[4], m[5]];
    if (event === 'sys_fdatasync' && hallTids.has(task)) {
      if (!rest.includes('->')) {
        open.set(task, { call: { since: at, length: 0, running: 0, sleeping: 0, runnable: 0, runnableWithIdleCore: 0 }, state: 'running', since: at });
      } else if (open.has(task)) {
        move(task, at, 'running');
        const { call } = open.get(task)!;
        done.push({ ...call, length: at - call.since });
        open.delete(task);
      }
    } else if (event === 'sched_wakeup') {
      const tid = Number(/ pid=(\d+)/.exec(rest)![1]);
      if (open.get(tid)?.state === 'sleeping') move(tid, at, 'runnable');
    } else if (event === 'sched_switch') {
      move(Number(/prev_pid=(\d+)/.exec(rest)![1]), at, /prev_state=R/.test(rest) ? 'runnable' : 'sleeping');
      const next = Number(/next_pid=(\d+)/.exec(rest)![1]);
      idle[cpu] = next === 0;
      move(next, at, 'running');
    }
  }
  return done;
}

function reportSyncs(calls: SyncCall[]): void {
  if (calls.length === 0) return console.log('no fdatasync seen (the kernel has no syscalls/sys_*_fdatasync events?)');
  const split = (group: SyncCall[]) => {
    const sum = (key: keyof SyncCall) => group.reduce((s, c) => s + c[key], 0);
    const total = sum('length');
    const pct = (x: number) => `${((100 * x) / total).toFixed(0)}%`;
    return `${total.toFixed(0)} ms: running ${pct(sum('running'))}, waiting for the disk or a lock ${pct(sum('sleeping'))}, ready and waiting for a core ${pct(sum('runnable'))} (with a core idle meanwhile ${pct(sum('runnableWithIdleCore'))})`;
  };
  const lengths = calls.map((c) => c.length).sort((a, b) => a - b);
  const cut = lengths[Math.floor(lengths.length * 0.98)];
  const slow = calls.filter((c) => c.length >= cut);
  const at = (q: number) => lengths[Math.floor(lengths.length * q)].toFixed(2);
  console.log(`WAL fdatasync calls: ${calls.length}, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${lengths[lengths.length - 1].toFixed(2)} ms`);
  console.log(`  all of them, ${split(calls)}`);
  console.log(`  the slowest 2% (${slow.length}, from ${cut.toFixed(2)} ms), ${split(slow)}`);
}

function report(waits: Wait[], seconds: number): void {
  const total = waits.reduce((s, w) => s + w.length!, 0);
  const sum = (key: (w: Wait) => string) => {
    const out = new Map<string, number>();
    for (const w of waits) out.set(key(w), (out.get(key(w)) ?? 0) + w.length!);
    return [...out].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ');
  };
  const holder = (w: Wait) => {
    let best = 'idle';
    let most = -1;
    for (const [k, v] of w.ran) if (k.startsWith(`${w.on}:`) && v > most) [best, most] = [k.slice(2), v];
    return best;
  };
  const otherIdle = (w: Wait) => (w.ran.get(`${1 - w.on!}:idle`) ?? 0) > w.length! / 2;
  console.log(`main thread waited for a core ${(total / seconds).toFixed(0)} ms a second, in ${waits.length} waits`);
  console.log(`  after being: ${sum((w) => w.kind)}`);
  console.log(`  the core it then ran on was held by: ${sum(holder)}`);
  console.log(`  waits over 0.5 ms with the other core idle most of the time: ${waits.filter((w) => w.length! > 0.5 && otherIdle(w)).reduce((s, w) => s + w.length!, 0).toFixed(0)} ms`);
  console.log(`  longest waits: ${waits.map((w) => w.length!).sort((a, b) => b - a).slice(0, 8).map((x) => x.toFixed(1)).join(', ')} ms`);
}

async function main(): Promise<void> {
  if (!existsSync(tracing + 'trace')) execSync('mount -t tracefs nodev /sys/kernel/tracing');
  const { hall, fleet, close } = await startKioskHall(50);
  try {
    await fleet.openLoop(200, 10);
    const seconds = 10;
    write('trace_clock', 'mono');
    write('buffer_size_kb', '65536');
    write('trace', '');
    write('events/sched/sched_switch/enable', '1');
    write('events/sched/sched_wakeup/enable', '1');
    const syncEvents = ['events/syscalls/sys_enter_fdatasync/enable', 'events/syscalls/sys_exit_fdatasync/enable'].filter((e) => existsSync(tracing + e));
    for (const e of syncEvents) write(e, '1');
    const pid = hall.child.pid!;
    const before = threadsOf(pid);
    write('tracing_on', '1');
    const samples = await fleet.openLoop(200, seconds);
    const after = threadsOf(pid);
    write('tracing_on', '0');
    const trace = readFileSync(tracing + 'trace', 'utf8');
    write('events/sched/enable', '0');
    for (const e of syncEvents) write(e, '0');
    write('trace', '');
    const latency = roundSummary(summarize(samples.filter((s) => s.status === 201).map((s) => s.doneAt - s.scheduledAt)));
    console.log(`issue at 200/s for ${seconds} s: p50 ${latency.p50} ms, p99 ${latency.p99} ms`);
    report(waitsOf(trace, pid, nameThreads(pid, before, after, process.pid)), seconds);
    reportSyncs(syncsOf(trace, new Set(after.keys())));
  } finally {
    await close();
  }
}

main().then(() => process.exit(0), (err) => { console.error(err); process.exit(1); });
