import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, sizes } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { announcements, openBoard, seenCallAt, waitForAnnouncements, watchForCall } from './board-fixture.js';
import { visitor } from './visitors.js';

describe('the display board on the hall wall', () => {
  let t: TestHall;
  let browser: Browser;
  let page: Page;
  let staff: string;

  beforeAll(async () => {
    t = await startTestHall();
    browser = await launchBrowser();
    staff = await t.login('1001');
    page = await openBoard(browser, t, sizes.board);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const open = (windowId: number) => t.api('POST', `/api/windows/${windowId}/status`, { cookie: staff, body: { status: 'open' } });
  const issue = async (serviceId: number, n: number) => {
    const res = await t.api('POST', '/api/tickets', { body: { serviceId, identity: visitor(n) } });
    expect(res.status).toBe(201);
    return res.body.ticket.number as string;
  };

  it('keeps its device token out of the address bar', async () => {
    expect(page.url()).not.toContain('token=');
    expect(await page.evaluate(() => localStorage.getItem('hall.board.deviceToken'))).toBe(t.boardToken);
  });

  it('shows a call large within a second of the staff call, with the masked name, and queues it digit by digit', async () => {
    expect((await open(1)).status).toBe(200);
    const number = await issue(1, 0);
    expect(number).toBe('A001');
    await watchForCall(page, number);
    const sentAt = Date.now();
    const called = await t.api('POST', '/api/windows/1/call-next', { cookie: staff });
    const repliedAt = Date.now();
    expect(called.body.number).toBe(number);

    const shownAt = await seenCallAt(page);
    const afterReply = shownAt - repliedAt;
    console.info(`call -> board: ${afterReply} ms after the call's reply (${shownAt - sentAt} ms after the request)`);
    expect(afterReply).toBeLessThan(1000);

    const latest = page.getByTestId('board-latest-call');
    await expect.poll(() => latest.textContent()).toContain('请到 1 号窗口');
    const text = (await latest.textContent())!;
    expect(text).toContain('Please go to Window 1');
    expect(text).toContain(`${visitor(0).name[0]}*`);
    expect(text).not.toContain(visitor(0).name);
    await screenshot(page, 'board-new-call-1920x1080');
    await waitForAnnouncements(page, '请 A 零 零 一 号 到 一 号窗口 办理', 1);
    await expect.poll(async () => page.getByTestId('board-announcements').textContent()).toContain('请 A 零 零 一 号 到 一 号窗口 办理');
  });

  it('plays the announcement with a chime and the offline voice when no voice pack or local voice is there', async () => {
    await waitForAnnouncements(page, '请 A 零 零 一 号 到 一 号窗口 办理', 1, 'done', 15_000);
    const [first] = await announcements(page);
    expect(first).toMatchObject({ kind: 'call', status: 'done', source: 'server' });
  });

  it('queues the announcement again when the staff recall', async () => {
    expect((await t.api('POST', '/api/windows/1/recall', { cookie: staff })).status).toBe(200);
    await waitForAnnouncements(page, '请 A 零 零 一 号 到 一 号窗口 办理', 2);
    const list = await announcements(page);
    expect(list.map((a) => a.kind)).toEqual(['call', 'recall']);
    await expect.poll(() => page.getByTestId('board-latest-call').textContent()).toContain('重复呼叫');
  });

  it("shows every window's ticket and status in words", async () => {
    const tile = (n: number) => page.getByTestId(`board-window-${n}`);
    await expect.poll(() => tile(1).getAttribute('data-status')).toBe('calling');
    expect(await tile(1).textContent()).toContain('呼叫中');
    expect(await tile(1).textContent()).toContain('A001');

    expect((await t.api('POST', '/api/windows/1/start', { cookie: staff })).status).toBe(200);
    await expect.poll(() => tile(1).textContent()).toContain('办理中');

    expect((await open(2)).status).toBe(200);
    await expect.poll(() => tile(2).textContent()).toContain('空闲');
    expect((await t.api('POST', '/api/windows/2/status', { cookie: staff, body: { status: 'paused', reason: 'lunch' } })).status).toBe(200);
    await expect.poll(() => tile(2).textContent()).toContain('暂停(午休)');
    expect(await tile(3).textContent()).toContain('未开放');
  });

  it('counts the people waiting for each service', async () => {
    const counter = page.getByTestId('board-waiting-SB02');
    await expect.poll(() => counter.textContent()).toContain('0 人');
    await issue(2, 1);
    await issue(2, 2);
    await expect.poll(() => counter.textContent()).toContain('2 人');
  });

  it('keeps a finished call on the card, and takes a no-show off it while the list still shows the number', async () => {
    const latest = page.getByTestId('board-latest-call');
    expect((await t.api('POST', '/api/windows/1/finish', { cookie: staff })).status).toBe(200);
    await expect.poll(() => page.getByTestId('board-window-1').textContent()).toContain('空闲');
    expect(await latest.textContent()).toContain('A001');

    const called = await t.api('POST', '/api/windows/1/call-next', { cookie: staff });
    expect(called.status).toBe(200);
    const number = called.body.number as string;
    await expect.poll(() => latest.textContent()).toContain(number);
    expect((await t.api('POST', '/api/windows/1/no-show', { cookie: staff })).status).toBe(200);
    await expect.poll(() => latest.textContent()).toContain('暂无呼叫');
    expect(await latest.textContent()).not.toContain('请到');
    expect(await page.getByTestId('board-recent-calls').textContent()).toContain(number);
    await screenshot(page, 'board-call-over-1920x1080');
  });
});
