import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { visitorsLeftAtClose, type LeftAtClose } from '../../server/visitors-at-close.js';
import { launchBrowser } from '../../support/browser.js';
import type { TestHall } from '../../support/hall-server.js';
import { HallClock, startHall } from '../../server/test-hall.js';
import { seriousAxeFindings } from '../kiosk/screen-checks.js';
import { openPhone, rang, shoot } from './phone-fixture.js';

const tall = { width: 390, height: 844 };
const small = { width: 360, height: 640 };

/**
 * Phones left open at the hall's midnight on tickets nobody finished: each page turns to the ticket's end by
 * itself, in plain words, and a link opened afterwards shows the same. Window 8 serves 不动产查询 (F), 7 backs it up.
 */
describe('the phone page when the hall closes the day, 390x844 and 360x640', () => {
  const clock = new HallClock('2026-03-10 17:30');
  let t: TestHall;
  let browser: Browser;
  let tokens: LeftAtClose;
  const pages: Partial<Record<keyof LeftAtClose, Page>> = {};
  const status = (page: Page) => page.getByTestId('phone-status');

  beforeAll(async () => {
    t = await startHall({ clock });
    browser = await launchBrowser();
    tokens = await visitorsLeftAtClose(t);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('turns a called, a served and a waiting ticket to their end when the day closes, without ringing', async () => {
    pages.called = await openPhone(browser, `${t.url}/m/t/${tokens.called}`, tall);
    pages.serving = await openPhone(browser, `${t.url}/m/t/${tokens.serving}`, small);
    pages.waiting = await openPhone(browser, `${t.url}/m/t/${tokens.waiting}`, small);
    for (const kind of ['called', 'serving', 'waiting'] as const) {
      await expect.poll(() => status(pages[kind]!).getAttribute('data-status')).toBe(kind);
    }
    expect(await pages.called.getByTestId('phone-alert').textContent()).toContain('7号窗口');
    const rungBefore = (await rang(pages.called)).vibrate.length;

    clock.jumpTo('2026-03-11 00:00');
    expect(t.hall.ctx.runner.run('closeDay', {}, { kind: 'system' })).toMatchObject({ ok: true, result: { ended: 3 } });

    const called = pages.called;
    await expect.poll(() => status(called).getAttribute('data-day-closed'), { timeout: 5000 }).toBe('true');
    expect(await status(called).getAttribute('data-status')).toBe('cancelled');
    expect(await status(called).textContent()).toContain('当日办理已结束，本号已失效');
    expect(await status(called).textContent()).toContain('The hall has closed for the day; this ticket is no longer valid');
    expect(await called.getByTestId('phone-next-step').textContent()).toContain('请在办理时间内重新取号');
    expect(await called.getByTestId('phone-alert').count()).toBe(0);
    expect(await called.getByTestId('phone-alerts').count()).toBe(0);
    expect(await called.title()).toBe('F002 · 排队进度');
    expect((await rang(called)).vibrate).toHaveLength(rungBefore);
    await shoot(called, 'phone-day-closed-called-390x844');
    expect(await seriousAxeFindings(called)).toEqual([]);

    // The visitor at the counter was served: the close finishes the visit rather than voiding it.
    const serving = pages.serving;
    await expect.poll(() => status(serving).getAttribute('data-status'), { timeout: 5000 }).toBe('done');
    expect(await status(serving).textContent()).toContain('已办结');
    expect(await serving.getByTestId('phone-next-step').count()).toBe(0);
    await shoot(serving, 'phone-day-closed-served-360x640');

    const waiting = pages.waiting;
    await expect.poll(() => status(waiting).getAttribute('data-day-closed'), { timeout: 5000 }).toBe('true');
    expect(await status(waiting).textContent()).toContain('当日办理已结束');
    expect(await waiting.getByTestId('phone-cancel').count()).toBe(0);
    expect(await waiting.getByTestId('phone-position').count()).toBe(0);
    await shoot(waiting, 'phone-day-closed-waiting-360x640');
  });

  it('shows the same end to a link opened after the close, not "ticket not found"', async () => {
    const late = await openPhone(browser, `${t.url}/m/t/${tokens.called}`, small);
    await expect.poll(() => status(late).getAttribute('data-day-closed')).toBe('true');
    expect(await status(late).textContent()).toContain('当日办理已结束，本号已失效');
    expect(await late.locator('.number').textContent()).toBe('F002');
    expect(await late.getByTestId('phone-missing').count()).toBe(0);
    await shoot(late, 'phone-day-closed-reopened-360x640');
    expect(await seriousAxeFindings(late)).toEqual([]);
  });
});
