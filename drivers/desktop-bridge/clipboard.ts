import { isX11Platform } from './display-check.js';
import { BridgeFailure } from './errors.js';
import type { SelectionName } from './fill-profile.js';
import { holdSelection, type TakenOutcome } from './selection-holder.js';
import {
  findClipboardTool,
  readSelectionText,
  writeSelectionDetached,
  type ClipboardTool,
  type ClipboardToolName,
} from './x-selection-tools.js';

// One session spans one fill: it remembers what the staff member had on the clipboard, pastes each identity
// field through a short-lived owner (so the field is gone from the clipboard as soon as it is pasted), and puts
// the staff member's text back at the end.

export interface ClipboardSessionOptions {
  selection: SelectionName;
  restorePrevious: boolean;
  tool?: 'auto' | ClipboardToolName;
  /** Where to look for xclip / xsel; defaults to PATH. */
  searchPath?: string;
  platform?: NodeJS.Platform;
}

export class ClipboardSession {
  private constructor(
    private readonly tool: ClipboardTool,
    private readonly selection: SelectionName,
    private previous: string | undefined,
  ) {}

  /** Fails early (tool missing, platform without X11 selections) so nothing is typed before a paste would fail. */
  static async open(options: ClipboardSessionOptions): Promise<ClipboardSession> {
    const platform = options.platform ?? process.platform;
    if (!isX11Platform(platform)) {
      // Windows (clip.exe / Set-Clipboard) and macOS (pbcopy) are not done yet: they could not be tested here.
      throw new BridgeFailure('CLIPBOARD_UNSUPPORTED_PLATFORM', platform);
    }
    const tool = await findClipboardTool(options.tool ?? 'auto', options.searchPath);
    const previous = options.restorePrevious ? await readSelectionText(tool, options.selection) : undefined;
    return new ClipboardSession(tool, options.selection, previous);
  }

  get toolName(): ClipboardToolName {
    return this.tool.name;
  }

  /**
   * Offers `text` on the selection, calls `pressPasteKey`, and lets go of the text once the application has
   * fetched it. Throws PASTE_NOT_TAKEN when nothing fetched it in time (wrong paste key, focus elsewhere).
   */
  async paste(text: string, pressPasteKey: () => Promise<void>, timeoutMs: number): Promise<TakenOutcome> {
    const holder = await holdSelection(this.tool, this.selection, text);
    try {
      await pressPasteKey();
      const outcome = await holder.waitUntilTaken(timeoutMs);
      if (outcome === 'timeout') throw new BridgeFailure('PASTE_NOT_TAKEN', `${timeoutMs} ms`);
      return outcome;
    } finally {
      await holder.release();
    }
  }

  /** Restores the text that was on the selection before the fill; returns false if that failed. */
  async close(): Promise<boolean> {
    const previous = this.previous;
    this.previous = undefined;
    if (previous === undefined) return true;
    try {
      await writeSelectionDetached(this.tool, this.selection, previous);
      return true;
    } catch {
      return false;
    }
  }
}
