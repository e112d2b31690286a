// Keys are named in plain words ("Ctrl+Shift+V") so a fill profile can be written and reviewed by an installer
// without knowing nut.js; the names are mapped to nut.js keys only in nut-keyboard.ts.

export const MODIFIER_NAMES = ['Ctrl', 'Shift', 'Alt', 'Super'] as const;
export type ModifierName = (typeof MODIFIER_NAMES)[number];

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
const DIGITS = '0123456789'.split('');
const FUNCTION_KEYS = Array.from({ length: 12 }, (_, i) => `F${i + 1}`);
const NAMED_KEYS = [
  'Tab', 'Enter', 'Escape', 'Backspace', 'Delete', 'Insert', 'Home', 'End', 'PageUp', 'PageDown',
  'Up', 'Down', 'Left', 'Right', 'Space',
];

export const KEY_NAMES: readonly string[] = [...NAMED_KEYS, ...FUNCTION_KEYS, ...LETTERS, ...DIGITS];

export interface KeyChord {
  modifiers: ModifierName[];
  key: string;
}

function canonical(name: string, among: readonly string[]): string | undefined {
  const lower = name.trim().toLowerCase();
  return among.find((candidate) => candidate.toLowerCase() === lower);
}

/** Parses "Ctrl+Shift+V", "shift+insert" or "Tab"; returns undefined when any part is not a known name. */
export function parseKeyChord(text: string): KeyChord | undefined {
  const parts = text.split('+');
  const keyPart = parts.pop();
  if (keyPart === undefined) return undefined;
  const key = canonical(keyPart, KEY_NAMES);
  if (!key) return undefined;
  const modifiers: ModifierName[] = [];
  for (const part of parts) {
    const modifier = canonical(part, MODIFIER_NAMES) as ModifierName | undefined;
    if (!modifier || modifiers.includes(modifier)) return undefined;
    modifiers.push(modifier);
  }
  return { modifiers, key };
}

export function formatKeyChord(chord: KeyChord): string {
  return [...chord.modifiers, chord.key].join('+');
}
