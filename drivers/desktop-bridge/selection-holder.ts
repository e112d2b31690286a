import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { BridgeFailure } from './errors.js';
import type { SelectionName } from './fill-profile.js';
import { delay, readSelectionText, stopChild, type ClipboardTool } from './x-selection-tools.js';

// Owns an X selection for exactly one paste. When the owner process ends, X clears the selection, so killing the
// holder is what keeps an identity from lingering on the clipboard.

export type TakenOutcome = 'taken' | 'timeout' | 'assumed';

export interface SelectionHolder {
  /** 'taken' once the application fetched the text; 'assumed' when the tool cannot tell (xsel) and time passed. */
  waitUntilTaken(timeoutMs: number): Promise<TakenOutcome>;
  release(): Promise<void>;
}

/** xsel does not report transfers; this is how long an application gets to fetch the text before we let go. */
const XSEL_SETTLE_MS = 300;
/** xclip prints its "waiting" line just before it flushes the ownership request to the X server. */
const OWNERSHIP_FLUSH_MS = 10;

const REQUEST_LINE = /Waiting for selection request number (\d+)/g;

function failure(tool: ClipboardTool, detail: string, cause?: unknown): BridgeFailure {
  return new BridgeFailure('CLIPBOARD_FAILED', `${tool.name}: ${detail}`, {}, { cause });
}

async function holdWithXclip(tool: ClipboardTool, selection: SelectionName, text: string, ownTimeoutMs: number) {
  const child = spawn(tool.path, ['-selection', selection, '-i', '-quiet', '-verbose'], { stdio: 'pipe' });
  // "number N" is printed while waiting for request N, so N - 1 requests have been answered.
  let highest = 0;
  const listeners = new Set<() => void>();
  let diagnostics = '';
  const onOutput = (chunk: Buffer) => {
    const textChunk = chunk.toString('utf8');
    diagnostics = (diagnostics + textChunk).slice(-300);
    for (const match of textChunk.matchAll(REQUEST_LINE)) highest = Math.max(highest, Number(match[1]));
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);

  const until = (condition: () => boolean, timeoutMs: number) =>
    new Promise<boolean>((resolve) => {
      const check = () => {
        if (condition()) finish(true);
        else if (child.exitCode !== null || child.signalCode !== null) finish(false);
      };
      const finish = (result: boolean) => {
        clearTimeout(timer);
        listeners.delete(check);
        child.off('exit', check);
        resolve(result);
      };
      const timer = setTimeout(() => finish(condition()), timeoutMs);
      listeners.add(check);
      child.once('exit', check);
      check();
    });

  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
  // A tool that dies at once closes its stdin; that shows up as the exit below, not as a stream error.
  child.stdin.on('error', () => {});
  child.stdin.end(text);
  const owned = await Promise.race([until(() => highest >= 1, ownTimeoutMs), spawnError]);
  if (owned !== true) {
    await stopChild(child);
    throw failure(tool, owned instanceof Error ? owned.message : diagnostics.trim() || 'did not take the selection', owned);
  }
  await delay(OWNERSHIP_FLUSH_MS);
  return {
    waitUntilTaken: async (timeoutMs: number) => ((await until(() => highest >= 2, timeoutMs)) ? 'taken' : 'timeout'),
    release: () => stopChild(child),
  } satisfies SelectionHolder;
}

async function holdWithXsel(tool: ClipboardTool, selection: SelectionName, text: string, ownTimeoutMs: number) {
  const child: ChildProcessWithoutNullStreams = spawn(tool.path, [`--${selection}`, '--input', '--nodetach'], {
    stdio: 'pipe',
  });
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  child.stdin.on('error', () => {});
  child.stdin.end(text);
  // xsel says nothing when it owns the selection, so read it back until our text is there.
  const deadline = Date.now() + ownTimeoutMs;
  for (;;) {
    if (spawnError || child.exitCode !== null) {
      throw failure(tool, spawnError?.message ?? `exited with ${child.exitCode}`, spawnError);
    }
    if ((await readSelectionText(tool, selection)) === text) break;
    if (Date.now() > deadline) {
      await stopChild(child);
      throw failure(tool, 'did not take the selection');
    }
    await delay(20);
  }
  return {
    waitUntilTaken: async (timeoutMs: number) => {
      await delay(Math.min(timeoutMs, XSEL_SETTLE_MS));
      return 'assumed';
    },
    release: () => stopChild(child),
  } satisfies SelectionHolder;
}

export function holdSelection(
  tool: ClipboardTool,
  selection: SelectionName,
  text: string,
  ownTimeoutMs = 2000,
): Promise<SelectionHolder> {
  return tool.name === 'xclip'
    ? holdWithXclip(tool, selection, text, ownTimeoutMs)
    : holdWithXsel(tool, selection, text, ownTimeoutMs);
}
