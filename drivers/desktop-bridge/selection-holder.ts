import { spawn, type ChildProcess } from 'node:child_process';
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

const REQUEST_LINE = /Waiting for selection request number (\d+)/g;

function failure(tool: ClipboardTool, detail: string, cause?: unknown): BridgeFailure {
  return new BridgeFailure('CLIPBOARD_FAILED', `${tool.name}: ${detail}`, {}, { cause });
}

/**
 * Reads the selection back until it holds our text. Neither tool says when the X server has made it the owner
 * (xclip prints its "waiting" line before its request is even sent), and a paste key pressed before that moment
 * pastes whatever was there before, or nothing. Used for xsel; xclip's variant also checks who answered.
 */
async function confirmOwnership(
  tool: ClipboardTool,
  selection: SelectionName,
  text: string,
  child: ChildProcess,
  ownTimeoutMs: number,
) {
  const deadline = Date.now() + ownTimeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw failure(tool, `exited with ${child.exitCode ?? child.signalCode}`);
    }
    if ((await readSelectionText(tool, selection)) === text) return;
    if (Date.now() > deadline) throw failure(tool, 'did not take the selection');
    await delay(10);
  }
}

/**
 * Both tools answer a request into Xlib's output buffer and send it when they next wait for an event, so killing
 * one right after it answered can drop the answer: the application then pastes nothing. One more request that
 * comes back answered proves the earlier answer has left, since Xlib sends its buffer in order.
 */
async function releaseAfterFlush(tool: ClipboardTool, selection: SelectionName, child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) await readSelectionText(tool, selection);
  await stopChild(child);
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
  // The read-back proves ownership only if our xclip answered it (its count goes up): a previous owner holding
  // the same text would answer too.
  const deadline = Date.now() + ownTimeoutMs;
  for (;;) {
    const answered = highest;
    if ((await readSelectionText(tool, selection)) === text && (await until(() => highest > answered, 200))) break;
    if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
      await stopChild(child);
      throw failure(tool, diagnostics.trim() || 'did not take the selection');
    }
    await delay(10);
  }
  const answeredBeforePaste = highest;
  return {
    waitUntilTaken: async (timeoutMs: number) =>
      (await until(() => highest > answeredBeforePaste, timeoutMs)) ? 'taken' : 'timeout',
    release: () => releaseAfterFlush(tool, selection, child),
  } satisfies SelectionHolder;
}

async function holdWithXsel(tool: ClipboardTool, selection: SelectionName, text: string, ownTimeoutMs: number) {
  const child = spawn(tool.path, [`--${selection}`, '--input', '--nodetach'], {
    stdio: 'pipe',
  });
  child.once('error', () => {}); // a failed start shows as an exit in confirmOwnership
  child.stdin.on('error', () => {});
  child.stdin.end(text);
  try {
    await confirmOwnership(tool, selection, text, child, ownTimeoutMs);
  } catch (error) {
    await stopChild(child);
    throw error;
  }
  return {
    waitUntilTaken: async (timeoutMs: number) => {
      await delay(Math.min(timeoutMs, XSEL_SETTLE_MS));
      return 'assumed';
    },
    release: () => releaseAfterFlush(tool, selection, child),
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
