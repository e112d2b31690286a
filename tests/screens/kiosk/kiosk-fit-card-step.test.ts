import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, sizes } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { chooseService, fitProblems, openKiosk, simulatedDevices } from './kiosk-fixture.js';

/**
 * The ID card step is the kiosk's tallest: the service's name, the priority choices, the reader's prompt, and Back
 * and Skip, plus in a demo hall the simulated reader's two buttons. Each view is checked at 1920x1080, 1080x1920
 * and 1280x800, in normal and large type, in Chinese and English (see fitProblems).
 */
describe('the kiosk\'s ID card step fits every kiosk screen', () => {
  let demo: TestHall;
  let plain: TestHall;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    [demo, plain] = await Promise.all([startTestHall({ overrides: simulatedDevices }), startTestHall()]);
    browser = await launchBrowser();
    page = await openKiosk(browser, demo, sizes.kioskLandscape);
  });
  afterAll(async () => {
    await browser?.close();
    await demo?.stop();
    await plain?.stop();
  });

  it('keeps Back, Skip and the simulated reader\'s buttons clear of the footer in a demo hall', async () => {
    await chooseService(page, 'SB', 'SB01');
    await page.getByTestId('kiosk-simulate-card').waitFor();
    const idRequired = await fitProblems(page, 'card-id-simulated');
    await page.getByTestId('kiosk-back').click();
    await page.getByTestId('kiosk-back').click();
    await chooseService(page, 'BDC', 'BDC03');
    await page.getByTestId('kiosk-skip-card').waitFor();
    expect({ idRequired, idOptional: await fitProblems(page, 'card-skip-simulated') }).toEqual({ idRequired: {}, idOptional: {} });
    await page.getByTestId('kiosk-back').click();
    await page.getByTestId('kiosk-back').click();
  });

  it('fits with a card already read (one large button), an unprinted ticket, and under the printer\'s warning bar', async () => {
    expect((await demo.api('POST', '/api/devices/simulated/card', { token: demo.kioskToken, body: { fixture: 1 } })).status).toBe(200);
    await page.getByTestId('kiosk-card-held').waitFor();
    await chooseService(page, 'BDC', 'BDC03');
    await page.getByTestId('kiosk-take-with-card').waitFor();
    const cardRead = await fitProblems(page, 'card-read');

    // A printer out of paper: the kiosk says so in a bar above every step but the ticket, taking height from them.
    const staff = await demo.login('1001');
    expect((await demo.api('POST', '/api/devices/simulated/printer/mode', { cookie: staff, body: { mode: 'paper-out' } })).status).toBe(200);
    try {
      await page.getByTestId('kiosk-take-with-card').click();
      await page.locator('.printer-note.fault').waitFor();
      // Unprinted, the ticket shows its QR code large, beside the holder's masked name.
      const unprinted = await fitProblems(page, 'ticket-unprinted');
      await page.getByTestId('kiosk-done').click();
      await chooseService(page, 'BDC', 'BDC03');
      await page.getByTestId('kiosk-printer-down').waitFor();
      const printerDown = await fitProblems(page, 'card-skip-printer-down');
      expect({ cardRead, unprinted, printerDown }).toEqual({ cardRead: {}, unprinted: {}, printerDown: {} });
    } finally {
      await demo.api('POST', '/api/devices/simulated/printer/mode', { cookie: staff, body: { mode: 'normal' } });
    }
  });

  it('fits in a hall with no simulated devices, where the step has Back and Skip only', async () => {
    const real = await openKiosk(browser, plain, sizes.kioskLandscape);
    try {
      await chooseService(real, 'SB', 'SB01');
      await real.getByTestId('kiosk-card-prompt').waitFor();
      expect(await real.getByTestId('kiosk-simulate-card').count()).toBe(0);
      const idRequired = await fitProblems(real, 'card-id');
      await real.getByTestId('kiosk-back').click();
      await real.getByTestId('kiosk-back').click();
      await chooseService(real, 'BDC', 'BDC03');
      await real.getByTestId('kiosk-skip-card').waitFor();
      expect({ idRequired, idOptional: await fitProblems(real, 'card-skip') }).toEqual({ idRequired: {}, idOptional: {} });
    } finally {
      await real.context().close();
    }
  });
});
