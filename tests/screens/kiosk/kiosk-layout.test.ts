import { describe, expect, it } from 'vitest';
import { sizes } from '../../support/browser.js';
import { chooseService, goHome, openKiosk, shoot, takeWithoutCard, useKiosk } from './kiosk-fixture.js';
import { seriousAxeFindings } from './screen-checks.js';

describe('the kiosk on a landscape screen, in large type, in English, and for assistive technology', () => {
  const k = useKiosk(sizes.kioskLandscape);

  it('fits every step on a 1920x1080 screen without scrolling', async () => {
    await shoot(k.page, 'kiosk-landscape-start');
    await chooseService(k.page, 'SB', 'SB01');
    await shoot(k.page, 'kiosk-landscape-card-step');
    await k.page.getByTestId('kiosk-simulate-card').click();
    await k.page.getByTestId('kiosk-ticket-number').waitFor();
    await shoot(k.page, 'kiosk-landscape-ticket');
    await goHome(k.page);
    await k.page.getByTestId('kiosk-check-in').click();
    for (const digit of '123456') await k.page.getByTestId(`key-${digit}`).click();
    await shoot(k.page, 'kiosk-landscape-check-in');
    await k.page.getByTestId('kiosk-check-in-confirm').click();
    await expect.poll(() => k.page.getByTestId('kiosk-problem').getAttribute('data-code')).toBe('NOT_FOUND');
    await shoot(k.page, 'kiosk-landscape-problem');
    await goHome(k.page);
  });

  it('keeps large type and English on one screen in both orientations', async () => {
    await k.page.getByTestId('kiosk-large').click();
    await k.page.getByTestId('kiosk-lang').click();
    await expect.poll(() => k.page.evaluate(() => document.documentElement.lang)).toBe('en');
    await k.page.getByTestId('kiosk-area-BDC').click();
    await shoot(k.page, 'kiosk-landscape-large-english-services');
    await k.page.getByTestId('kiosk-service-BDC03').click();
    await k.page.getByTestId('kiosk-skip-card').click();
    await k.page.getByTestId('kiosk-ticket-number').waitFor();
    expect(await k.page.locator('.ticket').textContent()).toContain('People ahead');
    await shoot(k.page, 'kiosk-landscape-large-english-ticket');
    await k.page.setViewportSize(sizes.kioskPortrait);
    await shoot(k.page, 'kiosk-portrait-large-english-ticket');
    await k.page.getByTestId('kiosk-done').click();
    await k.page.getByTestId('kiosk-area-SB').click();
    await shoot(k.page, 'kiosk-portrait-large-services');
    await k.page.setViewportSize(sizes.kioskLandscape);
  });

  it('passes an axe-core scan with no serious or critical findings on every step', async () => {
    const page2 = await openKiosk(k.browser, k.t, sizes.kioskPortrait);
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
