import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Two linked pseudo-terminals made by socat, standing in for a serial cable. By convention the driver
 * under test opens `hostPath` and the simulator opens `devicePath`.
 */
export interface PtyPair {
  devicePath: string;
  hostPath: string;
  /** Kills socat and removes the temporary folder. Safe to call twice. */
  close(): Promise<void>;
  /**
   * Kills socat (an unplugged cable) and brings the same two link paths back on fresh ptys, after
   * `downMs` (default 0) of absence. Whoever had the old ptys open must reopen them.
   */
  restart(downMs?: number): Promise<void>;
}

const START_TIMEOUT_MS = 3_000;
const STOP_TIMEOUT_MS = 2_000;

/** Every socat this process started and has not yet reaped; killed on exit if a test forgot to. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export async function openPtyPair(): Promise<PtyPair> {
  const dir = await mkdtemp(join(tmpdir(), 'pty-pair-'));
  const devicePath = join(dir, 'device');
  const hostPath = join(dir, 'host');
  let socat: ChildProcess | null = null;
  try {
    socat = await startSocat(devicePath, hostPath);
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }

  const stopSocat = async (): Promise<void> => {
    const child = socat;
    socat = null;
    if (child) await stopChild(child);
    // SIGKILL leaves the links behind; socat would refuse to create them again.
    await rm(devicePath, { force: true });
    await rm(hostPath, { force: true });
  };

  let closed = false;
  return {
    devicePath,
    hostPath,
    async close() {
      if (closed) return;
      closed = true;
      await stopSocat();
      await rm(dir, { recursive: true, force: true });
    },
    async restart(downMs = 0) {
      if (closed) throw new Error('pty pair is closed');
      await stopSocat();
      if (downMs > 0) await sleep(downMs);
      socat = await startSocat(devicePath, hostPath);
    },
  };
}

async function startSocat(devicePath: string, hostPath: string): Promise<ChildProcess> {
  const child = spawn('socat', [`pty,raw,echo=0,link=${devicePath}`, `pty,raw,echo=0,link=${hostPath}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  live.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.once('exit', () => live.delete(child));
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(existsSync(devicePath) && existsSync(hostPath))) {
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`socat did not create the pty pair: ${stderr.trim() || 'timed out'}`);
    }
    await sleep(5);
  }
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
