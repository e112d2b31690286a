import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, sizes } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { chooseService, goHome, openKiosk, shoot, simulatedDevices, takeWithoutCard } from './kiosk-fixture.js';
import { seriousAxeFindings } from './screen-checks.js';

describe('the kiosk on a landscape screen, in large type, in English, and for assistive technology', () => {
  let t: TestHall;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    t = await startTestHall({ overrides: simulatedDevices });
    browser = await launchBrowser();
    page = await openKiosk(browser, t, sizes.kioskLandscape);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('fits every step on a 1920x1080 screen without scrolling', async () => {
    await shoot(page, 'kiosk-landscape-start');
    await chooseService(page, 'SB', 'SB01');
    await shoot(page, 'kiosk-landscape-card-step');
    await page.getByTestId('kiosk-simulate-card').click();
    await page.getByTestId('kiosk-ticket-number').waitFor();
    await shoot(page, 'kiosk-landscape-ticket');
    await goHome(page);
    await page.getByTestId('kiosk-check-in').click();
    for (const digit of '123456') await page.getByTestId(`key-${digit}`).click();
    await shoot(page, 'kiosk-landscape-check-in');
    await page.getByTestId('kiosk-check-in-confirm').click();
    await expect.poll(() => page.getByTestId('kiosk-problem').getAttribute('data-code')).toBe('NOT_FOUND');
    await shoot(page, 'kiosk-landscape-problem');
    await goHome(page);
  });

  it('keeps large type and English on one screen in both orientations', async () => {
    await page.getByTestId('kiosk-large').click();
    await page.getByTestId('kiosk-lang').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByTestId('kiosk-area-BDC').click();
    await shoot(page, 'kiosk-landscape-large-english-services');
    await page.getByTestId('kiosk-service-BDC03').click();
    await page.getByTestId('kiosk-skip-card').click();
    await page.getByTestId('kiosk-ticket-number').waitFor();
    expect(await page.locator('.ticket').textContent()).toContain('People ahead');
    await shoot(page, 'kiosk-landscape-large-english-ticket');
    await page.setViewportSize(sizes.kioskPortrait);
    await shoot(page, 'kiosk-portrait-large-english-ticket');
    await page.getByTestId('kiosk-done').click();
    await page.getByTestId('kiosk-area-SB').click();
    await shoot(page, 'kiosk-portrait-large-services');
    await page.setViewportSize(sizes.kioskLandscape);
  });

  it('passes an axe-core scan with no serious or critical findings on every step', async () => {
    const page2 = await openKiosk(browser, t, sizes.kioskPortrait);
    try {
      const findings: Record<string, unknown> = {};
      findings.start = await seriousAxeFindings(page2);
      await chooseService(page2, 'ZH', 'ZH01');
      findings.cardStep = await seriousAxeFindings(page2);
      await page2.getByTestId('kiosk-back').click();
      await page2.getByTestId('kiosk-back').click();
      expect(await takeWithoutCard(page2, 'ZH', 'ZH04')).toMatch(/^K\d{3}$/);
      findings.ticket = await seriousAxeFindings(page2);
      await goHome(page2);
      await page2.getByTestId('kiosk-check-in').click();
      findings.checkIn = await seriousAxeFindings(page2);
      await page2.getByTestId('kiosk-back').click();
      await page2.getByTestId('kiosk-large').click();
      await page2.getByTestId('kiosk-lang').click();
      findings.largeEnglish = await seriousAxeFindings(page2);
      expect(findings).toEqual({ start: [], cardStep: [], ticket: [], checkIn: [], largeEnglish: [] });
    } finally {
      await page2.context().close();
    }
  });
});
