import { describe, expect, it } from 'vitest';
import { parseDisplay } from '../../../drivers/desktop-bridge/display-check.js';
import { BridgeFailure, bridgeError } from '../../../drivers/desktop-bridge/errors.js';
import { parseProfile, planFill } from '../../../drivers/desktop-bridge/fill-plan.js';
import type { FillProfileInput } from '../../../drivers/desktop-bridge/fill-profile.js';
import { parseKeyChord } from '../../../drivers/desktop-bridge/key-chord.js';

const identity = {
  idNumber: '11010519491231002X',
  name: '张三',
  address: '北京市朝阳区建国路88号',
  ticketNumber: 'A012',
};

function failureOf(run: () => unknown): BridgeFailure {
  try {
    run();
  } catch (error) {
    if (error instanceof BridgeFailure) return error;
    throw error;
  }
  throw new Error('expected a BridgeFailure');
}

const plan = (profile: FillProfileInput, values: Record<string, string> = identity) =>
  planFill(values, parseProfile(profile));

describe('key chords', () => {
  it('reads modifiers and a key in any letter case', () => {
    expect(parseKeyChord('Ctrl+Shift+V')).toEqual({ modifiers: ['Ctrl', 'Shift'], key: 'V' });
    expect(parseKeyChord('shift+insert')).toEqual({ modifiers: ['Shift'], key: 'Insert' });
    expect(parseKeyChord('5')).toEqual({ modifiers: [], key: '5' });
  });

  it('rejects unknown names, repeated modifiers and a missing key', () => {
    for (const text of ['Hyper+V', 'Ctrl+Ctrl+V', 'Ctrl+', '', 'Ctrl+Ü', 'V+Ctrl']) expect(parseKeyChord(text)).toBeUndefined();
  });
});

describe('fill profile', () => {
  it('fills in defaults suited to most business systems', () => {
    const profile = parseProfile({ name: '社保', steps: [{ field: 'name' }] });
    expect(profile).toMatchObject({
      pasteKey: 'Ctrl+V',
      selection: 'clipboard',
      keyDelayMs: 5,
      pasteTimeoutMs: 2000,
      restoreClipboard: true,
      steps: [{ field: 'name', mode: 'auto', optional: false }],
    });
  });

  it('rejects an unknown field, an unknown key and a misspelt option with PROFILE_INVALID naming the place', () => {
    const unknownField = failureOf(() => parseProfile({ name: 'x', steps: [{ field: 'email' }] }));
    expect(unknownField.code).toBe('PROFILE_INVALID');
    expect(unknownField.detail).toContain('steps.0');
    expect(failureOf(() => parseProfile({ name: 'x', steps: [{ key: 'Ctrl+Ü' }] })).code).toBe('PROFILE_INVALID');
    const badPasteKey = failureOf(() => parseProfile({ name: 'x', pasteKey: 'Cmd+V', steps: [{ key: 'Tab' }] }));
    expect(badPasteKey.detail).toContain('pasteKey');
    expect(failureOf(() => parseProfile({ name: 'x', steps: [{ field: 'name', mod: 'paste' }] })).code).toBe('PROFILE_INVALID');
    expect(failureOf(() => parseProfile({ name: 'x', steps: [] })).code).toBe('PROFILE_INVALID');
  });
});

describe('fill plan', () => {
  it('types plain letters and digits and pastes Chinese or punctuation in auto mode', () => {
    const actions = plan({
      name: 'x',
      steps: [{ field: 'idNumber' }, { key: 'Tab', repeat: 2 }, { field: 'name' }, { delayMs: 50 }, { field: 'phone' }],
    }, { ...identity, phone: '+86 138-0000' });
    expect(actions).toEqual([
      { kind: 'type', step: 0, field: 'idNumber', text: '11010519491231002X' },
      { kind: 'key', step: 1, chord: { modifiers: [], key: 'Tab' }, repeat: 2 },
      { kind: 'paste', step: 2, field: 'name', text: '张三' },
      { kind: 'delay', step: 3, ms: 50 },
      { kind: 'paste', step: 4, field: 'phone', text: '+86 138-0000' },
    ]);
  });

  it('pastes even plain digits when the step asks for paste mode', () => {
    expect(plan({ name: 'x', steps: [{ field: 'ticketNumber', mode: 'paste' }] })[0].kind).toBe('paste');
  });

  it('refuses type mode for text that key strokes would garble, before anything is typed', () => {
    const failure = failureOf(() => plan({ name: 'x', steps: [{ field: 'idNumber' }, { field: 'address', mode: 'type' }] }));
    expect(failure).toMatchObject({ code: 'NOT_TYPEABLE', where: { step: 1, field: 'address' } });
  });

  it('fails on a missing field unless the step is optional, and skips empty values', () => {
    const failure = failureOf(() => plan({ name: 'x', steps: [{ field: 'nation' }] }));
    expect(failure).toMatchObject({ code: 'FIELD_MISSING', where: { step: 0, field: 'nation' } });
    expect(plan({ name: 'x', steps: [{ field: 'nation', optional: true }, { key: 'Enter' }] })).toHaveLength(1);
    expect(plan({ name: 'x', steps: [{ field: 'address' }] }, { address: '' })).toEqual([]);
  });

  it('does not take fields from the object prototype', () => {
    const failure = failureOf(() => plan({ name: 'x', steps: [{ field: 'name' }] }, Object.create({ name: 'inherited' })));
    expect(failure.code).toBe('FIELD_MISSING');
  });
});

describe('errors and displays', () => {
  it('describes a failure in both languages with the field name and without the value', () => {
    const error = bridgeError(new BridgeFailure('NOT_TYPEABLE', 'address', { step: 1, field: 'address' }), false);
    expect(error).toMatchObject({ code: 'NOT_TYPEABLE', step: 1, field: 'address', started: false });
    expect(error.zh).toContain('粘贴');
    expect(error.en).toContain('address');
  });

  it('reads local, numbered-screen and forwarded X display names', () => {
    expect(parseDisplay(':0')).toEqual({ kind: 'unix', number: 0 });
    expect(parseDisplay(':1.0')).toEqual({ kind: 'unix', number: 1 });
    expect(parseDisplay('unix:2')).toEqual({ kind: 'unix', number: 2 });
    expect(parseDisplay('localhost:10.0')).toEqual({ kind: 'tcp', host: 'localhost', port: 6010 });
    expect(parseDisplay(undefined)).toBeUndefined();
    expect(parseDisplay('wayland-0')).toBeUndefined();
  });
});
