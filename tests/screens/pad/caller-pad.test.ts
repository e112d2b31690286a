import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, sizes } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { idNumber, kioskTicket, kioskTicketView, onlineTicket, serviceId, signIn, text, waitForText } from './pad-helpers.js';

// Window 8 of the demo hall serves 不动产查询 (BDC03, prefix F) as main and 不动产转移登记 (BDC01, prefix D) as backup.
describe('the caller pad at window 8', () => {
  let t: TestHall;
  let clockOffset = 0;
  let browser: Browser;
  let context: BrowserContext;
  let pad: Page;
  let records: number;
  let transfer: number;

  beforeAll(async () => {
    t = await startTestHall({ clock: () => Date.now() + clockOffset });
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: sizes.pad, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    pad = await context.newPage();
    records = await serviceId(t, 'BDC03');
    transfer = await serviceId(t, 'BDC01');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('lets staff sign in, choose the window and open it', async () => {
    await pad.goto(`${t.url}/pad/`);
    await signIn(pad, '1008', t.adminPassword);
    await pad.getByTestId('pad-pick-window-8').click();
    await pad.getByTestId('pad-open').click();
    await waitForText(pad, 'pad-window-status', '开放中');
    expect(await pad.getByTestId('pad-call-next').isDisabled()).toBe(true);
  });

  it('lists a ticket issued elsewhere and calls it with F1, showing the masked visitor', async () => {
    const number = await onlineTicket(t, records, '张三丰', idNumber('19800101', 1));
    await pad.getByTestId(`pad-waiting-${number}`).waitFor({ timeout: 2000 });
    await pad.keyboard.press('F1');
    await waitForText(pad, 'pad-current-number', number);
    await waitForText(pad, 'pad-current-status', '已呼叫');
    expect(await text(pad, 'pad-current-name')).toBe('张**');
    expect(await pad.getByTestId(`pad-waiting-${number}`).count()).toBe(0);
    expect(await pad.getByTestId('pad-call-next').isDisabled()).toBe(true);
    expect(await pad.getByTestId('pad-finish').isDisabled()).toBe(true);
  });

  it('starts and finishes, and the visitor-facing screen then offers the five rating levels', async () => {
    const rating = await context.newPage();
    await rating.setViewportSize({ width: 1024, height: 600 });
    await rating.goto(`${t.url}/pad/rate?window=8`);
    await rating.locator('[data-phase="idle"]').waitFor();
    await screenshot(rating, 'pad-rating-idle-1024x600');

    await pad.getByTestId('pad-start').click();
    await waitForText(pad, 'pad-current-status', '办理中');
    await screenshot(pad, 'pad-serving-1280x800');
    // No desktop bridge runs at this window: the pad says so in the server's words.
    await pad.getByTestId('pad-fill').click();
    await waitForText(pad, 'pad-error', '桌面助手未连接');
    await waitForText(pad, 'pad-error', 'not connected');
    await pad.getByTestId('pad-finish').click();
    await waitForText(pad, 'pad-count-served', '1');

    for (const level of [1, 2, 3, 4, 5]) await rating.getByTestId(`rate-${level}`).waitFor({ timeout: 2000 });
    expect(await text(rating, 'rate-5')).toContain('非常满意');
    expect(await text(rating, 'rate-1')).toContain('非常不满意');
    await screenshot(rating, 'pad-rating-1024x600');
    await rating.setViewportSize({ width: 800, height: 480 });
    await screenshot(rating, 'pad-rating-800x480');
    // A bad rating asks why before it is sent.
    await rating.getByTestId('rate-2').click();
    await rating.getByTestId('rate-reason-attitude').click();
    await screenshot(rating, 'pad-rating-reasons-800x480');
    expect(await rating.getByTestId('rate-submit').isDisabled()).toBe(false);
    await rating.getByTestId('rate-reason-attitude').click();
    expect(await rating.getByTestId('rate-submit').isDisabled()).toBe(true);
    await rating.getByText('返回').click();
    await rating.setViewportSize({ width: 1024, height: 600 });
    await rating.getByTestId('rate-5').click();
    await waitForText(rating, 'rate-thanks', '感谢您的评价');
    const admin = await t.login('admin');
    const listed = await t.api('GET', `/api/ratings?from=${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)}&to=${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}`, { cookie: admin });
    expect(listed.status, JSON.stringify(listed.body)).toBe(200);
    const ratings = listed.body as { level: number; windowId: number }[];
    expect(ratings.filter((r) => r.windowId === 8).map((r) => r.level)).toEqual([5]);
    await rating.close();
  });

  it('marks a no-show, counts it, and puts it back in the queue on request (过号顺延)', async () => {
    const first = await kioskTicket(t, records);
    const second = await kioskTicket(t, records);
    await pad.getByTestId(`pad-waiting-${second}`).waitFor();
    await pad.getByTestId('pad-call-next').click();
    await waitForText(pad, 'pad-current-number', first);
    await pad.getByTestId('pad-no-show').click();
    await waitForText(pad, 'pad-count-no-show', '1');
    await pad.getByTestId(`pad-requeue-${first}`).click();
    await pad.getByTestId(`pad-waiting-${first}`).waitFor();
    expect(await pad.getByTestId(`pad-requeue-${first}`).count()).toBe(0);
    // Back in the queue, the visitor is no longer a no-show, as the day's report will count it.
    await waitForText(pad, 'pad-count-no-show', '0');
  });

  it('transfers the visitor to another service, keeping the number', async () => {
    await pad.getByTestId('pad-call-next').click();
    await waitForText(pad, 'pad-current-status', '已呼叫');
    const number = await text(pad, 'pad-current-number');
    await pad.getByTestId('pad-transfer').click();
    await pad.getByTestId('pad-transfer-service-BDC01').click();
    await screenshot(pad, 'pad-transfer-dialog-1280x800');
    await pad.getByTestId('pad-transfer-confirm').click();
    await waitForText(pad, 'pad-count-transferred', '1');
    // BDC01 is a backup service of this window, so the visitor is back in its list under the same number.
    await waitForText(pad, `pad-waiting-${number}`, '不动产转移登记');
    const legs = (await t.api('GET', '/api/hall', { cookie: await t.login('admin') })).body.waiting
      .filter((w: { number: string }) => w.number === number);
    expect(legs.map((l: { serviceId: number }) => l.serviceId)).toEqual([transfer]);
  });

  it('calls a specific ticket out of order with a reason', async () => {
    const late = await kioskTicket(t, records);
    await pad.getByTestId(`pad-call-ticket-${late}`).click();
    await pad.getByTestId('pad-call-reason').fill('预约到场');
    await pad.getByTestId('pad-call-ticket-confirm').click();
    await waitForText(pad, 'pad-current-number', late);
    await pad.getByTestId('pad-start').click();
    await pad.getByTestId('pad-finish').click();
    await waitForText(pad, 'pad-count-served', '2');
  });

  it('shows the window\'s day as the hall holds it on a pad opened on another device', async () => {
    // More visitors than any screen's list of recent calls holds: only the hall knows the whole day.
    const clerk = await t.login('1008');
    for (let i = 0; i < 13; i++) {
      await kioskTicket(t, records);
      for (const step of ['call-next', 'start', 'finish']) expect((await t.api('POST', `/api/windows/8/${step}`, { cookie: clerk })).status).toBe(200);
    }
    await waitForText(pad, 'pad-count-served', '15');
    const other = await browser.newContext({ viewport: sizes.pad, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const second = await other.newPage();
    await second.goto(`${t.url}/pad/`);
    await signIn(second, '1008', t.adminPassword);
    await second.getByTestId('pad-pick-window-8').click();
    await waitForText(second, 'pad-count-served', '15');
    expect(await text(second, 'pad-count-no-show')).toBe('0');
    expect(await text(second, 'pad-count-transferred')).toBe('1');
    await other.close();
  });

  it('pauses with a reason and resumes', async () => {
    await pad.getByTestId('pad-pause').click();
    await pad.getByTestId('pad-pause-lunch').click();
    await waitForText(pad, 'pad-paused', '午休');
    await waitForText(pad, 'pad-window-status', '暂停');
    expect(await pad.getByTestId('pad-call-next').isDisabled()).toBe(true);
    await screenshot(pad, 'pad-paused-1280x800');
    await pad.getByTestId('pad-resume').click();
    await waitForText(pad, 'pad-window-status', '开放中');
  });

  it('shows the server\'s refusal in Chinese and English when another desk got there first', async () => {
    const late = await kioskTicketView(t, records);
    await pad.getByTestId(`pad-call-ticket-${late.number}`).click();
    await pad.getByTestId('pad-call-reason').fill('补充材料后返回');
    const cookie = await t.login('1012');
    await t.api('POST', '/api/windows/12/status', { cookie, body: { status: 'open' } });
    const taken = await t.api('POST', '/api/windows/12/call', { cookie, body: { ticketId: late.id, reason: 'test' } });
    expect(taken.status).toBe(200);
    await pad.getByTestId('pad-call-ticket-confirm').click();
    const error = pad.getByTestId('pad-error');
    await error.waitFor();
    expect(await error.getAttribute('data-code')).toBe('INVALID_TRANSITION');
    expect(await error.textContent()).toContain('已呼叫');
    expect(await error.textContent()).toContain('called');
    await pad.getByTestId('pad-dialog-cancel').click();
  });

  it('marks long waits yellow and red and priority visitors, and fits 1280x800 and 1024x768', async () => {
    const admin = await t.login('admin');
    const settings = (await t.api('GET', '/api/settings', { cookie: admin })).body;
    await t.api('PUT', '/api/settings', { cookie: admin, body: { ...settings, yellowWaitMinutes: 2, redWaitMinutes: 4 } });
    const disabled = (await t.api('GET', '/api/priority-classes', { cookie: admin })).body.find((c: { code: string }) => c.code === 'DISABLED').id;
    clockOffset = -5 * 60_000;
    const red = await kioskTicket(t, records);
    clockOffset = -3 * 60_000;
    const yellow = await kioskTicket(t, records);
    clockOffset = 0;
    const priority = await kioskTicket(t, records, disabled);
    await onlineTicket(t, transfer, '李四', idNumber('19900215', 2));
    await waitForText(pad, `pad-waiting-${red}`, '红灯');
    await waitForText(pad, `pad-waiting-${yellow}`, '黄灯');
    await waitForText(pad, `pad-waiting-${priority}`, '残疾人');
    // The marks in both languages, as everything else on the pad.
    expect(await text(pad, `pad-waiting-${red}`)).toContain('Red: overdue');
    expect(await text(pad, `pad-waiting-${yellow}`)).toContain('Yellow');
    expect(await text(pad, `pad-waiting-${priority}`)).toMatch(/优先·残疾人\s*Disabled/);
    await pad.getByTestId('pad-call-next').click();
    await waitForText(pad, 'pad-current-status', '已呼叫');
    await screenshot(pad, 'pad-desk-1280x800');
    expect(await fitsViewport(pad)).toEqual({ overflowX: false, buttonsInView: true });
    await pad.setViewportSize({ width: 1024, height: 768 });
    await screenshot(pad, 'pad-desk-1024x768');
    expect(await fitsViewport(pad)).toEqual({ overflowX: false, buttonsInView: true });
  });
});

/** Nothing wider than the screen, and every action button fully on it. */
async function fitsViewport(page: Page): Promise<{ overflowX: boolean; buttonsInView: boolean }> {
  return page.evaluate(() => ({
    overflowX: document.documentElement.scrollWidth > window.innerWidth,
    buttonsInView: [...document.querySelectorAll('.action-btn')].every((b) => {
      const r = b.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
    }),
  }));
}
