import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchBrowser, sizes, tempDir } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { freePort } from '../../server/child-hall.js';
import { chooseService, openKiosk, shoot } from './kiosk-fixture.js';

/**
 * The simulators on ptys run the real reader driver, which reports the reader gone when the hall stops: the kiosk
 * hears that just before its link drops, and the reader is back before the kiosk reconnects.
 */
const ptyDevices = { devices: { simulate: true } };

describe('an open kiosk across a server restart', () => {
  const dir = tempDir('kiosk-restart-');
  let browser: Browser | undefined;
  let hall: TestHall | undefined;
  afterAll(async () => {
    await browser?.close();
    await hall?.stop();
    dir.remove();
  });

  it('blames the network, once, while the hall is down, and takes an ID ticket afterwards without a reload', async () => {
    const port = await freePort();
    hall = await startTestHall({ dir: dir.path, overrides: { port, ...ptyDevices } });
    browser = await launchBrowser();
    const page = await openKiosk(browser, hall, sizes.kioskPortrait);
    await chooseService(page, 'SB', 'SB01');
    await page.getByTestId('kiosk-card-prompt').waitFor();

    await hall.stop();
    hall = undefined;
    const offline = page.getByTestId('kiosk-offline');
    await offline.waitFor({ timeout: 5000 });
    const screen = (await page.locator('.kiosk').textContent())!;
    expect(screen).toContain('无法连接大厅服务器');
    expect(screen.split('无法连接大厅服务器').length - 1).toBe(1);
    expect(screen).not.toContain('读卡器暂不可用');
    await shoot(page, 'kiosk-restart-offline');

    // The same data and the same address, as after a service restart or a power cut.
    hall = await startTestHall({ dir: dir.path, overrides: { port, ...ptyDevices } });
    await offline.waitFor({ state: 'detached', timeout: 10_000 });
    // Once reconnected the kiosk must know the reader works: a visitor is asked for the card, not sent to the desk.
    await page.getByTestId('kiosk-card-prompt').waitFor({ timeout: 3000 });
    await page.waitForTimeout(500);
    expect(await page.getByTestId('kiosk-reader-down').count()).toBe(0);
    await shoot(page, 'kiosk-restart-back');

    await page.getByTestId('kiosk-simulate-card').click();
    await expect.poll(() => page.getByTestId('kiosk-ticket-number').textContent(), { timeout: 5000 }).toMatch(/^A\d{3}$/);
    expect(page.url()).not.toContain('token=');
  });
});
