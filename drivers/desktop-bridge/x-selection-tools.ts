import { spawn, type ChildProcess } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { delimiter, join } from 'node:path';
import { BridgeFailure } from './errors.js';
import type { SelectionName } from './fill-profile.js';

// X11 selections are not stored anywhere: a process must own the selection and hand the text to each application
// that asks. xclip and xsel do that as child processes we control, so we know when to let go of the text.

export const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export type ClipboardToolName = 'xclip' | 'xsel';
export interface ClipboardTool {
  name: ClipboardToolName;
  path: string;
}

async function findExecutable(name: string, searchPath: string): Promise<string | undefined> {
  for (const dir of searchPath.split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    try {
      await access(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this directory
    }
  }
  return undefined;
}

/** xclip first: it reports each completed transfer, so the bridge knows when the application has the text. */
export async function findClipboardTool(
  preference: 'auto' | ClipboardToolName,
  searchPath = process.env.PATH ?? '',
): Promise<ClipboardTool> {
  const names: ClipboardToolName[] = preference === 'auto' ? ['xclip', 'xsel'] : [preference];
  for (const name of names) {
    const path = await findExecutable(name, searchPath);
    if (path) return { name, path };
  }
  throw new BridgeFailure('CLIPBOARD_TOOL_MISSING', names.join(' / '));
}

function selectionArgs(tool: ClipboardTool, selection: SelectionName): string[] {
  return tool.name === 'xclip' ? ['-selection', selection] : [`--${selection}`];
}

/** The selection's text, or undefined when it is empty, not text, or its owner does not answer in time. */
export function readSelectionText(tool: ClipboardTool, selection: SelectionName, timeoutMs = 500): Promise<string | undefined> {
  const args = [...selectionArgs(tool, selection), tool.name === 'xclip' ? '-o' : '--output'];
  return new Promise((resolve) => {
    const child = spawn(tool.path, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.once('error', () => resolve(undefined));
    child.once('close', (code) => {
      clearTimeout(timer);
      const text = Buffer.concat(chunks).toString('utf8');
      resolve(code === 0 && text !== '' ? text : undefined);
    });
  });
}

/** Hands the selection to a background owner that outlives us, the way a user's own copy would behave. */
export async function writeSelectionDetached(tool: ClipboardTool, selection: SelectionName, text: string): Promise<void> {
  const args = [...selectionArgs(tool, selection), tool.name === 'xclip' ? '-i' : '--input'];
  await new Promise<void>((resolve, reject) => {
    // Both tools fork and the parent exits once the text is read; the fork must not hold our pipes open.
    const child = spawn(tool.path, args, { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
    child.once('error', (error) => reject(new BridgeFailure('CLIPBOARD_FAILED', tool.name, {}, { cause: error })));
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new BridgeFailure('CLIPBOARD_FAILED', `${tool.name} exited with ${code}`)),
    );
    child.unref();
    child.stdin.on('error', () => {});
    child.stdin.end(text);
  });
  // The fork may claim the selection only after its parent has exited: wait until the text is really there.
  const deadline = Date.now() + 1000;
  while ((await readSelectionText(tool, selection)) !== text) {
    if (Date.now() > deadline) throw new BridgeFailure('CLIPBOARD_FAILED', `${tool.name} did not take the selection`);
    await delay(20);
  }
}

export function stopChild(child: ChildProcess, graceMs = 1000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

