import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { seriousAxeFindings } from '../kiosk/screen-checks.js';
import { idNumber, openPhone, rang, shoot, takeOnline, withBadCheckDigit } from './phone-fixture.js';

describe('the phone page, 360 px wide', () => {
  let t: TestHall;
  let browser: Browser;
  let page: Page;
  let staff: string;
  let token = '';
  let second = '';

  beforeAll(async () => {
    t = await startTestHall();
    browser = await launchBrowser();
    staff = await t.login('1001');
    page = await openPhone(browser, `${t.url}/m/`);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('lists only the services that take online tickets', async () => {
    await page.getByTestId('phone-service-SB01').waitFor();
    expect(await page.getByTestId('phone-service-SB03').count()).toBe(0);
    expect(await page.getByTestId('phone-service-ZH04').count()).toBe(0);
    await shoot(page, 'phone-take');
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('rejects an ID number with a bad check digit on the page, before anything is sent', async () => {
    const posted: string[] = [];
    page.on('request', (r) => { if (r.method() === 'POST') posted.push(r.url()); });
    await page.getByTestId('phone-service-SB01').click();
    await page.getByTestId('phone-name').fill('张三');
    await page.getByTestId('phone-id-number').fill(withBadCheckDigit(idNumber('1990-01-01', '123')));
    await page.getByTestId('phone-submit').click();
    await expect.poll(() => page.getByTestId('phone-id-problem').textContent()).toContain('校验位不正确');
    expect(await page.getByTestId('phone-id-number').getAttribute('aria-invalid')).toBe('true');
    expect(posted).toEqual([]);
    await shoot(page, 'phone-bad-check-digit');
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('takes a ticket online with name and ID number and shows its live position', async () => {
    // Window 1, which serves SB01, is open: a visitor first in line there is next (with none open, see no-window-open).
    expect((await t.api('POST', '/api/windows/1/status', { cookie: staff, body: { status: 'open' } })).status).toBe(200);
    token = await takeOnline(page, t, 'SB01', '张三', idNumber('1990-01-01', '123'));
    const status = page.getByTestId('phone-status');
    expect(await status.getAttribute('data-status')).toBe('waiting');
    await expect.poll(() => page.getByTestId('phone-position').textContent()).toBe('0 人');
    expect(await page.locator('.number').textContent()).toBe('A001');
    // First in line as soon as it is taken: the banner says so, but the phone does not ring for what it just showed.
    expect(await page.getByTestId('phone-alert').textContent()).toContain('下一位就是您');
    expect((await rang(page)).vibrate).toEqual([]);
    const server = await t.api('GET', `/api/visits/${token}`);
    expect(server.body.ticket.person.nameMasked).toBe('张*');
    await shoot(page, 'phone-ticket-waiting');
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('follows its ticket to "called" when staff call it, and alerts by banner, vibration and notification', async () => {
    await page.getByTestId('phone-alerts').click();
    await expect.poll(() => page.locator('.alerts-on').count()).toBe(1);
    expect((await t.api('POST', '/api/windows/1/status', { cookie: staff, body: { status: 'open' } })).status).toBe(200);
    const called = await t.api('POST', '/api/windows/1/call-next', { cookie: staff });
    expect(called.body.number).toBe('A001');
    const status = page.getByTestId('phone-status');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 5000 }).toBe('called');
    expect(await status.textContent()).toContain('请到 1号窗口 办理');
    expect(await page.getByTestId('phone-alert').textContent()).toContain('1号窗口');
    // The banner is drawn first; vibration and the notification follow in the page's effect.
    await expect.poll(async () => (await rang(page)).vibrate.length).toBe(1);
    const seen = await rang(page);
    expect(seen.notified.some((title) => title.startsWith('A001') && title.includes('请到 1号窗口'))).toBe(true);
    await shoot(page, 'phone-ticket-called');
    expect(await seriousAxeFindings(page)).toEqual([]);
  });

  it('rings again when the visitor is called a second time', async () => {
    expect((await t.api('POST', '/api/windows/1/recall', { cookie: staff })).status).toBe(200);
    await expect.poll(async () => (await rang(page)).vibrate.length, { timeout: 5000 }).toBe(2);
  });

  it('rings once when the visitor becomes third in line', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await t.api('POST', '/api/tickets', { body: { serviceId: 2, identity: { name: `访客${i}`, idNumber: idNumber(`1970-01-0${i + 1}`, '777') } } });
      expect(res.status).toBe(201);
    }
    second = await takeOnline(page, t, 'SB02', '李四', idNumber('1985-06-15', '456'));
    expect(await page.locator('.number').textContent()).toBe('B004');
    await expect.poll(() => page.getByTestId('phone-position').textContent(), { timeout: 5000 }).toBe('3 人');
    expect(await page.getByTestId('phone-alert').count()).toBe(0);
    const before = (await rang(page)).vibrate.length;
    for (const step of ['start', 'finish', 'call-next']) {
      expect((await t.api('POST', `/api/windows/1/${step}`, { cookie: staff })).status).toBe(200);
    }
    await expect.poll(() => page.getByTestId('phone-position').textContent(), { timeout: 5000 }).toBe('2 人');
    expect(await page.getByTestId('phone-alert').textContent()).toContain('快到您了：前面还有 2 人');
    await expect.poll(async () => (await rang(page)).vibrate.length).toBe(before + 1);
    await shoot(page, 'phone-ticket-near');
  });

  it('cancels a waiting ticket only after the visitor confirms', async () => {
    await page.getByTestId('phone-cancel').click();
    await page.getByTestId('phone-cancel-confirm').waitFor();
    expect((await t.api('GET', `/api/visits/${second}`)).body.ticket.status).toBe('waiting');
    await shoot(page, 'phone-cancel-confirm');
    expect(await seriousAxeFindings(page)).toEqual([]);
    await page.getByTestId('phone-cancel-yes').click();
    await expect.poll(() => page.getByTestId('phone-status').getAttribute('data-status')).toBe('cancelled');
    expect((await t.api('GET', `/api/visits/${second}`)).body.ticket.status).toBe('cancelled');
    expect(await page.getByTestId('phone-cancel').count()).toBe(0);
    await shoot(page, 'phone-ticket-cancelled');
  });

  it('finds its way back to today\'s tickets, and says so plainly for a link that leads nowhere', async () => {
    await page.goto(`${t.url}/m/`);
    await page.locator('.my-tickets a', { hasText: 'A001' }).click();
    await page.waitForURL(`${t.url}/m/t/${token}`);
    // Served and finished while the visitor followed their second ticket.
    await expect.poll(() => page.getByTestId('phone-status').getAttribute('data-status')).toBe('done');
    await page.goto(`${t.url}/m/t/${'x'.repeat(43)}`);
    await expect.poll(() => page.getByTestId('phone-missing').textContent()).toContain('未找到该票号');
  });
});
