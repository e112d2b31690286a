import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, idNumberFor } from '../../core/hall-fixture.js';
import { launchBrowser, openPage, screenshot, sizes } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { FakeClock } from '../../stats/stats-hall.js';

// A Tuesday in the demo hall: window 1 serves 社保参保登记 (service 1) with staff 1001; the admin supervises all.
const today = '2026-03-10';
const fullHd = { width: 1920, height: 1080 };

describe('the statistics, ledger and rating screens', () => {
  const clock = new FakeClock(at(`${today} 09:00`));
  let t: TestHall;
  let browser: Browser;
  let page: Page;
  let staff: string;
  let followUpId: number;
  let phoneToken: string;

  const later = (minutes: number) => { clock.now += minutes * 60_000; };
  const take = async (n: number) => {
    const res = await t.api('POST', '/api/tickets', { body: { serviceId: 1, identity: { name: '张三', idNumber: idNumberFor('19800101', String(n).padStart(3, '0')) } } });
    expect(res.status).toBe(201);
    return { ticketId: res.body.ticket.id as number, token: res.body.token as string };
  };
  const step = async (name: string) => expect((await t.api('POST', `/api/windows/1/${name}`, { cookie: staff })).status).toBe(200);

  beforeAll(async () => {
    t = await startTestHall({ clock: clock.read });
    staff = await t.login('1001');
    const admin = await t.login('admin');
    const code = await t.api('POST', '/api/devices/pairing-codes', { cookie: admin, body: { role: 'pad', windowId: 1 } });
    const padToken = (await t.api('POST', '/api/devices/pair', { body: { code: code.body.code, name: '评价器' } })).body.token;
    await t.api('POST', '/api/windows/1/status', { cookie: staff, body: { status: 'open' } });
    // A morning: four visitors arrive, three are served a few minutes apart, one does not come to the window.
    const visits = [await take(1), await take(2), await take(3), await take(4)];
    // The window's pad rates right after each finish, as the visitor would at the counter: bad, good, then none.
    const padRatings = [{ level: 1, reasons: ['attitude'], comment: '态度生硬' }, { level: 5 }];
    for (let i = 0; i < 3; i++) {
      later(6);
      await step('call-next');
      await step('start');
      later(4);
      await step('finish');
      if (!padRatings[i]) continue;
      const rated = await t.api('POST', '/api/ratings', { token: padToken, body: { ticketId: visits[i].ticketId, ...padRatings[i] } });
      expect(rated.status, JSON.stringify(rated.body)).toBe(201);
      if (i === 0) followUpId = rated.body.followUpId;
    }
    later(2);
    await step('call-next');
    later(3);
    await step('no-show');
    phoneToken = visits[2].token;
    browser = await launchBrowser();
    page = await openPage(browser, `${t.url}/admin/#/dashboard`, fullHd);
    await page.getByTestId('admin-login-number').fill('admin');
    await page.getByTestId('admin-login-password').fill(t.adminPassword);
    await page.getByTestId('admin-login-submit').click();
    await page.getByTestId('admin-user').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('shows the day\'s figures, charts and the open bad-rating case on the dashboard', async () => {
    await page.getByTestId('admin-nav-dashboard').click();
    const value = (key: string) => page.getByTestId(`stats-value-${key}`);
    await expect.poll(() => value('tickets').textContent()).toBe('4');
    expect(await value('served').textContent()).toBe('3');
    expect(await value('no-show').textContent()).toBe('1');
    expect(await value('good-rate').textContent()).toBe('50.0%');
    expect(await value('open-cases').textContent()).toBe('1');
    expect(Number(await value('wait-mean').textContent().then((s) => s?.replace(/[^\d.]/g, '')))).toBeGreaterThan(0);
    expect(await page.getByTestId('stats-chart-arrivals').locator('rect.chart-bar').count()).toBeGreaterThan(0);
    await page.getByTestId('stats-chart-windows').waitFor();
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, 'admin-dashboard-1920x1080');
  });

  it('records the call-back on the bad-rating case and shows its new state and history', async () => {
    await page.getByTestId('admin-nav-ratings').click();
    await page.getByTestId(`case-row-${followUpId}`).click();
    const detail = page.getByTestId(`case-detail-${followUpId}`);
    await detail.getByTestId('case-action-contact').click();
    expect(await page.getByTestId('case-error').textContent()).toContain('需要填写说明');
    await detail.getByTestId('case-note').fill('已致电访客，说明情况');
    await detail.getByTestId('case-action-contact').click();
    await detail.locator('[data-testid=case-status][data-status=contacted]').waitFor();
    expect(await page.getByTestId(`case-state-${followUpId}`).textContent()).toContain('已回访');
    expect(await detail.getByTestId('case-history').textContent()).toContain('已致电访客');
    await detail.getByTestId('case-action-rectify').waitFor();
    expect(await page.getByTestId('ratings-table').textContent()).toContain('非常不满意');
    // The reason in both languages, and the visitor's own words.
    const badRow = page.getByTestId('ratings-table').locator('tr', { hasText: '非常不满意' });
    expect(await badRow.textContent()).toMatch(/服务态度.*Attitude.*态度生硬/);
    await screenshot(page, 'admin-ratings-ledger-1920x1080');
  });

  it('shows the report table by service and its CSV download is a CSV of the same period', async () => {
    await page.getByTestId('admin-nav-reports').click();
    await page.getByTestId('stats-dimension').selectOption('service');
    await page.getByTestId('stats-table-row-1').waitFor();
    expect(await page.getByTestId('stats-table-total').textContent()).toContain('合计');
    const href = await page.getByTestId('stats-csv').getAttribute('href');
    expect(href).toContain(`from=${today}&to=${today}&by=service&format=csv`);
    const csv = await page.request.get(`${t.url}${href}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('社保');
    await page.getByTestId('stats-window-table').waitFor();
    await screenshot(page, 'admin-reports-1920x1080');
  });

  it('lets the phone rate its finished visit once, asking why for a bad rating', async () => {
    const phone = await openPage(browser, `${t.url}/m/t/${phoneToken}`, sizes.phone);
    await phone.getByTestId('rate-5').waitFor();
    await phone.getByTestId('phone-rating').scrollIntoViewIfNeeded();
    await screenshot(phone, 'phone-rating-levels-360x740');
    await phone.getByTestId('rate-2').click();
    await phone.getByTestId('rate-send').click();
    expect(await phone.getByTestId('phone-rating-error').textContent()).toContain('至少选择一个原因');
    await phone.getByTestId('rate-reason-efficiency').check();
    await expect.poll(() => phone.getByTestId('phone-rating-error').count()).toBe(0);
    await screenshot(phone, 'phone-rating-reasons-360x740');
    await phone.getByTestId('rate-send').click();
    await phone.getByTestId('phone-rating-thanks').waitFor();
    expect(await phone.getByTestId('phone-rating-level').textContent()).toContain('不满意');
    await phone.reload();
    await phone.getByTestId('phone-rating-thanks').waitFor();
    expect(await phone.getByTestId('rate-5').count()).toBe(0);
    await screenshot(phone, 'phone-rated-360x740');
    await phone.context().close();
  });
});
