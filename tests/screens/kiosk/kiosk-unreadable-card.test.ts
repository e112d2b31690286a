import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, sizes } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { chooseService, openKiosk, shoot, simulatedDevices } from './kiosk-fixture.js';

/**
 * The demo's simulated reader on a pty, read by the real driver: a worn card fails as a real reader's read fails.
 * Without socat the hall simulates the reader in process; the second case takes that path.
 */
describe('a card the kiosk\'s reader cannot read', () => {
  let t: TestHall;
  let inProcess: TestHall;
  let browser: Browser;
  beforeAll(async () => {
    [t, inProcess] = await Promise.all([startTestHall({ overrides: { devices: { simulate: true } } }), startTestHall({ overrides: simulatedDevices })]);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    await inProcess?.stop();
  });

  it('asks the visitor to wipe and place it again, and carries on with the service once the card reads', async () => {
    const page = await openKiosk(browser, t, sizes.kioskPortrait);
    await chooseService(page, 'SB', 'SB01');
    await page.getByTestId('kiosk-card-prompt').waitFor();
    await shoot(page, 'kiosk-card-step-demo-1080x1920');
    await page.getByTestId('kiosk-simulate-bad-card').click();
    const problem = page.locator('[data-testid=kiosk-problem][data-code=CARD_UNREADABLE]');
    await problem.waitFor({ timeout: 5000 });
    const said = (await problem.textContent())!;
    expect(said).toContain('读卡失败，请重新放置身份证');
    expect(said).toContain('place the card again');
    expect(said).toContain('请擦拭身份证后重新放置');
    await shoot(page, 'kiosk-card-unreadable-1080x1920');

    // The visitor places the card again without touching the screen: the ticket of the service they chose.
    const placed = await t.api('POST', '/api/devices/simulated/card', { token: t.kioskToken, body: { fixture: 1 } });
    expect(placed.status, JSON.stringify(placed.body)).toBe(200);
    await expect.poll(() => page.getByTestId('kiosk-ticket-number').textContent(), { timeout: 8000 }).toMatch(/^A\d{3}$/);
    const held = (await t.api('GET', '/api/hall', { token: t.kioskToken })).body.waiting as { number: string; serviceId: number; person: unknown }[];
    expect(held).toHaveLength(1);
  });

  it('takes a ticket by the other way too, on a reader simulated in process: back to the card step, then a card that reads', async () => {
    const page = await openKiosk(browser, inProcess, sizes.kioskLandscape);
    await chooseService(page, 'ZH', 'ZH01');
    await page.getByTestId('kiosk-card-prompt').waitFor();
    await shoot(page, 'kiosk-card-step-demo-1920x1080');
    await page.getByTestId('kiosk-simulate-bad-card').click();
    await page.locator('[data-testid=kiosk-problem][data-code=CARD_UNREADABLE]').waitFor({ timeout: 5000 });
    await shoot(page, 'kiosk-card-unreadable-1920x1080');
    await page.getByTestId('kiosk-back').click();
    await page.getByTestId('kiosk-card-prompt').waitFor();
    await page.waitForTimeout(3500); // the worn card is lifted
    await page.getByTestId('kiosk-simulate-card').click();
    await expect.poll(() => page.getByTestId('kiosk-ticket-number').textContent(), { timeout: 8000 }).toMatch(/^G\d{3}$/);
  });
});
