import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

// A private X display with one xterm whose shell appends every line it receives to a file: the file is the
// record of exactly what the keyboard and the clipboard delivered to a real X application.

const run = promisify(execFile);
export const XTERM_TITLE = 'hall-bridge-test-terminal';

export interface XtermHarness {
  display: string;
  env: NodeJS.ProcessEnv;
  /** Waits until `count` lines arrived after those already taken, and returns them. */
  takeLines(count: number, timeoutMs?: number): Promise<string[]>;
  readSelection(selection: 'clipboard' | 'primary'): Promise<string>;
  setSelection(selection: 'clipboard' | 'primary', text: string): Promise<void>;
  close(): Promise<void>;
}

function startXvfb(): Promise<{ xvfb: ChildProcess; display: string }> {
  // -displayfd lets the server pick a free display number and tells us once it accepts connections.
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => fail(new Error('Xvfb did not report a display in time')), 10_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      xvfb.kill('SIGKILL');
      reject(error);
    };
    xvfb.once('error', fail);
    xvfb.once('exit', (code) => fail(new Error(`Xvfb exited with ${code}`)));
    xvfb.stdio[3]!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (!text.includes('\n')) return;
      clearTimeout(timer);
      xvfb.removeAllListeners('exit');
      resolve({ xvfb, display: `:${text.trim()}` });
    });
  });
}

function killGroup(child: ChildProcess | undefined): Promise<void> {
  if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 2000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  });
}

/** Focus fails with BadMatch until the window is mapped, which may come a moment after it is found. */
async function focusXterm(env: NodeJS.ProcessEnv): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const found = await run('xdotool', ['search', '--sync', '--onlyvisible', '--class', 'xterm'], { env, timeout: 10_000 });
      await run('xdotool', ['windowfocus', '--sync', found.stdout.trim().split('\n')[0]], { env, timeout: 5000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

export async function startXterm(): Promise<XtermHarness> {
  const dir = await mkdtemp(join(tmpdir(), 'desktop-bridge-'));
  const outFile = join(dir, 'received.txt');
  let xvfb: ChildProcess | undefined;
  let xterm: ChildProcess | undefined;
  const close = async () => {
    await killGroup(xterm);
    await killGroup(xvfb);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const started = await startXvfb();
    xvfb = started.xvfb;
    const env = { ...process.env, DISPLAY: started.display, LC_ALL: 'C.UTF-8', OUT: outFile };
    const script = 'while IFS= read -r line; do printf "%s\\n" "$line" >> "$OUT"; done';
    xterm = spawn(
      'xterm',
      // Stock xterm pastes PRIMARY with Shift+Insert; Ctrl+Shift+V is added for CLIPBOARD, as terminals usually do.
      [
        '-title', XTERM_TITLE,
        '-xrm', 'XTerm*VT100.translations: #override Ctrl Shift <Key>V: insert-selection(CLIPBOARD)',
        '-e', 'bash', '-c', script,
      ],
      { env, stdio: 'ignore', detached: true },
    );
    await focusXterm(env);

    const readSelection = async (selection: 'clipboard' | 'primary') => {
      const result = await run('xclip', ['-o', '-selection', selection], { env, timeout: 2000 }).catch(() => ({ stdout: '' }));
      return result.stdout;
    };
    let taken = 0;
    const allLines = async () => {
      const text = await readFile(outFile, 'utf8').catch(() => '');
      return text.split('\n').slice(0, -1);
    };
    return {
      display: started.display,
      env,
      async takeLines(count, timeoutMs = 5000) {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const lines = await allLines();
          if (lines.length >= taken + count) {
            const result = lines.slice(taken, taken + count);
            taken += count;
            return result;
          }
          if (Date.now() > deadline) throw new Error(`expected ${count} lines, got ${JSON.stringify(lines.slice(taken))}`);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
      },
      readSelection,
      async setSelection(selection, text) {
        await new Promise<void>((resolve, reject) => {
          const child = spawn('xclip', ['-selection', selection, '-i'], { env, stdio: ['pipe', 'ignore', 'ignore'] });
          child.once('error', reject);
          child.once('exit', () => resolve());
          child.stdin.end(text);
        });
        // xclip's background fork claims the selection a moment after the command returns.
        const deadline = Date.now() + 2000;
        while ((await readSelection(selection)) !== text) {
          if (Date.now() > deadline) throw new Error('xclip did not take the selection');
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
