import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { signedInPage } from '../admin-stats/signed-in-page.js';

describe('device revoke and the ticket-prefix field speak the admin screens\' own bilingual words', () => {
  let t: TestHall;
  let browser: Browser;
  let page: Page;
  let admin: string;
  let deviceId: number;

  beforeAll(async () => {
    t = await startTestHall();
    admin = await t.login('admin');
    const { code } = (await t.api('POST', '/api/devices/pairing-codes', { cookie: admin, body: { role: 'kiosk' } })).body;
    const paired = await t.api('POST', '/api/devices/pair', { body: { code, name: '大厅取号机1' } });
    expect(paired.status, JSON.stringify(paired.body)).toBe(201);
    deviceId = (await t.api('GET', '/api/devices', { cookie: admin })).body[0].id;
    browser = await launchBrowser();
    page = await signedInPage(browser, t, admin);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('asks in the page\'s own dialog before revoking, and shows the revoke date', async () => {
    let browserAsked = false;
    page.on('dialog', (d) => { browserAsked = true; void d.dismiss(); });
    await page.goto(`${t.url}/admin/#/devices`);
    await page.getByTestId(`admin-device-revoke-${deviceId}`).click();
    const ask = page.getByTestId('admin-confirm');
    await ask.waitFor();
    expect(await ask.textContent()).toContain('Revoke this device?');
    await page.getByTestId('admin-confirm-no').click();
    expect((await t.api('GET', '/api/devices', { cookie: admin })).body[0].revokedAt).toBeNull();
    await page.getByTestId(`admin-device-revoke-${deviceId}`).click();
    await page.getByTestId('admin-confirm-yes').click();
    const table = page.getByTestId('admin-devices-table');
    await expect.poll(() => table.textContent(), { timeout: 5000 }).toContain('已吊销');
    expect(await table.textContent()).toMatch(/已吊销 Revoked \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/);
    expect(browserAsked).toBe(false);
    await screenshot(page, 'admin-devices-revoked-1920x1080');
  });

  it('says in both languages what a ticket prefix must be', async () => {
    await page.goto(`${t.url}/admin/#/services`);
    await page.getByTestId('admin-services-new').click();
    await page.getByTestId('service-code').fill('ZH09');
    await page.getByTestId('service-prefix').fill('1');
    await page.getByTestId('admin-services-save').click();
    const message = await page.getByTestId('service-prefix').evaluate((el) => (el as HTMLInputElement).validationMessage);
    expect(message).toBe('票号前缀须为1-2个大写字母（如 A） The ticket prefix must be 1-2 capital letters (e.g. A)');
    // Corrected, the field is valid again.
    await page.getByTestId('service-prefix').fill('Q');
    expect(await page.getByTestId('service-prefix').evaluate((el) => (el as HTMLInputElement).validity.valid)).toBe(true);
  });
});
