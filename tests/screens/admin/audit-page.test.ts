import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';

const fullHd = { width: 1920, height: 1080 };
const laptop = { width: 1366, height: 768 };
const records = 6; // F, window 8
const enquiries = 10; // K, window 11

/**
 * The audit page on a real hall: an admin signs in wrongly once and rightly once, a pad is paired and revoked,
 * tickets are called; the access tab reads it all back in order, in both languages, the failed sign-in in red; the
 * filters narrow the operations log, stay in the address, page back, and the CSV holds what they select.
 */
describe('the audit page', () => {
  let t: TestHall;
  let browser: Browser;
  let page: Page;
  const rows = (table: string) => page.getByTestId(table).locator('tbody tr');
  const texts = (table: string) => rows(table).allTextContents();
  const issue = async (serviceId: number) => {
    const res = await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId } });
    expect(res.status).toBe(201);
  };
  /** Waits until the operations table shows exactly the rows the API gives for the same filters. */
  let supervisor = '';
  const showsApi = async (query: string) => {
    const day = (await t.api('GET', '/api/public/hall')).body.hallDay;
    supervisor ||= await t.login('S01');
    const api = (await t.api('GET', `/api/audit/events?from=${day}&to=${day}&limit=100${query}`, { cookie: supervisor })).body.entries as { seq: number }[];
    await page.waitForFunction((want) => {
      const got = [...document.querySelectorAll('[data-testid="audit-table"] tbody tr')].map((r) => r.getAttribute('data-testid'));
      return got.join() === want.join();
    }, api.map((e) => `audit-${e.seq}`));
    return api.length;
  };

  beforeAll(async () => {
    t = await startTestHall();
    browser = await launchBrowser();
    page = await openPage(browser, `${t.url}/admin/`, fullHd);
    page.setDefaultTimeout(8000);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('shows sign-ins, the failed one in red, and the pad paired and revoked, newest first', async () => {
    await page.getByTestId('admin-login-number').fill('admin');
    await page.getByTestId('admin-login-password').fill('not-the-password');
    await page.getByTestId('admin-login-submit').click();
    await page.getByTestId('admin-error').filter({ hasText: '工号或密码错误' }).waitFor();
    await page.getByTestId('admin-login-password').fill(t.adminPassword);
    await page.getByTestId('admin-login-submit').click();
    await page.getByTestId('admin-user').waitFor();

    const clerk = await t.openWindow('1008', 8);
    await t.openWindow('1011', 11);
    const code = await page.request.post(`${t.url}/api/devices/pairing-codes`, { data: { role: 'pad', windowId: 5 } });
    expect(code.status()).toBe(201);
    const paired = await t.api('POST', '/api/devices/pair', { body: { code: (await code.json()).code, name: '5号窗口叫号器' } });
    expect(paired.status).toBe(201);
    expect((await page.request.post(`${t.url}/api/devices/${paired.body.device.id}/revoke`)).status()).toBe(200);
    // Tickets for the operations tab: more enquiries than a page holds, and two records tickets served at window 8.
    for (let i = 0; i < 104; i++) await issue(enquiries);
    await issue(records);
    await issue(records);
    for (const step of ['call-next', 'start', 'finish', 'call-next']) expect((await t.api('POST', `/api/windows/8/${step}`, { cookie: clerk })).status).toBe(200);

    await page.getByTestId('admin-nav-audit').click();
    await page.getByTestId('audit-tab-access').click();
    await page.getByTestId('audit-access-table').locator('tbody tr[data-action]').nth(6).waitFor();
    expect(await texts('audit-access-table')).toEqual([
      expect.stringMatching(/^[\d/ :]+管理员吊销设备「5号窗口叫号器」（叫号器，5号窗口）Revoked device "5号窗口叫号器" \(caller pad, window 5\)127\.0\.0\.1$/),
      expect.stringMatching(/叫号器 设备#\d+caller pad device #\d+设备「5号窗口叫号器」配对为叫号器：5号窗口Device "5号窗口叫号器" paired as caller pad: window 5/),
      expect.stringMatching(/管理员生成叫号器配对码：5号窗口Pairing code made for a caller pad: window 5/),
      expect.stringMatching(/工作人员11登录Signed in127\.0\.0\.1$/),
      expect.stringMatching(/工作人员08登录Signed in127\.0\.0\.1$/),
      expect.stringMatching(/管理员登录Signed in127\.0\.0\.1$/),
      expect.stringMatching(/未登录not signed in失败Failed工号 admin 登录失败：工号或密码错误Failed sign-in as admin: wrong staff number or password/),
    ]);
    expect(await rows('audit-access-table').evaluateAll((trs) => trs.map((tr) => tr.classList.contains('audit-failed')))).toEqual([false, false, false, false, false, false, true]);
    expect(page.url()).toContain('#/audit?tab=access');
    await screenshot(page, 'admin-audit-access-1920x1080');
  });

  it('narrows the operations log by window, ticket number and kind, and keeps the filters in the address', async () => {
    await page.getByTestId('audit-tab-operations').click();
    await page.getByTestId('audit-window').selectOption({ label: '8号窗口 Window 8' });
    const atWindow8 = await showsApi('&windowId=8');
    expect(atWindow8).toBe(5);
    for (const text of await texts('audit-table')) expect(text).toMatch(/8号窗口.*Window 8/);

    await page.getByTestId('audit-window').selectOption('');
    await page.getByTestId('audit-ticket').fill('f001');
    await page.getByTestId('audit-ticket').press('Enter');
    expect(await showsApi('&ticketNumber=F001')).toBe(4);
    expect(await texts('audit-table')).toEqual([
      expect.stringContaining('8号窗口 办结 F001Window 8 finished F001'), expect.stringContaining('8号窗口 开始办理 F001Window 8 started serving F001'),
      expect.stringContaining('8号窗口 呼叫 F001Window 8 called F001'), expect.stringContaining('取号 F001：不动产查询，渠道：取号机Ticket F001 issued: Property Records, channel: kiosk'),
    ]);
    await screenshot(page, 'admin-audit-ticket-1920x1080');

    await page.getByTestId('audit-clear').click();
    await page.getByTestId('audit-kind').selectOption('windows');
    expect(await showsApi('&kind=windows')).toBe(2);
    expect(await rows('audit-table').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-type')))).toEqual(['window.statusChanged', 'window.statusChanged']);
    // The address keeps the filters: a reload shows the same selection.
    expect(page.url()).toMatch(/#\/audit\?tab=operations&from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d&kind=windows$/);
    await page.reload();
    expect(await showsApi('&kind=windows')).toBe(2);
    expect(await page.getByTestId('audit-kind').inputValue()).toBe('windows');
  });

  it('pages back within the filter, and the CSV holds the rows the filter selects', async () => {
    await page.getByTestId('audit-kind').selectOption('tickets');
    await showsApi('&kind=tickets');
    expect(await rows('audit-table').count()).toBe(100);
    await page.getByTestId('audit-older').click();
    await rows('audit-table').nth(100).waitFor();
    const types = await rows('audit-table').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-type')));
    expect(types.length).toBe(110);
    expect(types.every((type) => type!.startsWith('ticket.'))).toBe(true);
    await page.getByTestId('audit-older').waitFor({ state: 'detached' });

    await page.getByTestId('audit-kind').selectOption('');
    await page.getByTestId('audit-window').selectOption({ label: '8号窗口 Window 8' });
    const shown = await showsApi('&windowId=8');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-csv').click()]);
    const csv = readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines[0]).toContain('时间 Time');
    expect(lines.slice(1).map((l) => `audit-${l.split(',')[0]}`)).toEqual(await rows('audit-table').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-testid'))));
    expect(lines).toHaveLength(shown + 1);
    expect(lines[1]).toContain('工作**** 1008');
  });

  it('fits 1366x768: the filter bar wraps, nothing runs off the panel', async () => {
    await page.setViewportSize(laptop);
    const overflow = () => page.evaluate(() => [...document.querySelectorAll('.audit-filters, .audit .panel-head')].filter((el) => el.scrollWidth > el.clientWidth).length);
    expect(await overflow()).toBe(0);
    await screenshot(page, 'admin-audit-operations-1366x768');
    // The window chosen on the other tab stays chosen (no device was paired at window 8): clear it.
    await page.getByTestId('audit-tab-access').click();
    await page.getByTestId('audit-empty').waitFor();
    await page.getByTestId('audit-clear').click();
    await page.getByTestId('audit-access-table').locator('tbody tr[data-action]').first().waitFor();
    expect(await overflow()).toBe(0);
    const table = await page.getByTestId('audit-access-table').evaluate((el) => ({ table: el.scrollWidth, box: el.parentElement!.clientWidth }));
    expect(table.table).toBeLessThanOrEqual(table.box);
    await screenshot(page, 'admin-audit-access-1366x768');
  });
});
