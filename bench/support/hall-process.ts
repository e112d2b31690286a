import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClockAnchor } from '../sim/clock.js';
import { sleep } from './stats.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const benchPassword = 'bench-admin-password';

const running = new Set<ChildProcess>();
const killAll = () => { for (const c of running) c.kill('SIGKILL'); };
process.once('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => { killAll(); process.exit(130); });

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** A temporary directory on the same disk as /tmp (a real disk here, so fsync costs what it costs). */
export function tempDir(): { dir: string; remove(): void; clear(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'hall-bench-'));
  return {
    dir,
    remove: () => rmSync(dir, { recursive: true, force: true }),
    /** Empties the directory but the config file, for a first start on a fresh database. */
    clear: () => { for (const f of readdirSync(dir)) if (f !== 'hall.config.json') rmSync(join(dir, f), { recursive: true, force: true }); },
  };
}

export interface HallProcess {
  url: string;
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | string | null>;
  /** Asks the bench entry something over IPC and waits for the answer of the same type. */
  ask<T = any>(message: { type: string; [k: string]: unknown }): Promise<T>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * The environment of a bench hall: its own database and secrets in `dir`, the demo hall seeded with a known
 * password, the public rate limit lifted (every simulated kiosk, phone and pad shares 127.0.0.1), and no
 * simulated hardware: the demo's in-process printer and sign simulators would be measured as server work,
 * which in a hall is done by the devices themselves. BENCH_SIMULATED_DEVICES=1 keeps them.
 */
export function hallEnv(dir: string, port: number, extra: Record<string, string> = {}): Record<string, string> {
  const configPath = join(dir, 'hall.config.json');
  const devices = process.env.BENCH_SIMULATED_DEVICES === '1' ? {} : { devices: { simulate: false } };
  writeFileSync(configPath, JSON.stringify({ rateLimit: { publicPerMinute: 10_000_000 }, ...devices }));
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('HALL_'))) as Record<string, string>;
  return {
    ...inherited, HALL_HOST: '127.0.0.1', HALL_PORT: String(port), HALL_DB: join(dir, 'hall.db'), HALL_SECRETS_PATH: join(dir, 'secrets.json'),
    HALL_ADMIN_PASSWORD: benchPassword, HALL_CONFIG: configPath, HALL_LOG_LEVEL: 'warn', ...extra,
  };
}

export function launch(args: string[], env: Record<string, string>, port: number, ipc: boolean): HallProcess {
  const child = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => { running.delete(child); resolve(code ?? signal); }));
  return {
    url: `http://127.0.0.1:${port}`, child, stdout: () => out, stderr: () => err, exited,
    ask(message) {
      return new Promise((resolve, reject) => {
        const onMessage = (m: { type: string }) => {
          if (m.type !== message.type) return;
          child.off('message', onMessage);
          resolve(m as never);
        };
        child.on('message', onMessage);
        child.send(message, (e) => e && reject(e));
      });
    },
    async kill(signal = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      await exited;
    },
  };
}

let built = false;

/** The server bundle `npm start` runs (build/server/main.js), built once per bench process from the sources. */
export function serverBundle(): string {
  if (!built) execFileSync(process.execPath, ['scripts/build-server.mjs'], { cwd: repoRoot, stdio: 'inherit' });
  built = true;
  return join(repoRoot, 'build/server/main.js');
}

/** `node build/server/main.js`, as `npm start` starts the hall. */
export function spawnMainHall(env: Record<string, string>, port: number): HallProcess {
  return launch([serverBundle()], env, port, false);
}

/** `node --import tsx server/main.ts`: the same server from its TypeScript sources, for comparison. */
export function spawnSourceHall(env: Record<string, string>, port: number): HallProcess {
  return launch(['--import', 'tsx', 'server/main.ts'], env, port, false);
}

/** Polls until GET path answers 200; returns the milliseconds from `since`. */
export async function waitForOk(url: string, since: number, timeoutMs = 30_000, path = '/healthz'): Promise<number> {
  for (;;) {
    try {
      const res = await fetch(url + path);
      if (res.status === 200) return performance.now() - since;
    } catch { /* not listening yet */ }
    if (performance.now() - since > timeoutMs) throw new Error(`no 200 from ${url}${path} within ${timeoutMs} ms`);
    await sleep(2);
  }
}

export interface BenchHall extends HallProcess {
  seed: { kioskToken: string; boardToken: string };
}

/**
 * The hall in its own process through bench/support/hall-entry.ts: the real createHall, on a clock that may run
 * faster than the wall clock (the same anchor as the load generator's ScaledClock), with a memory probe.
 */
export async function startBenchHall(env: Record<string, string>, port: number, anchor: ClockAnchor | null): Promise<BenchHall> {
  // BENCH_PROFILE_DIR=<dir>: the hall writes a V8 CPU profile there when it stops, to see where its time went.
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE_DIR] : [];
  const hall = launch([...profile, '--expose-gc', '--import', 'tsx', 'bench/support/hall-entry.ts'], { ...env, ...(anchor ? { BENCH_CLOCK: JSON.stringify(anchor) } : {}) }, port, true);
  const ready = await Promise.race([
    new Promise<{ seed: BenchHall['seed'] }>((resolve) => hall.child.on('message', (m: { type: string; seed: BenchHall['seed'] }) => m.type === 'ready' && resolve(m))),
    hall.exited.then((code) => { throw new Error(`bench hall exited (${code}) before it was ready:\n${hall.stderr()}`); }),
  ]);
  return { ...hall, seed: ready.seed };
}
