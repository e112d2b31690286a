import type { Logger } from 'pino';
import { ClipboardSession } from './clipboard.js';
import { assertDisplayReachable, isX11Platform } from './display-check.js';
import { BridgeFailure, bridgeError, type BridgeError } from './errors.js';
import { needsClipboard, parseProfile, planFill, type FillAction } from './fill-plan.js';
import type { FillProfile, FillProfileInput, IdentityField } from './fill-profile.js';
import { formatKeyChord, parseKeyChord } from './key-chord.js';
import { loadNutKeyboard, type KeyboardPort } from './nut-keyboard.js';
import type { ClipboardToolName } from './x-selection-tools.js';

// The typing engine of the desktop bridge: given a visitor's identity and the fill profile of the business
// system on this PC, it enters the identity where the staff member's cursor is. The connection to the hall
// server only calls typist.fill(identity, profile) and forwards the result.

/** Field name -> value, as the hall server sends it (e.g. { idNumber, name, address }). */
export type Identity = Readonly<Record<string, string>>;

export interface FilledField {
  field: IdentityField;
  length: number;
  via: 'type' | 'paste';
}

export type FillResult =
  | { ok: true; profile: string; fields: FilledField[]; clipboardRestored: boolean; elapsedMs: number }
  | { ok: false; error: BridgeError; elapsedMs: number };

export interface TypistOptions {
  log?: Logger;
  clipboardTool?: 'auto' | ClipboardToolName;
  /** Where to look for xclip / xsel; defaults to PATH. */
  clipboardSearchPath?: string;
}

export interface Typist {
  /** Never rejects; fills run one after another because two interleaved fills would mix their key strokes. */
  fill(identity: Identity, profile: FillProfileInput): Promise<FillResult>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createTypist(options: TypistOptions = {}): Typist {
  const log = options.log;
  let queue: Promise<unknown> = Promise.resolve();

  async function perform(identity: Identity, profileInput: FillProfileInput): Promise<FillResult> {
    const startedAt = Date.now();
    const elapsed = () => Date.now() - startedAt;
    let started = false;
    let clipboard: ClipboardSession | undefined;
    let profileName = '(invalid profile)';
    try {
      const profile = parseProfile(profileInput);
      profileName = profile.name;
      const actions = planFill(identity, profile);
      if (isX11Platform()) await assertDisplayReachable(process.env.DISPLAY);
      if (needsClipboard(actions)) {
        clipboard = await ClipboardSession.open({
          selection: profile.selection,
          restorePrevious: profile.restoreClipboard,
          tool: options.clipboardTool,
          searchPath: options.clipboardSearchPath,
        });
      }
      const keyboard = await loadNutKeyboard(profile.keyDelayMs);
      await assertRightWindow(keyboard, profile);
      const fields: FilledField[] = [];
      for (const action of actions) {
        // Counted as started before the action completes: a failure halfway through a field still leaves input.
        if (action.kind !== 'delay') started = true;
        const filled = await runAction(action, keyboard, clipboard, profile);
        if (filled) fields.push(filled);
      }
      const clipboardRestored = clipboard ? await clipboard.close() : true;
      if (!clipboardRestored) log?.warn({ profile: profileName }, 'desktop bridge could not restore the clipboard');
      log?.info(
        { profile: profileName, fields, clipboard: clipboard?.toolName, elapsedMs: elapsed() },
        'identity filled',
      );
      return { ok: true, profile: profileName, fields, clipboardRestored, elapsedMs: elapsed() };
    } catch (caught) {
      await clipboard?.close();
      const failure =
        caught instanceof BridgeFailure ? caught : new BridgeFailure('TYPING_FAILED', undefined, {}, { cause: caught });
      const error = bridgeError(failure, started);
      log?.warn({ profile: profileName, code: error.code, step: error.step, field: error.field, started }, 'fill failed');
      return { ok: false, error, elapsedMs: elapsed() };
    }
  }

  return {
    fill(identity, profile) {
      const result = queue.then(() => perform(identity, profile));
      queue = result;
      return result;
    },
  };
}

async function assertRightWindow(keyboard: KeyboardPort, profile: FillProfile): Promise<void> {
  if (!profile.windowTitleIncludes) return;
  const title = await keyboard.activeWindowTitle().catch(() => '');
  // The title itself is not reported: it may name a visitor's document.
  if (!title.includes(profile.windowTitleIncludes)) throw new BridgeFailure('WRONG_WINDOW', profile.windowTitleIncludes);
}

async function runAction(
  action: FillAction,
  keyboard: KeyboardPort,
  clipboard: ClipboardSession | undefined,
  profile: FillProfile,
): Promise<FilledField | undefined> {
  const where = { step: action.step, field: 'field' in action ? action.field : undefined };
  try {
    switch (action.kind) {
      case 'delay':
        await sleep(action.ms);
        return undefined;
      case 'key':
        for (let i = 0; i < action.repeat; i++) await keyboard.tap(action.chord);
        return undefined;
      case 'type':
        await keyboard.typeText(action.text);
        return { field: action.field, length: [...action.text].length, via: 'type' };
      case 'paste': {
        // The schema has checked the paste key already.
        const pasteKey = parseKeyChord(profile.pasteKey)!;
        await clipboard!.paste(action.text, () => keyboard.tap(pasteKey), profile.pasteTimeoutMs);
        return { field: action.field, length: [...action.text].length, via: 'paste' };
      }
    }
  } catch (caught) {
    if (caught instanceof BridgeFailure) {
      throw caught.where.step === undefined ? new BridgeFailure(caught.code, caught.detail, where, { cause: caught }) : caught;
    }
    const detail = action.kind === 'key' ? formatKeyChord(action.chord) : undefined;
    throw new BridgeFailure('TYPING_FAILED', detail, where, { cause: caught });
  }
}
