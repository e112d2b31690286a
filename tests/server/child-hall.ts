import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** A port nobody listens on right now (HALL_PORT=0 would not tell the test which port the child took). */
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

export interface ChildHall {
  url: string;
  process: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or signal) once the process is gone. */
  exited: Promise<number | string | null>;
}

const running = new Set<ChildProcess>();

/** Runs `node build/server/main.js`, exactly as `npm start` starts the hall, with the given HALL_* env. */
export function spawnHall(env: Record<string, string>): { process: ChildProcess; stdout(): string; stderr(): string; exited: Promise<number | string | null> } {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('HALL_')));
  const child = spawn(process.execPath, ['build/server/main.js'], { cwd: repoRoot, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { err += d.toString(); });
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => {
    running.delete(child);
    resolve(code ?? signal);
  }));
  return { process: child, stdout: () => out, stderr: () => err, exited };
}

/** Starts the hall on a chosen port and waits until it says it is listening. */
export async function startChildHall(port: number, env: Record<string, string>, timeoutMs = 40_000): Promise<ChildHall> {
  const child = spawnHall({ HALL_HOST: '127.0.0.1', HALL_PORT: String(port), ...env });
  const deadline = Date.now() + timeoutMs;
  let exitedEarly = false;
  void child.exited.then(() => { exitedEarly = true; });
  while (!child.stdout().includes('listening on')) {
    if (exitedEarly) throw new Error(`hall exited before listening:\n${child.stderr()}`);
    if (Date.now() > deadline) {
      child.process.kill('SIGKILL');
      throw new Error(`hall did not start within ${timeoutMs} ms:\n${child.stderr()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return { ...child, url: `http://127.0.0.1:${port}` };
}

/** Kills whatever hall a test left running, so a failing test does not leave processes or ports behind. */
export async function killAllHalls(): Promise<void> {
  const waits = [...running].map((child) => new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGKILL');
  }));
  await Promise.all(waits);
}

/** Tests that start the hall as a process allow for `tsx` compiling the server on a busy machine. */
export const childTimeoutMs = 90_000;
