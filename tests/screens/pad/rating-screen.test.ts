import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type ScreenSize } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { idNumber } from './pad-helpers.js';

// The small screen facing the visitor at window 1 of the demo hall (社保参保登记, service 1), a paired rating pad.
describe('the rating screen /pad/rate facing the visitor', () => {
  let t: TestHall;
  let browser: Browser;
  let staff: string;
  let admin: string;
  let padToken: string;
  let visitor = 0;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    t = await startTestHall();
    browser = await launchBrowser();
    [staff, admin] = await Promise.all([t.openWindow('1001', 1), t.login('admin')]);
    const code = await t.api('POST', '/api/devices/pairing-codes', { cookie: admin, body: { role: 'pad', windowId: 1 } });
    padToken = (await t.api('POST', '/api/devices/pair', { body: { code: code.body.code, name: '评价器' } })).body.token;
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  /** The rating screen as the window's pad opens it; with fakeClock the test moves the screen's time. */
  async function openRatingScreen(size: ScreenSize, fakeClock = false): Promise<Page> {
    const context = await browser.newContext({ viewport: size, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    contexts.push(context);
    if (fakeClock) await context.clock.install();
    const page = await context.newPage();
    // The screen hears of a finish over its socket: the test finishes a visit only once the hall has answered it.
    const following = page.waitForEvent('websocket').then((ws) => ws.waitForEvent('framereceived'));
    await page.goto(`${t.url}/pad/rate?token=${padToken}`);
    await page.locator('[data-phase="idle"]').waitFor();
    await following;
    return page;
  }

  /** A visitor served and finished at window 1; the screen then asks them. Returns the ticket's id. */
  async function finishVisit(page: Page): Promise<number> {
    visitor += 1;
    const issued = await t.api('POST', '/api/tickets', { body: { serviceId: 1, identity: { name: '王小明', idNumber: idNumber('19750505', visitor) } } });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    for (const step of ['call-next', 'start', 'finish']) expect((await t.api('POST', `/api/windows/1/${step}`, { cookie: staff })).status).toBe(200);
    await page.getByTestId('rate-1').waitFor();
    return issued.body.ticket.id;
  }

  async function ratingOf(ticketId: number): Promise<{ level: number; reasons: string[]; comment: string | null } | undefined> {
    const day = (offset: number) => new Date(Date.now() + offset).toISOString().slice(0, 10);
    const res = await t.api('GET', `/api/ratings?from=${day(-86_400_000)}&to=${day(86_400_000)}`, { cookie: admin });
    expect(res.status).toBe(200);
    return (res.body as { ticketId: number; level: number; reasons: string[]; comment: string | null }[]).find((r) => r.ticketId === ticketId);
  }

  it('shows every level name on one line, the five buttons whole, at 1024x600 and 1280x800', async () => {
    for (const size of [{ width: 1024, height: 600 }, { width: 1280, height: 800 }]) {
      const page = await openRatingScreen(size);
      await finishVisit(page);
      const shapes = await page.locator('.rate-btn').evaluateAll((buttons) => buttons.map((b) => {
        const name = b.querySelector<HTMLElement>('.rate-zh')!;
        const lines = Math.round(name.getBoundingClientRect().height / parseFloat(getComputedStyle(name).lineHeight));
        const box = b.getBoundingClientRect();
        return { name: name.textContent, lines, inside: name.scrollWidth <= name.clientWidth + 1 && box.bottom <= innerHeight && box.right <= innerWidth };
      }));
      expect(shapes.filter((s) => s.lines !== 1 || !s.inside), `${size.width}x${size.height}`).toEqual([]);
      expect(shapes.map((s) => s.name)).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
      await screenshot(page, `rating-levels-${size.width}x${size.height}`);
    }
  });

  it('sends 非常不满意 with the reason 其他 and the words typed in the box that appears for it', async () => {
    const page = await openRatingScreen({ width: 1024, height: 600 });
    const ticketId = await finishVisit(page);
    await page.getByTestId('rate-1').click();
    expect(await page.getByTestId('rate-comment').count()).toBe(0);
    await page.getByTestId('rate-reason-other').click();
    const note = page.getByTestId('rate-comment');
    // The box takes the keyboard at once, and the rating cannot go without the words "other" asks for.
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.getByTestId('rate-submit').isDisabled()).toBe(true);
    expect(await page.getByTestId('rate-submit').textContent()).toContain('请先填写说明');
    await page.keyboard.type('等候时工作人员离开二十分钟');
    await screenshot(page, 'rating-other-note-1024x600');
    await page.setViewportSize({ width: 800, height: 480 });
    await screenshot(page, 'rating-other-note-800x480');
    const submit = await page.getByTestId('rate-submit').boundingBox();
    expect(submit!.y + submit!.height).toBeLessThanOrEqual(480);
    await page.getByTestId('rate-submit').click();
    await page.getByTestId('rate-thanks').waitFor();
    expect(await ratingOf(ticketId)).toMatchObject({ level: 1, reasons: ['other'], comment: '等候时工作人员离开二十分钟' });
  });

  it('stays on the rating while the visitor keeps typing past the asking time, and sends it', async () => {
    const page = await openRatingScreen({ width: 1280, height: 800 }, true);
    const ticketId = await finishVisit(page);
    await page.getByTestId('rate-2').click();
    await page.getByTestId('rate-reason-other').click();
    await expect.poll(() => page.getByTestId('rate-comment').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('排队');
    await page.clock.fastForward(45_000);
    await page.keyboard.type('太久');
    // 75 s after the finish: past the hall's 60 s of asking, but the visitor typed 30 s ago.
    await page.clock.fastForward(30_000);
    expect(await page.getByTestId('rate-screen').getAttribute('data-phase')).toBe('reason');
    expect(await page.getByTestId('rate-comment').inputValue()).toBe('排队太久');
    // The warning that time is short is up now; touching the button clears it without moving the button.
    await page.getByTestId('rate-countdown').waitFor();
    await page.getByTestId('rate-submit').click();
    await page.getByTestId('rate-thanks').waitFor();
    expect(await ratingOf(ticketId)).toMatchObject({ level: 2, reasons: ['other'], comment: '排队太久' });
  });

  it('warns before giving up a rating left untouched, then says it was not sent and stores nothing', async () => {
    const page = await openRatingScreen({ width: 1024, height: 600 }, true);
    const ticketId = await finishVisit(page);
    await page.getByTestId('rate-1').click();
    await page.getByTestId('rate-reason-attitude').click();
    await page.clock.fastForward(52_000);
    await expect.poll(() => page.getByTestId('rate-countdown').textContent()).toMatch(/\d+ 秒后将放弃本次评价.*dropped in \d+ s/);
    await screenshot(page, 'rating-countdown-1024x600');
    await page.clock.fastForward(9_000);
    const notSent = page.getByTestId('rate-not-sent');
    await expect.poll(() => notSent.textContent()).toContain('本次评价未提交');
    expect(await notSent.textContent()).toContain('not sent');
    expect(await notSent.textContent()).toContain('在手机上评价');
    await screenshot(page, 'rating-not-sent-1024x600');
    expect(await ratingOf(ticketId)).toBeUndefined();
    await page.clock.fastForward(11_000);
    await page.locator('[data-phase="idle"]').waitFor();
  });
});
