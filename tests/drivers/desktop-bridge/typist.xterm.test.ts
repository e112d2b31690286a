import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FillProfileInput } from '../../../drivers/desktop-bridge/fill-profile.js';
import { createTypist } from '../../../drivers/desktop-bridge/typist.js';
import { startXterm, XTERM_TITLE, type XtermHarness } from './xterm-harness.js';

const identity = {
  idNumber: '11010519491231002X',
  name: '张三',
  address: '北京市朝阳区建国路88号3单元',
  gender: '男',
};

const firstThree = ['11010519491231002X', '张三', '北京市朝阳区建国路88号3单元'];

const threeLines: FillProfileInput['steps'] = [
  { field: 'idNumber' },
  { key: 'Enter' },
  { field: 'name' },
  { key: 'Enter' },
  { field: 'address' },
  { key: 'Enter' },
];

/** Stock xterm: Shift+Insert pastes the PRIMARY selection. */
const stockXterm: FillProfileInput = {
  name: 'terminal',
  selection: 'primary',
  pasteKey: 'Shift+Insert',
  windowTitleIncludes: XTERM_TITLE,
  steps: threeLines,
};

describe('typist in a real X application', () => {
  let xterm: XtermHarness;
  const savedDisplay = process.env.DISPLAY;

  beforeAll(async () => {
    xterm = await startXterm();
    // nut.js connects to the display named here on its first key stroke.
    process.env.DISPLAY = xterm.display;
  });

  afterAll(async () => {
    if (savedDisplay === undefined) delete process.env.DISPLAY;
    else process.env.DISPLAY = savedDisplay;
    await xterm?.close();
  });

  /** Proves the terminal line is clean: nothing from a failed fill arrived before it. */
  async function expectCleanLine() {
    const marker = { name: 'marker', steps: [{ field: 'ticketNumber' as const }, { key: 'Enter' }] };
    const result = await createTypist().fill({ ticketNumber: 'A012' }, marker);
    expect(result.ok).toBe(true);
    expect(await xterm.takeLines(1)).toEqual(['A012']);
  }

  it('types the ID number and pastes Chinese name and address so each arrives exactly', async () => {
    const result = await createTypist().fill(identity, stockXterm);

    expect(await xterm.takeLines(3)).toEqual(firstThree);
    expect(result).toMatchObject({
      ok: true,
      fields: [
        { field: 'idNumber', length: 18, via: 'type' },
        { field: 'name', length: 2, via: 'paste' },
        { field: 'address', length: 15, via: 'paste' },
      ],
    });
    expect(await xterm.readSelection('primary')).toBe('');
    expect(result.elapsedMs).toBeLessThan(3000);
  });

  it('pastes through CLIPBOARD with Ctrl+Shift+V and puts the text copied before back afterwards', async () => {
    await xterm.setSelection('clipboard', 'copied by staff');
    const profile: FillProfileInput = { ...stockXterm, selection: 'clipboard', pasteKey: 'Ctrl+Shift+V' };

    const result = await createTypist().fill(identity, profile);

    expect(result).toMatchObject({ ok: true, clipboardRestored: true });
    expect(await xterm.takeLines(3)).toEqual(firstThree);
    expect(await xterm.readSelection('clipboard')).toBe('copied by staff');
  });

  it('works with xsel when xclip is not the chosen tool', async () => {
    const result = await createTypist({ clipboardTool: 'xsel' }).fill(identity, stockXterm);

    expect(result.ok).toBe(true);
    expect(await xterm.takeLines(3)).toEqual(firstThree);
    expect(await xterm.readSelection('primary')).toBe('');
  });

  it('runs fills asked for at the same time one after the other, so their key strokes never mix', async () => {
    const typist = createTypist();
    const other = { idNumber: '440305199001011234', name: '李四', address: '深圳市南山区科技园1栋' };

    const results = await Promise.all([typist.fill(identity, stockXterm), typist.fill(other, stockXterm)]);

    expect(results.map((result) => result.ok)).toEqual([true, true]);
    expect(await xterm.takeLines(6)).toEqual([...firstThree, ...Object.values(other)]);
  });

  it('reports PASTE_NOT_TAKEN when the paste key reads another selection, and leaves no identity on the clipboard', async () => {
    const profile: FillProfileInput = {
      name: 'wrong selection',
      selection: 'clipboard',
      pasteKey: 'Shift+Insert',
      pasteTimeoutMs: 300,
      restoreClipboard: false,
      steps: [{ field: 'name' }],
    };

    const result = await createTypist().fill(identity, profile);

    expect(result).toMatchObject({ ok: false, error: { code: 'PASTE_NOT_TAKEN', step: 0, field: 'name', started: true } });
    expect(await xterm.readSelection('clipboard')).toBe('');
    await expectCleanLine();
  });

  it('refuses to type into a window whose title does not match the profile', async () => {
    const result = await createTypist().fill(identity, { ...stockXterm, windowTitleIncludes: '社保业务系统' });

    expect(result).toMatchObject({ ok: false, error: { code: 'WRONG_WINDOW', started: false } });
    await expectCleanLine();
  });

  it('fails with CLIPBOARD_TOOL_MISSING before typing anything when neither xclip nor xsel is found', async () => {
    const emptyDir = await mkdtemp(join(tmpdir(), 'no-tools-'));
    try {
      const result = await createTypist({ clipboardSearchPath: emptyDir }).fill(identity, stockXterm);
      expect(result).toMatchObject({ ok: false, error: { code: 'CLIPBOARD_TOOL_MISSING', started: false } });
      expect(result.ok || result.error.zh).toContain('xclip');
    } finally {
      await rm(emptyDir, { recursive: true, force: true });
    }
    await expectCleanLine();
  });

  it('reports NO_DISPLAY instead of crashing when the X server is gone', async () => {
    process.env.DISPLAY = ':4077';
    try {
      const result = await createTypist().fill(identity, stockXterm);
      expect(result).toMatchObject({ ok: false, error: { code: 'NO_DISPLAY', started: false } });
    } finally {
      process.env.DISPLAY = xterm.display;
    }
  });

  it('logs field names and lengths but never the identity', async () => {
    const logged: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        logged.push(String(chunk));
        done();
      },
    });
    const typist = createTypist({ log: pino({ level: 'trace' }, sink) });

    await typist.fill(identity, stockXterm);
    // Offered on CLIPBOARD while Shift+Insert reads PRIMARY: the paste is never taken.
    await typist.fill(identity, { ...stockXterm, selection: 'clipboard', pasteTimeoutMs: 300 });

    const text = logged.join('');
    expect(text).toContain('"field":"idNumber","length":18');
    expect(text).toContain('PASTE_NOT_TAKEN');
    for (const secret of ['11010519491231002X', '张三', '北京市', '0519491231']) expect(text).not.toContain(secret);
    // The first fill delivered three lines; the second typed the ID number and Enter, then failed at the paste.
    expect(await xterm.takeLines(4)).toEqual([...firstThree, '11010519491231002X']);
  });
});
