import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../support/browser.js';
import type { TestHall } from '../../support/hall-server.js';
import { startHall } from '../../server/test-hall.js';
import { seriousAxeFindings } from '../kiosk/screen-checks.js';
import { idNumber, openPhone, rang, shoot } from './phone-fixture.js';

/**
 * First in line for 医保报销 (B) while no window serving it is open: the phone does not say "almost your turn" or
 * ring, it says calmly that no window serves the service now; once window 2 (B first) opens, the alert comes, and
 * it goes again when the window leaves for lunch.
 */
describe('the phone page of a queue no open window calls, 390x844 and 360x640', () => {
  let t: TestHall;
  let browser: Browser;
  let page: Page;
  let token = '';
  let staff = '';
  const status = (p: Page) => p.getByTestId('phone-status');

  beforeAll(async () => {
    t = await startHall();
    browser = await launchBrowser();
    const taken = await t.api('POST', '/api/tickets', { body: { serviceId: 2, identity: { name: '陈一', idNumber: idNumber('1978-08-08', '218') } } });
    expect(taken.status).toBe(201);
    token = taken.body.token;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('says no window serves the service now, without the near alert and without ringing', async () => {
    page = await openPhone(browser, `${t.url}/m/t/${token}`, { width: 390, height: 844 });
    await expect.poll(() => status(page).getAttribute('data-status')).toBe('waiting');
    await expect.poll(() => page.getByTestId('phone-position').textContent()).toBe('0 人');
    const note = page.getByTestId('phone-no-window');
    expect(await note.textContent()).toContain('目前没有窗口办理该业务');
    expect(await note.textContent()).toContain('No window is serving this service right now');
    expect(await note.getAttribute('role')).toBe('status');
    expect(await page.getByTestId('phone-alert').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain('快到您了');
    expect(await page.title()).not.toContain('【');
    await page.getByTestId('phone-alerts').click();
    await page.locator('.alerts-on').waitFor();
    expect((await rang(page)).vibrate).toEqual([]);
    await shoot(page, 'phone-no-window-390x844');
    expect(await seriousAxeFindings(page)).toEqual([]);

    const smallPage = await openPhone(browser, `${t.url}/m/t/${token}`, { width: 360, height: 640 });
    await smallPage.getByTestId('phone-no-window').waitFor();
    await shoot(smallPage, 'phone-no-window-360x640');
    await smallPage.context().close();
  });

  it('alerts once a window serving it opens, and stops when that window goes to lunch', async () => {
    staff = await t.openWindow('1002', 2);
    const alert = page.getByTestId('phone-alert');
    await expect.poll(() => alert.count(), { timeout: 5000 }).toBe(1);
    expect(await alert.textContent()).toContain('下一位就是您');
    expect(await page.getByTestId('phone-no-window').count()).toBe(0);
    await expect.poll(async () => (await rang(page)).vibrate.length).toBe(1);

    expect((await t.api('POST', '/api/windows/2/status', { cookie: staff, body: { status: 'paused', reason: 'lunch' } })).status).toBe(200);
    await page.getByTestId('phone-no-window').waitFor({ timeout: 5000 });
    expect(await alert.count()).toBe(0);
    expect(await status(page).getAttribute('data-status')).toBe('waiting');
  });
});
