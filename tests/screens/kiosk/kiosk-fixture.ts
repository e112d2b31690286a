import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { launchBrowser, openPage, screenshot, sizes, type ScreenSize } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { layoutProblems, unreachableButtons } from './screen-checks.js';

/** A hall whose demo kiosk has simulated peripherals in process: a card reader and a byte-exact printer. */
export const simulatedDevices = { devices: { simulate: true, simulation: 'in-process' } };

/** Opens the kiosk the way a hall does: its paired URL with ?token=, and waits for the first screen. */
export async function openKiosk(browser: Browser, t: TestHall, size: ScreenSize, options: { fakeClock?: boolean } = {}): Promise<Page> {
  const page = await openPage(browser, `${t.url}/kiosk/?token=${t.kioskToken}`, size, options.fakeClock
    ? async (ctx) => { await ctx.clock.install(); }
    : undefined);
  await page.getByTestId('kiosk-area-SB').waitFor();
  return page;
}

export interface KioskScreen { t: TestHall; browser: Browser; page: Page }

/** For one describe block: a demo hall with simulated peripherals in process, and its kiosk open at `size`. */
export function useKiosk(size: ScreenSize): KioskScreen {
  const k = {} as KioskScreen;
  beforeAll(async () => {
    k.t = await startTestHall({ overrides: simulatedDevices });
    k.browser = await launchBrowser();
    k.page = await openKiosk(k.browser, k.t, size);
  });
  afterAll(async () => {
    await k.browser?.close();
    await k.t?.stop();
  });
  return k;
}

/** Area -> service -> the identity step. */
export async function chooseService(page: Page, area: string, service: string): Promise<void> {
  await page.getByTestId(`kiosk-area-${area}`).click();
  await page.getByTestId(`kiosk-service-${service}`).click();
}

/** Takes a ticket for a service that needs no ID card by skipping the card; returns the number shown. */
export async function takeWithoutCard(page: Page, area: string, service: string): Promise<string> {
  await chooseService(page, area, service);
  await page.getByTestId('kiosk-skip-card').click();
  return (await page.getByTestId('kiosk-ticket-number').textContent())!;
}

export async function goHome(page: Page): Promise<void> {
  const done = page.getByTestId('kiosk-done');
  if (await done.isVisible()) await done.click();
  else await page.getByTestId('kiosk-home').click();
  await page.getByTestId('kiosk-area-SB').waitFor();
}

/** A screenshot to look at, after checking in numbers that everything fits without scrolling or overflowing. */
export async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await screenshot(page, name);
  expect(await layoutProblems(page, ['.kiosk-main', '.tile-grid']), name).toEqual([]);
}

/** The screens kiosks come with: 1080p landscape and portrait, and the smaller 1280x800 of a desktop kiosk. */
export const kioskScreens: { name: string; size: ScreenSize }[] = [
  { name: '1920x1080', size: sizes.kioskLandscape },
  { name: '1080x1920', size: sizes.kioskPortrait },
  { name: '1280x800', size: sizes.pad },
];

/** Sets the header's two switches (large type, English) by touching them, as a visitor does. */
export async function setTypeAndLanguage(page: Page, mode: { large: boolean; english: boolean }): Promise<void> {
  if ((await page.getByTestId('kiosk-large').getAttribute('aria-pressed') === 'true') !== mode.large) await page.getByTestId('kiosk-large').click();
  if ((await page.evaluate(() => document.documentElement.lang) === 'en') !== mode.english) await page.getByTestId('kiosk-lang').click();
  await page.evaluate(() => document.fonts.ready);
}

/**
 * The step on screen now, in normal and large type, in Chinese and English, on every kiosk screen: what a finger
 * cannot reach (see unreachableButtons) and what is cut or overflows (see layoutProblems), by view, so one run
 * names every view that fails. The tightest views (large type in English, and in Chinese at 1920x1080) are
 * screenshotted to look at, as is every view that fails.
 * Leaves the page in normal Chinese at the size it had.
 */
export async function fitProblems(page: Page, step: string): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  const size = page.viewportSize()!;
  // One switch at a time: normal Chinese, normal English, large English, large Chinese.
  for (const mode of [{ large: false, english: false }, { large: false, english: true }, { large: true, english: true }, { large: true, english: false }]) {
    await setTypeAndLanguage(page, mode);
    for (const screen of kioskScreens) {
      await page.setViewportSize(screen.size);
      const view = `${step}-${screen.name}-${mode.large ? 'large' : 'normal'}-${mode.english ? 'en' : 'zh'}`;
      const problems = [...await unreachableButtons(page), ...await layoutProblems(page, ['.kiosk-main', '.tile-grid'])];
      if (problems.length > 0) found[view] = problems;
      const tightest = mode.large && (mode.english || screen === kioskScreens[0]);
      if (tightest || problems.length > 0) await screenshot(page, `kiosk-fit-${view}`);
    }
  }
  await setTypeAndLanguage(page, { large: false, english: false });
  await page.setViewportSize(size);
  return found;
}
