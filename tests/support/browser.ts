import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium, headless, with everything that would try to reach the internet turned off. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-quic', '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

export interface ScreenSize { width: number; height: number }
export const sizes = {
  kioskPortrait: { width: 1080, height: 1920 },
  kioskLandscape: { width: 1920, height: 1080 },
  board: { width: 1920, height: 1080 },
  board4k: { width: 3840, height: 2160 },
  phone: { width: 360, height: 740 },
  pad: { width: 1280, height: 800 },
} satisfies Record<string, ScreenSize>;

export async function openPage(browser: Browser, url: string, size: ScreenSize, init?: (ctx: BrowserContext) => Promise<void>): Promise<Page> {
  const context = await browser.newContext({ viewport: size, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  if (init) await init(context);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** Screenshots go to test-output/screenshots (ignored by git) so a person can look at them after a run. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(process.cwd(), 'test-output', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}
