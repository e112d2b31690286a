import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';

/**
 * A serial cable without hardware: two linked pseudo-terminals made by socat. The driver (or the hall server)
 * opens `hostPath`; the simulator opens `devicePath`.
 */
export interface SocatPair {
  hostPath: string;
  devicePath: string;
  close(): Promise<void>;
}

const START_TIMEOUT_MS = 3_000;

/** Every socat started here and still running; killed when the process exits, even on a crash. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export function socatAvailable(): boolean {
  const probe = spawnSync('socat', ['-V'], { stdio: 'ignore' });
  return probe.status === 0;
}

export async function openSocatPair(hostPath: string, devicePath: string): Promise<SocatPair> {
  await Promise.all([rm(hostPath, { force: true }), rm(devicePath, { force: true })]);
  // socat runs under a shell that kills it when our end of its stdin closes: on close(), and also when this
  // process dies without running any exit handler (SIGKILL), so a crashed hall never leaves socat behind.
  const script = 'socat "$0" "$1" </dev/null & read _; kill $! 2>/dev/null; wait';
  const child = spawn('sh', ['-c', script, `pty,raw,echo=0,link=${devicePath}`, `pty,raw,echo=0,link=${hostPath}`], { stdio: ['pipe', 'ignore', 'pipe'] });
  live.add(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => { live.delete(child); resolve(); }));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.stdin?.end();
      const hard = setTimeout(() => child.kill('SIGKILL'), 2_000);
      await exited;
      clearTimeout(hard);
    }
    await Promise.all([rm(hostPath, { force: true }), rm(devicePath, { force: true })]);
  };
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (!(existsSync(hostPath) && existsSync(devicePath))) {
    if (child.exitCode !== null || / E /.test(stderr) || Date.now() > deadline) {
      await close();
      throw new Error(`socat could not make a pty pair: ${stderr.trim() || 'timed out'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return { hostPath, devicePath, close };
}
