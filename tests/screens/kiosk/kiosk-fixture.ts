import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { openPage, screenshot, type ScreenSize } from '../../support/browser.js';
import type { TestHall } from '../../support/hall-server.js';
import { layoutProblems } from './screen-checks.js';

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
