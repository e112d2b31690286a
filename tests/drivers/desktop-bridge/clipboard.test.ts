import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClipboardSession } from '../../../drivers/desktop-bridge/clipboard.js';
import { isX11Platform } from '../../../drivers/desktop-bridge/display-check.js';

describe('clipboard session', () => {
  it('refuses to open on Windows and macOS with a typed error until those clipboards are supported', async () => {
    for (const platform of ['win32', 'darwin'] as const) {
      await expect(ClipboardSession.open({ selection: 'clipboard', restorePrevious: true, platform })).rejects.toMatchObject({
        code: 'CLIPBOARD_UNSUPPORTED_PLATFORM',
      });
      expect(isX11Platform(platform)).toBe(false);
    }
  });

  it('names the tool it looked for when it is not installed', async () => {
    const emptyDir = await mkdtemp(join(tmpdir(), 'no-tools-'));
    try {
      const open = ClipboardSession.open({
        selection: 'clipboard',
        restorePrevious: false,
        tool: 'xsel',
        searchPath: emptyDir,
        platform: 'linux',
      });
      await expect(open).rejects.toMatchObject({ code: 'CLIPBOARD_TOOL_MISSING', detail: 'xsel' });
    } finally {
      await rm(emptyDir, { recursive: true, force: true });
    }
  });
});
