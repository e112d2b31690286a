import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { LedSignBus } from '../../../drivers/led-sign/led-sign-bus.js';
import { createOnbonBx5kFramer } from '../../../drivers/led-sign/onbon-bx5k.js';
import { SerialLink } from '../../../drivers/serial/serial-link.js';
import { openPtyPair, type PtyPair } from '../../support/pty-pair.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
let child: ChildProcess | null = null;
let pair: PtyPair | null = null;
let link: SerialLink | null = null;

afterEach(async () => {
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    await exited;
  }
  await link?.stop();
  await pair?.close();
  child = null;
  link = null;
  pair = null;
});

function waitForOutput(proc: ChildProcess, text: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no "${text}" within ${timeoutMs} ms; output: ${seen}`)), timeoutMs);
    proc.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (seen.includes(text)) {
        clearTimeout(timer);
        resolve(seen);
      }
    });
  });
}

describe('LED sign simulator run from the command line', () => {
  it('prints what each address shows, decoding GB2312 from the Onbon frames', async () => {
    pair = await openPtyPair();
    child = spawn(
      process.execPath,
      ['--import', 'tsx', 'drivers/simulators/led-sign-sim.ts', '--port', pair.devicePath, '--framer', 'onbon'],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    await waitForOutput(child, 'led sign simulator (onbon)', 10_000);
    link = new SerialLink({ path: pair.hostPath, baudRate: 9600 });
    const opened = once(link, 'open');
    link.start();
    await opened;
    const bus = new LedSignBus(link, createOnbonBx5kFramer(), { replyTimeoutMs: 1_000 });
    const printed = waitForOutput(child, 'address 3: A012 请到3号窗口', 5_000);
    expect(await bus.show(3, ['A012 请到3号窗口'])).toMatchObject({ ok: true });
    await printed;
    bus.stop();
  });
});
