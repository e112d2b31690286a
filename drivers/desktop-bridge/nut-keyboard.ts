import { BridgeFailure } from './errors.js';
import type { KeyChord, ModifierName } from './key-chord.js';

// The only file that talks to nut.js. It is loaded on the first fill, not at start, so a bridge whose native
// library is broken still starts, connects and reports KEYBOARD_UNAVAILABLE to the hall instead of crashing.
// Never turn on nut.js logging (useConsoleLogger): it logs every typed string, which would be the identity.

export interface KeyboardPort {
  /** Types characters one by one; callers only pass [A-Za-z0-9 ], which arrive exactly on any keymap. */
  typeText(text: string): Promise<void>;
  tap(chord: KeyChord): Promise<void>;
  activeWindowTitle(): Promise<string>;
}

type Nut = typeof import('@nut-tree-fork/nut-js');

const MODIFIER_KEYS: Record<ModifierName, keyof Nut['Key']> = {
  Ctrl: 'LeftControl',
  Shift: 'LeftShift',
  Alt: 'LeftAlt',
  Super: 'LeftSuper',
};

function nutKey(nut: Nut, name: string): Nut['Key'][keyof Nut['Key']] {
  // Key names in key-chord.ts match nut's enum except digits, which nut calls Num0..Num9.
  const enumName = /^[0-9]$/.test(name) ? `Num${name}` : name;
  const key = nut.Key[enumName as keyof Nut['Key']];
  if (key === undefined) throw new BridgeFailure('TYPING_FAILED', `no key ${name}`);
  return key;
}

export async function loadNutKeyboard(keyDelayMs: number): Promise<KeyboardPort> {
  let nut: Nut;
  try {
    nut = await import('@nut-tree-fork/nut-js');
  } catch (error) {
    throw new BridgeFailure('KEYBOARD_UNAVAILABLE', error instanceof Error ? error.message : undefined, {}, { cause: error });
  }
  nut.keyboard.config.autoDelayMs = keyDelayMs;
  return {
    async typeText(text) {
      await nut.keyboard.type(text);
    },
    async tap(chord) {
      const keys = [...chord.modifiers.map((modifier) => nut.Key[MODIFIER_KEYS[modifier]]), nutKey(nut, chord.key)];
      await nut.keyboard.type(...keys);
    },
    async activeWindowTitle() {
      const window = await nut.getActiveWindow();
      return window.title;
    },
  };
}
