import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';

const fullHd = { width: 1920, height: 1080 };

describe('the admin screens', () => {
  let t: TestHall;
  let browser: Browser;
  let page: Page;
  let admin: string;
  let clockOffset = 0;

  beforeAll(async () => {
    t = await startTestHall({ clock: () => Date.now() + clockOffset });
    admin = await t.login('admin');
    browser = await launchBrowser();
    page = await openPage(browser, `${t.url}/admin/`, fullHd);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const go = async (hash: string) => {
    await page.getByTestId(`admin-nav-${hash}`).click();
  };

  it('turns window staff away and lets the admin in', async () => {
    await page.getByTestId('admin-login-number').fill('1001');
    await page.getByTestId('admin-login-password').fill(t.adminPassword);
    await page.getByTestId('admin-login-submit').click();
    await page.getByTestId('admin-error').filter({ hasText: '仅限管理员' }).waitFor();
    await page.getByTestId('admin-login-number').fill('admin');
    await page.getByTestId('admin-login-submit').click();
    await page.getByTestId('admin-user').waitFor();
  });

  it('creates a service with lunch-break hours and quotas through the form', async () => {
    await go('services');
    await page.getByTestId('admin-services-row-10').waitFor();
    await page.getByTestId('admin-services-new').click();
    await page.getByTestId('service-code').fill('ZH05');
    await page.getByTestId('service-prefix').fill('l');
    await page.getByTestId('service-area').selectOption({ label: '综合受理 General Services' });
    await page.getByTestId('service-name-zh').fill('出入境证件');
    await page.getByTestId('service-name-en').fill('Exit-entry Permits');
    await page.getByTestId('service-hall-hours').uncheck();
    await page.getByTestId('service-daily-quota').fill('120');
    await page.getByTestId('service-minutes').fill('9');
    await page.getByTestId('service-online').uncheck();
    await page.getByTestId('admin-services-save').click();
    await page.getByTestId('admin-saved').waitFor();
    await screenshot(page, 'admin-services-1920x1080');

    const services = (await t.api('GET', '/api/services', { cookie: admin })).body;
    const made = services.find((s: { code: string }) => s.code === 'ZH05');
    expect(made).toMatchObject({ prefix: 'L', dailyQuota: 120, defaultHandlingMinutes: 9, onlineAllowed: false, name: { zh: '出入境证件' } });
    expect(made.hours.sessions).toEqual([{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:00' }]);
  });

  it('shows the server\'s own words when a prefix is already taken', async () => {
    await page.getByTestId('admin-services-new').click();
    await page.getByTestId('service-code').fill('ZH06');
    await page.getByTestId('service-prefix').fill('A');
    await page.getByTestId('service-name-zh').fill('重复前缀');
    await page.getByTestId('admin-services-save').click();
    const error = page.getByTestId('admin-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('DUPLICATE');
    expect(await error.textContent()).toContain('已被使用');
    expect(await error.textContent()).toContain('already in use');
  });

  it('creates a window serving the new service as main and enquiries as backup', async () => {
    await go('windows');
    await page.getByTestId('admin-windows-row-12').waitFor();
    await page.getByTestId('admin-windows-new').click();
    expect(await page.getByTestId('window-number').inputValue()).toBe('13');
    await page.getByTestId('window-area').selectOption({ label: '综合受理 General Services' });
    await page.getByTestId('window-tier-ZH05-1').check();
    await page.getByTestId('window-tier-ZH04-2').check();
    await page.getByTestId('admin-windows-save').click();
    await page.getByTestId('admin-saved').waitFor();
    await screenshot(page, 'admin-windows-1920x1080');

    const windows = (await t.api('GET', '/api/windows', { cookie: admin })).body;
    const services = (await t.api('GET', '/api/services', { cookie: admin })).body;
    const id = (code: string) => services.find((s: { code: string }) => s.code === code).id;
    const made = windows.find((w: { number: number }) => w.number === 13);
    expect(made.name).toEqual({ zh: '13号窗口', en: 'Window 13' });
    expect(made.services).toEqual(expect.arrayContaining([{ serviceId: id('ZH05'), tier: 1 }, { serviceId: id('ZH04'), tier: 2 }]));
  });

  it('creates a staff member who can then sign in, and deactivates them', async () => {
    await go('staff');
    await page.getByTestId('admin-staff-new').click();
    await page.getByTestId('staff-number').fill('2001');
    await page.getByTestId('staff-name').fill('王芳');
    await page.getByTestId('staff-supervisor').selectOption({ label: '值班长（S01）' });
    await page.getByTestId('staff-password').fill('window-2001-pass');
    await page.getByTestId('admin-staff-save').click();
    await page.getByTestId('admin-saved').waitFor();
    const login = await t.api('POST', '/api/auth/login', { body: { staffNumber: '2001', password: 'window-2001-pass' } });
    expect(login.status).toBe(200);
    // One click asks first, naming whom; only the answer 停用 deactivates.
    await page.getByTestId('staff-deactivate-2001').click();
    const ask = page.getByTestId('admin-confirm');
    expect(await ask.textContent()).toContain('停用工作人员 王芳（2001）？');
    await screenshot(page, 'admin-staff-confirm-1920x1080');
    await page.getByTestId('admin-confirm-no').click();
    await ask.waitFor({ state: 'detached' });
    expect((await t.api('POST', '/api/auth/login', { body: { staffNumber: '2001', password: 'window-2001-pass' } })).status).toBe(200);
    await page.getByTestId('staff-deactivate-2001').click();
    await page.getByTestId('admin-confirm-yes').click();
    await page.getByTestId('staff-deactivate-2001').waitFor({ state: 'detached' });
    await screenshot(page, 'admin-staff-1920x1080');
    const refused = await t.api('POST', '/api/auth/login', { body: { staffNumber: '2001', password: 'window-2001-pass' } });
    expect(refused.body).toMatchObject({ code: 'ACCOUNT_DEACTIVATED' });
  });

  it('creates a pairing code that a pad can spend', async () => {
    await go('devices');
    await page.getByTestId('device-role').selectOption('pad');
    await page.getByTestId('device-place').selectOption({ label: '13号窗口 Window 13' });
    await page.getByTestId('admin-pairing-create').click();
    const code = (await page.getByTestId('admin-pairing-code').textContent({ timeout: 5000 })) ?? '';
    expect(code).toMatch(/^\d{8}$/);
    await screenshot(page, 'admin-devices-1920x1080');
    const paired = await t.api('POST', '/api/devices/pair', { body: { code, name: '13号评价器' } });
    expect(paired.status).toBe(201);
  });

  it('shows each window\'s current number live, and waits past the thresholds in yellow and red', async () => {
    const staff = await t.openWindow('1012', 12);
    await t.api('POST', '/api/windows/9/status', { cookie: await t.login('1009'), body: { status: 'paused', reason: 'lunch' } });
    const enquiries = (await t.api('GET', '/api/services', { cookie: admin })).body.find((s: { code: string }) => s.code === 'ZH04').id;
    const records = (await t.api('GET', '/api/services', { cookie: admin })).body.find((s: { code: string }) => s.code === 'BDC03').id;
    clockOffset = -45 * 60_000;
    await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: enquiries } });
    clockOffset = -25 * 60_000;
    await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: records } });
    clockOffset = 0;
    await go('monitor');
    await page.getByTestId('monitor-window-12').waitFor();
    const called = await t.api('POST', '/api/windows/12/call-next', { cookie: staff });
    expect(called.status).toBe(200);
    await page.getByTestId('monitor-window-12-current').filter({ hasText: called.body.number }).waitFor({ timeout: 2000 });
    await page.getByTestId('monitor-service-BDC03').filter({ hasText: '黄灯' }).waitFor();
    await screenshot(page, 'admin-monitor-1920x1080');
  });

  it('changes the hall settings and keeps what the page does not show', async () => {
    const before = (await t.api('GET', '/api/settings', { cookie: admin })).body;
    await go('settings');
    await page.getByTestId('settings-yellow').fill('15');
    await page.getByTestId('settings-red').fill('30');
    await page.getByTestId('admin-settings-save').click();
    await page.getByTestId('admin-saved').waitFor();
    await screenshot(page, 'admin-settings-1920x1080');
    const after = (await t.api('GET', '/api/settings', { cookie: admin })).body;
    expect(after).toEqual({ ...before, yellowWaitMinutes: 15, redWaitMinutes: 30 });
  });

  it('lists the audit log newest first, in readable Chinese', async () => {
    await go('audit');
    const first = page.locator('[data-testid="audit-table"] tbody tr').first();
    await first.waitFor();
    expect(await first.textContent()).toContain('修改大厅设置');
    expect(await page.getByTestId('audit-table').textContent()).toContain('12号窗口 呼叫');
    expect(await page.getByTestId('audit-table').textContent()).toContain('工作人员12（工作人员）');
    await screenshot(page, 'admin-audit-1920x1080');
  });
});
