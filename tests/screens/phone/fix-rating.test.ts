import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at } from '../../core/hall-fixture.js';
import { launchBrowser } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { FakeClock } from '../../stats/stats-hall.js';
import { seriousAxeFindings } from '../kiosk/screen-checks.js';
import { contactAndRectify, openPhone, servedVisit, shoot } from './phone-fixture.js';

describe('the visitor\'s rating of the fix on the phone page, 360 px wide', () => {
  const clock = new FakeClock(at('2026-03-10 09:00'));
  let t: TestHall;
  let browser: Browser;
  let staff: string;
  let supervisor: string;
  let token: string;
  let sameDayPage: Page;
  let followUpId: number;

  beforeAll(async () => {
    t = await startTestHall({ clock: clock.read });
    staff = await t.login('1001');
    supervisor = await t.login('admin');
    browser = await launchBrowser();
    token = await servedVisit(t, staff, '321');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('rates the visit 1 with a reason, then says the follow-up is open and offers no fix rating yet', async () => {
    sameDayPage = await openPhone(browser, `${t.url}/m/t/${token}`);
    sameDayPage.setDefaultTimeout(5000);
    await sameDayPage.getByTestId('rate-1').click();
    await sameDayPage.getByTestId('rate-reason-attitude').check();
    await sameDayPage.getByTestId('rate-comment').fill('窗口人员态度生硬');
    await sameDayPage.getByTestId('rate-send').click();
    await sameDayPage.getByTestId('phone-rating-thanks').waitFor();
    const followUp = sameDayPage.getByTestId('phone-follow-up');
    await followUp.waitFor();
    expect(await followUp.getAttribute('data-status')).toBe('open');
    expect(await sameDayPage.getByTestId('phone-follow-up-state').textContent()).toContain('工作人员将尽快与您联系');
    expect(await sameDayPage.getByTestId('fix-rate-5').count()).toBe(0);
    await followUp.scrollIntoViewIfNeeded();
    await shoot(sameDayPage, 'phone-follow-up-open-360x740');

    const cases = (await t.api('GET', '/api/follow-ups', { cookie: supervisor })).body as { id: number; visitId: number; comment: string }[];
    expect(cases).toHaveLength(1);
    expect(cases[0].comment).toBe('窗口人员态度生硬');
    followUpId = cases[0].id;
  });

  it('on a later day, once put right, shows the case in plain words and the five fix levels on the same link', async () => {
    // The next morning the hall closes yesterday: the finished ticket leaves the live queue, the case stays.
    clock.now = at('2026-03-11 10:00');
    expect(t.hall.ctx.runner.run('closeDay', {}, { kind: 'system' }).ok).toBe(true);
    supervisor = await t.login('admin');
    await contactAndRectify(t, supervisor, followUpId);

    // The visitor opens the link again from the phone's history.
    const page = await openPhone(browser, `${t.url}/m/t/${token}`);
    page.setDefaultTimeout(5000);
    const followUp = page.locator('[data-testid=phone-follow-up][data-status=rectified]');
    await followUp.waitFor();
    expect(await page.getByTestId('phone-follow-up-state').textContent()).toContain('问题已整改');
    for (const level of [1, 2, 3, 4, 5]) await page.getByTestId(`fix-rate-${level}`).waitFor();
    expect(await page.getByTestId('phone-missing').count()).toBe(0);
    await shoot(page, 'phone-fix-rating-360x740');
    expect(await seriousAxeFindings(page)).toEqual([]);

    // The tab left open since yesterday catches up when the visitor comes back to it.
    await sameDayPage.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await sameDayPage.locator('[data-testid=phone-follow-up][data-status=rectified]').waitFor();
    await sameDayPage.getByTestId('fix-rate-2').waitFor();

    await page.getByTestId('fix-rate-4').click();
    await page.getByTestId('phone-fix-thanks').waitFor();
    expect(await page.getByTestId('phone-fix-level').textContent()).toContain('满意');
    expect(await page.getByTestId('fix-rate-4').count()).toBe(0);
    await shoot(page, 'phone-fix-rated-360x740');

    const ledger = (await t.api('GET', '/api/follow-ups', { cookie: supervisor })).body as { id: number; fixRating: unknown; history: { action: string }[] }[];
    const rated = ledger.find((c) => c.id === followUpId)!;
    expect(rated.fixRating).toMatchObject({ level: 4, channel: 'phone' });
    expect(rated.history.at(-1)?.action).toBe('fixRated');
    await page.context().close();
  });

  it('refuses a second fix rating from a page that fell behind, in Chinese and English, then shows the one held', async () => {
    await sameDayPage.getByTestId('fix-rate-2').click();
    const refusal = sameDayPage.getByTestId('phone-fix-error');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('FIX_ALREADY_RATED');
    expect(await refusal.locator('.bi-main').textContent()).toContain('已评价');
    expect(await refusal.locator('.bi-sub').textContent()).toContain('rated already');
    await sameDayPage.getByTestId('phone-fix-thanks').waitFor();
    expect(await sameDayPage.getByTestId('phone-fix-level').textContent()).toContain('满意');
    expect(await sameDayPage.getByTestId('phone-fix-level').textContent()).not.toContain('不满意');
    await shoot(sameDayPage, 'phone-fix-refused-360x740');
    const held = (await t.api('GET', `/api/follow-ups/${followUpId}`, { cookie: supervisor })).body;
    expect(held.fixRating).toMatchObject({ level: 4, channel: 'phone' });
  });
});
