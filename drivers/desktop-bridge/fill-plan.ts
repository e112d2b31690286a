import { BridgeFailure } from './errors.js';
import { FillProfile, type FillProfileInput, type IdentityField } from './fill-profile.js';
import { parseKeyChord, type KeyChord } from './key-chord.js';

// Everything that can be decided without a display is decided here, before the first key stroke, so a bad
// profile or a missing field never leaves a business form half filled.

/** The characters key strokes deliver exactly on any keymap; shifted punctuation and Chinese do not. */
const TYPEABLE = /^[A-Za-z0-9 ]*$/;

export type FillAction =
  | { kind: 'type'; step: number; field: IdentityField; text: string }
  | { kind: 'paste'; step: number; field: IdentityField; text: string }
  | { kind: 'key'; step: number; chord: KeyChord; repeat: number }
  | { kind: 'delay'; step: number; ms: number };

export function isTypeable(text: string): boolean {
  return TYPEABLE.test(text);
}

export function parseProfile(input: FillProfileInput | unknown): FillProfile {
  const parsed = FillProfile.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.join('.') || '(root)';
  throw new BridgeFailure('PROFILE_INVALID', `${path}: ${issue?.message ?? 'invalid'}`);
}

export function planFill(identity: Readonly<Record<string, string>>, profile: FillProfile): FillAction[] {
  const actions: FillAction[] = [];
  profile.steps.forEach((step, index) => {
    if ('delayMs' in step) {
      actions.push({ kind: 'delay', step: index, ms: step.delayMs });
      return;
    }
    if ('key' in step) {
      // The schema has checked the chord already; parsing again gives the structured form.
      actions.push({ kind: 'key', step: index, chord: parseKeyChord(step.key)!, repeat: step.repeat });
      return;
    }
    const text = Object.hasOwn(identity, step.field) ? identity[step.field] : undefined;
    if (typeof text !== 'string') {
      if (step.optional) return;
      throw new BridgeFailure('FIELD_MISSING', step.field, { step: index, field: step.field });
    }
    // An empty value (a card without that line) leaves the input empty rather than pasting nothing.
    if (text === '') return;
    const typeable = isTypeable(text);
    if (step.mode === 'type' && !typeable) {
      throw new BridgeFailure('NOT_TYPEABLE', step.field, { step: index, field: step.field });
    }
    const kind = step.mode === 'paste' || !typeable ? 'paste' : 'type';
    actions.push({ kind, step: index, field: step.field, text });
  });
  return actions;
}

export function needsClipboard(actions: readonly FillAction[]): boolean {
  return actions.some((action) => action.kind === 'paste');
}
