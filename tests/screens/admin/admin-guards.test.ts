import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { idNumber } from '../../server/test-hall.js';

const laptop = { width: 1366, height: 768 };

/**
 * The admin screens on a 1366x768 office PC: what asks before taking someone or something out of use, what the
 * dashboard shows as the hall works, and that figures, names and forms fit. The demo hall: area SB (社保医保) holds
 * services 1-3; window 1 serves service 1.
 */
describe('the admin screens guarding what matters, at 1366x768', () => {
  let t: TestHall;
  let browser: Browser;
  let page: Page;
  let admin: string;
  let pad: string;

  beforeAll(async () => {
    t = await startTestHall();
    admin = await t.login('admin');
    pad = await t.openWindow('1001', 1);
    browser = await launchBrowser();
    const [name, ...value] = admin.split('=');
    page = await openPage(browser, 'about:blank', laptop, async (ctx) => {
      await ctx.addCookies([{ name, value: value.join('='), url: t.url }]);
    });
    page.setDefaultTimeout(8000);
    await page.goto(`${t.url}/admin/#/staff`);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const go = (hash: string) => page.getByTestId(`admin-nav-${hash}`).click();
  // Online with a real name, as the 社保 services need an ID; each ticket a different person.
  let people = 0;
  const issue = async (serviceId: number) => {
    const identity = { name: '张三', idNumber: idNumber('19800101', String(100 + ++people)) };
    const res = await t.api('POST', '/api/tickets', { body: { serviceId, identity } });
    expect(res.status).toBe(201);
    return res.body as { ticket: { number: string }; token: string };
  };
  const serveNext = async () => {
    for (const step of ['call-next', 'start', 'finish']) expect((await t.api('POST', `/api/windows/1/${step}`, { cookie: pad })).status).toBe(200);
  };
  const borderColor = (testid: string) => page.getByTestId(testid).evaluate((el) => getComputedStyle(el).borderTopColor);

  it('offers no 停用 for the account in use, and asks, naming them, before deactivating anyone else', async () => {
    await page.getByTestId('admin-staff-row-1').waitFor();
    await page.getByTestId('staff-self-admin').waitFor();
    expect(await page.getByTestId('staff-deactivate-admin').count()).toBe(0);
    await page.getByTestId('admin-staff-row-1').click();
    expect(await page.getByTestId('staff-active').isDisabled()).toBe(true);

    await page.getByTestId('staff-deactivate-S01').click();
    const ask = page.getByTestId('admin-confirm');
    expect(await ask.textContent()).toContain('停用工作人员 值班长（S01）？');
    expect(await ask.textContent()).toContain('Deactivate 值班长 (S01)?');
    await screenshot(page, 'admin-staff-confirm-1366x768');
    // Escape is "no": the supervisor stays active.
    await page.keyboard.press('Escape');
    await ask.waitFor({ state: 'detached' });
    const s01 = (await t.api('GET', '/api/staff', { cookie: admin })).body.find((s: { number: string }) => s.number === 'S01');
    expect(s01.active).toBe(true);
  });

  it('warns before deactivating an area people wait in, saying how many, and keeps their tickets', async () => {
    await issue(1);
    await issue(2);
    await go('areas');
    await page.getByTestId('admin-areas-row-1').click();
    await page.getByTestId('area-active').uncheck();
    await page.getByTestId('admin-areas-save').click();
    const ask = page.getByTestId('admin-confirm');
    expect(await ask.textContent()).toContain('停用区域“社保医保”？');
    expect(await ask.textContent()).toContain('该区域现有 2 人在等候，1 个窗口开放中。');
    expect(await ask.textContent()).toContain('2 visitors are waiting there and 1 window is open.');
    await screenshot(page, 'admin-areas-confirm-1366x768');
    await page.getByTestId('admin-confirm-no').click();
    expect((await t.api('GET', '/api/areas', { cookie: admin })).body[0].active).toBe(true);

    await page.getByTestId('admin-areas-save').click();
    await page.getByTestId('admin-confirm-yes').click();
    await page.getByTestId('admin-saved').waitFor();
    expect((await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 1 } })).body.code).toBe('SERVICE_INACTIVE');
    // The two already waiting are still called at window 1.
    await serveNext();
    await serveNext();
    await page.getByTestId('area-active').check();
    await page.getByTestId('admin-areas-save').click();
    await page.getByTestId('admin-saved').waitFor();
  });

  it('names the service form in the singular and shows no field red before anything is typed', async () => {
    await go('services');
    await page.getByTestId('admin-services-new').click();
    expect(await page.getByTestId('admin-services-form').locator('h2').textContent()).toBe('新增业务New service');
    const red = 'rgb(185, 28, 28)';
    expect(await borderColor('service-code')).not.toBe(red);
    expect(await borderColor('service-name-zh')).not.toBe(red);
    await page.getByTestId('service-code').fill('bad code!');
    await page.getByTestId('service-prefix').focus();
    expect(await borderColor('service-code')).toBe(red);
    // 社保医保 on one line in the 区域 column.
    const area = page.getByTestId('admin-services-row-1').locator('.area-name');
    const box = (await area.boundingBox())!;
    expect(box.height).toBeLessThan(30);
    await screenshot(page, 'admin-services-1366x768');
  });

  it('follows the hall on the dashboard: a finished visit and its good rating show without 刷新', async () => {
    await go('dashboard');
    const served = page.getByTestId('stats-value-served');
    await page.waitForFunction(() => document.querySelector('[data-testid="stats-value-served"]')?.textContent === '2');
    const visit = await issue(1);
    await serveNext();
    expect((await t.api('POST', `/api/visits/${visit.token}/rating`, { body: { level: 5 } })).status).toBe(201);
    await page.waitForFunction(() => document.querySelector('[data-testid="stats-value-served"]')?.textContent === '3', undefined, { timeout: 8000 });
    expect(await served.textContent()).toBe('3');
    await page.waitForFunction(() => document.querySelector('[data-testid="stats-value-good-rate"]')?.textContent === '100.0%');
    // Every figure stays inside its card at this width.
    const spill = await page.locator('.figure').evaluateAll((cards) => cards.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent));
    expect(spill).toEqual([]);
    await screenshot(page, 'admin-dashboard-1366x768');
  });

  it('keeps the audit log\'s 操作人 on one line', async () => {
    await go('audit');
    const who = page.getByTestId('audit-table').locator('tbody tr').first().locator('td').nth(2);
    await who.waitFor();
    // Chinese over English, each on a line of its own: neither wraps.
    for (const lang of ['.zh', '.en']) expect((await who.locator(lang).boundingBox())!.height, lang).toBeLessThan(30);
    await screenshot(page, 'admin-audit-1366x768');
  });
});
