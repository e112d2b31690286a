import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, idNumberFor } from '../../core/hall-fixture.js';
import { launchBrowser, screenshot } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { FakeClock } from '../../stats/stats-hall.js';
import { signedInPage } from './signed-in-page.js';

/** The server looks at the lights 250 ms after a command; the page must show them well within a second after. */
const pushWithinMs = 2000;

describe('the dashboard\'s live warnings', () => {
  const clock = new FakeClock(at('2026-03-10 09:00'));
  let t: TestHall;
  let browser: Browser;
  let page: Page;
  let admin: string;
  let staff: string;
  const warningGets: string[] = [];

  const take = async (serial: string) => {
    const res = await t.api('POST', '/api/tickets', { body: { serviceId: 1, identity: { name: '李四', idNumber: idNumberFor('19800101', serial) } } });
    expect(res.status).toBe(201);
    return res.body.ticket as { id: number; number: string };
  };
  /** How long the open page takes to show `testid` after `change` ran on the server. */
  const shownAfter = async (change: () => Promise<unknown>, testid: string, level?: string) => {
    const started = Date.now();
    await change();
    const target = level ? page.locator(`[data-testid="${testid}"][data-level="${level}"]`) : page.getByTestId(testid);
    await target.waitFor({ timeout: pushWithinMs * 2 });
    return Date.now() - started;
  };

  beforeAll(async () => {
    t = await startTestHall({ clock: clock.read });
    admin = await t.login('admin');
    staff = await t.login('1001');
    browser = await launchBrowser();
    page = await signedInPage(browser, t, admin);
    page.on('request', (r) => { if (r.url().includes('/api/stats/warnings')) warningGets.push(r.url()); });
    await page.goto(`${t.url}/admin/#/dashboard`);
    await page.locator('[data-testid=stats-warnings-link].link-on').waitFor();
    await page.getByTestId('stats-warnings-none').waitFor();
    await page.evaluate(() => { (window as unknown as { sameLoad: boolean }).sameLoad = true; });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('lights yellow on the open page within a second or two of a wait passing the yellow threshold', async () => {
    const settings = (await t.api('GET', '/api/settings', { cookie: admin })).body;
    const first = await take('011');
    clock.now += (settings.yellowWaitMinutes + 1) * 60_000;
    // The wait crossed the line with nobody doing anything; the next command (another visitor) makes the server look.
    const ms = await shownAfter(() => take('012'), `stats-warning-wait:${first.id}`, 'yellow');
    expect(ms).toBeLessThan(pushWithinMs);
    expect(await page.getByTestId(`stats-warning-wait:${first.id}`).textContent()).toContain(`${first.number} 已等候 ${settings.yellowWaitMinutes + 1} 分钟`);
    expect(await page.getByTestId('stats-warnings-count').textContent()).toBe('1');
  });

  it('turns red when the red threshold is lowered below the wait through the settings', async () => {
    const settings = (await t.api('GET', '/api/settings', { cookie: admin })).body;
    const first = (await t.api('GET', '/api/stats/warnings', { cookie: admin })).body.warnings[0];
    const lowered = { ...settings, redWaitMinutes: settings.yellowWaitMinutes + 1 };
    const ms = await shownAfter(async () => expect((await t.api('PUT', '/api/settings', { cookie: admin, body: lowered })).status).toBe(200),
      `stats-warning-${first.key}`, 'red');
    expect(ms).toBeLessThan(pushWithinMs);
    expect(await page.getByTestId(`stats-warning-${first.key}`).textContent()).toContain('红灯');
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, 'admin-dashboard-live-warning-1920x1080');
  });

  it('clears the light when the visitor is called, without the page reloading or asking again', async () => {
    expect((await t.api('POST', '/api/windows/1/status', { cookie: staff, body: { status: 'open' } })).status).toBe(200);
    const ms = await shownAfter(async () => expect((await t.api('POST', '/api/windows/1/call-next', { cookie: staff })).status).toBe(200), 'stats-warnings-none');
    expect(ms).toBeLessThan(pushWithinMs);
    expect(await page.getByTestId('stats-warnings-count').textContent()).toBe('0');
    // One GET when the page connected; everything after came over the socket.
    expect(warningGets).toHaveLength(1);
    expect(await page.evaluate(() => (window as unknown as { sameLoad?: boolean }).sameLoad)).toBe(true);
  });
});
