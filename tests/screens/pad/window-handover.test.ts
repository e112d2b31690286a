import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type ScreenSize } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { idNumber, onlineTicket, padAtPicker, serviceId, text, waitForText } from './pad-helpers.js';

const wide: ScreenSize = { width: 1366, height: 768 };
const pad: ScreenSize = { width: 1280, height: 800 };

async function windowOne(t: TestHall): Promise<{ status: string; staffName: string | null }> {
  const hall = await t.api('GET', '/api/hall', { cookie: await t.login('admin') });
  return hall.body.windows.find((w: { number: number }) => w.number === 1);
}

/** The picker's cards, row by row (by their top edge), with their heights. */
async function cardHeightsByRow(page: Page): Promise<number[][]> {
  return page.evaluate(() => {
    const rows = new Map<number, number[]>();
    for (const card of document.querySelectorAll('.window-card')) {
      const r = card.getBoundingClientRect();
      rows.set(Math.round(r.top), [...(rows.get(Math.round(r.top)) ?? []), Math.round(r.height)]);
    }
    return [...rows.values()];
  });
}

/** The open dialog and its buttons lie wholly on the screen. */
async function dialogFits(page: Page): Promise<boolean> {
  return page.evaluate(() => [...document.querySelectorAll('.modal, .modal button')].every((e) => {
    const r = e.getBoundingClientRect();
    return r.top >= 0 && r.left >= 0 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
  }));
}

// The QA report's steps: 1001 at window 1 with A-ticket called, 1002 on a second pad picks window 1.
describe('handing a window over between clerks, and leaving it', () => {
  let t: TestHall;
  let browser: Browser;
  let first: Page;
  let second: Page;
  let calledNumber: string;

  beforeAll(async () => {
    t = await startTestHall();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('shows on the picker who staffs each window, with the area in both languages and cards of even height', async () => {
    first = await padAtPicker(browser, t, '1001', pad);
    await first.getByTestId('pad-pick-window-1').click();
    await first.getByTestId('pad-open').click();
    await waitForText(first, 'pad-window-status', '开放中');
    calledNumber = await onlineTicket(t, await serviceId(t, 'SB01'), '张三丰', idNumber('19800101', 1));
    await first.getByTestId(`pad-waiting-${calledNumber}`).waitFor();
    await first.keyboard.press('F1');
    await waitForText(first, 'pad-current-number', calledNumber);

    second = await padAtPicker(browser, t, '1002', wide);
    await waitForText(second, 'pad-pick-status-1', '工作人员01');
    expect(await text(second, 'pad-pick-status-1')).toContain('开放中');
    expect(await text(second, 'pad-pick-window-1')).toContain('Social Security');
    expect(await text(second, 'pad-pick-window-2')).toContain('未开放');
    await screenshot(second, 'pad-picker-staffed-1366x768');
    for (const row of await cardHeightsByRow(second)) expect(new Set(row).size, `heights ${row}`).toBe(1);
    await second.setViewportSize(pad);
    await screenshot(second, 'pad-picker-staffed-1280x800');
    for (const row of await cardHeightsByRow(second)) expect(new Set(row).size, `heights ${row}`).toBe(1);
  });

  it('asks before taking over a colleague\'s window, and a cancel leaves everything as it was', async () => {
    await second.getByTestId('pad-pick-window-1').click();
    const dialog = second.getByTestId('pad-take-over-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('接管窗口？');
    expect(await dialog.textContent()).toContain('Take over window 1 from 工作人员01?');
    await screenshot(second, 'pad-take-over-ask-1280x800');
    await second.getByTestId('pad-dialog-cancel').click();
    expect(await second.getByTestId('pad-take-over-dialog').count()).toBe(0);
    expect(await windowOne(t)).toMatchObject({ status: 'open', staffName: '工作人员01' });
  });

  it('takes the window over: the new clerk serves the visitor, the old pad leaves with a clear message', async () => {
    await second.getByTestId('pad-pick-window-1').click();
    await second.getByTestId('pad-take-over-confirm').click();
    await waitForText(second, 'pad-current-number', calledNumber);
    expect(await text(second, 'pad-current-status')).toContain('已呼叫');
    expect(await windowOne(t)).toMatchObject({ status: 'open', staffName: '工作人员02' });

    await waitForText(first, 'pad-taken-over', '1号窗口已由 工作人员02 接管');
    expect(await text(first, 'pad-taken-over')).toContain('Window 1 was taken over by 工作人员02');
    expect(await first.getByTestId('pad-call-next').count()).toBe(0);
    await screenshot(first, 'pad-taken-over-1280x800');
  });

  it('will not sign out and close the window while a visitor is at the counter', async () => {
    await second.keyboard.press('F3');
    await waitForText(second, 'pad-current-status', '办理中');
    await second.getByTestId('pad-sign-out').click();
    const dialog = second.getByTestId('pad-sign-out-dialog');
    expect(await dialog.textContent()).toContain('退出并关闭1号窗口？');
    expect(await dialog.textContent()).toContain('Sign out and close window 1?');
    await second.getByTestId('pad-sign-out-confirm').click();
    await waitForText(second, 'pad-error', calledNumber);
    expect(await second.getByTestId('pad-error').getAttribute('data-code')).toBe('WINDOW_BUSY');
    expect(await text(second, 'pad-sign-out-busy')).toContain('请先办结或标记过号');
    await screenshot(second, 'pad-sign-out-busy-1280x800');
    await second.setViewportSize(wide);
    expect(await dialogFits(second)).toBe(true);
    await screenshot(second, 'pad-sign-out-busy-1366x768');
    await second.getByTestId('pad-dialog-cancel').click();
    expect(await text(second, 'pad-current-status')).toContain('办理中');
    expect(await windowOne(t)).toMatchObject({ status: 'open', staffName: '工作人员02' });
  });

  it('signs out once the visitor is dealt with, closing the window on every screen', async () => {
    await second.keyboard.press('F4');
    await waitForText(second, 'pad-count-served', '1');
    await second.getByTestId('pad-sign-out').click();
    await second.getByTestId('pad-sign-out-confirm').click();
    await second.getByTestId('pad-login-number').waitFor();
    expect(await windowOne(t)).toMatchObject({ status: 'closed', staffName: null });
  });

  it('switching to another window closes the one left, so it does not stay open with nobody behind it', async () => {
    const windowTwo = async () => (await t.api('GET', '/api/hall', { cookie: await t.login('admin') })).body.windows.find((w: { number: number }) => w.number === 2);
    await first.getByTestId('pad-pick-window-2').click();
    await first.getByTestId('pad-open').click();
    await waitForText(first, 'pad-window-status', '开放中');
    await first.getByTestId('pad-switch').click();
    const dialog = first.getByTestId('pad-switch-dialog');
    expect(await dialog.textContent()).toContain('关闭2号窗口并更换窗口？');
    expect(await dialog.textContent()).toContain('Close window 2 and switch?');
    await first.getByTestId('pad-switch-confirm').click();
    await first.getByTestId('pad-pick-window-1').waitFor();
    expect(await windowTwo()).toMatchObject({ status: 'closed', staffName: null });
  });

  it('signing out from the picker closes a window the clerk still staffs (a pad reloaded without its place)', async () => {
    const windowThree = async () => (await t.api('GET', '/api/hall', { cookie: await t.login('admin') })).body.windows.find((w: { number: number }) => w.number === 3);
    await first.getByTestId('pad-pick-window-3').click();
    await first.getByTestId('pad-open').click();
    await waitForText(first, 'pad-window-status', '开放中');
    await first.evaluate(() => localStorage.clear());
    await first.reload();
    await first.getByTestId('pad-pick-window-3').waitFor();
    await waitForText(first, 'pad-pick-status-3', '本人');
    await first.getByTestId('pad-sign-out').click();
    expect(await first.getByTestId('pad-sign-out-dialog').textContent()).toContain('退出并关闭3号窗口？');
    await first.getByTestId('pad-sign-out-confirm').click();
    await first.getByTestId('pad-login-number').waitFor();
    expect(await windowThree()).toMatchObject({ status: 'closed', staffName: null });
  });
});

// Window 2 serves 医保报销 (SB02) as main and 社保参保登记 (SB01) as backup; 1003 works window 5 (不动产转移登记 BDC01).
describe('the transfer dialog says who would call the visitor now', () => {
  let t: TestHall;
  let browser: Browser;
  let desk: Page;
  let reimbursement: number;

  beforeAll(async () => {
    t = await startTestHall();
    browser = await launchBrowser();
    await t.openWindow('1003', 5);
    reimbursement = await serviceId(t, 'SB02');
    desk = await padAtPicker(browser, t, '1001', pad);
    await desk.getByTestId('pad-pick-window-2').click();
    await desk.getByTestId('pad-open').click();
    await waitForText(desk, 'pad-window-status', '开放中');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  async function callOne(serial: number): Promise<string> {
    const number = await onlineTicket(t, reimbursement, '李四', idNumber('19900215', serial));
    await desk.getByTestId(`pad-waiting-${number}`).waitFor();
    await desk.keyboard.press('F1');
    await waitForText(desk, 'pad-current-number', number);
    return number;
  }

  it('marks windows and services open or not, and warns before sending a visitor where nobody calls them', async () => {
    await callOne(2);
    await desk.keyboard.press('F6');
    await waitForText(desk, 'pad-transfer-service-BDC01', '开放窗口：5号');
    expect(await text(desk, 'pad-transfer-service-SB03')).toContain('暂无开放窗口');
    expect(await text(desk, 'pad-transfer-service-SB01')).toContain('开放窗口：2号');

    await desk.getByTestId('pad-transfer-mode-window').click();
    expect(await text(desk, 'pad-transfer-window-5')).toContain('开放中 · 工作人员03');
    expect(await text(desk, 'pad-transfer-window-3')).toContain('未开放');
    await screenshot(desk, 'pad-transfer-windows-1280x800');
    await desk.getByTestId('pad-transfer-window-3').click();
    await desk.getByTestId('pad-transfer-confirm').click();
    await waitForText(desk, 'pad-transfer-warning', '3号窗口目前未开放，群众将等候至该窗口开放');
    await desk.getByTestId('pad-transfer-rechoose').click();

    await desk.getByTestId('pad-transfer-mode-service').click();
    await desk.getByTestId('pad-transfer-service-SB03').click();
    await desk.getByTestId('pad-transfer-confirm').click();
    await waitForText(desk, 'pad-transfer-warning', '目前没有开放窗口办理该业务，群众将等候至有窗口开放');
    expect(await text(desk, 'pad-transfer-warning')).toContain('No open window serves this now; the visitor will wait until one opens');
    expect(await text(desk, 'pad-count-transferred')).toContain('0');
    expect(await dialogFits(desk)).toBe(true);
    await screenshot(desk, 'pad-transfer-warning-1280x800');
    await desk.setViewportSize(wide);
    expect(await dialogFits(desk)).toBe(true);
    await screenshot(desk, 'pad-transfer-warning-1366x768');
    await desk.getByTestId('pad-transfer-anyway').click();
    await waitForText(desk, 'pad-count-transferred', '1');
    await desk.setViewportSize(pad);
  });

  it('sends a visitor to a service an open window serves without asking again', async () => {
    const number = await callOne(3);
    await desk.keyboard.press('F6');
    await waitForText(desk, 'pad-transfer-service-BDC01', '开放窗口：5号');
    await desk.getByTestId('pad-transfer-service-BDC01').click();
    await desk.getByTestId('pad-transfer-confirm').click();
    await waitForText(desk, 'pad-count-transferred', '2');
    expect(await desk.getByTestId('pad-transfer-warning').count()).toBe(0);
    const waiting = (await t.api('GET', '/api/hall', { cookie: await t.login('admin') })).body.waiting;
    expect(waiting.find((w: { number: string }) => w.number === number)?.serviceName.zh).toBe('不动产转移登记');
  });
});
