import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at } from '../../core/hall-fixture.js';
import { launchBrowser } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { FakeClock } from '../../stats/stats-hall.js';
import { contactAndRectify, openPhone, servedVisit, shoot } from './phone-fixture.js';

describe('a fix the visitor rates 不满意 on the phone, 360 px wide', () => {
  const clock = new FakeClock(at('2026-03-10 09:00'));
  let t: TestHall;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestHall({ clock: clock.read });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('sends the case back to rectification, says so, and asks again once it is put right again', async () => {
    const staff = await t.login('1001');
    const token = await servedVisit(t, staff, '451');
    const rated = await t.api('POST', `/api/visits/${token}/rating`, { body: { level: 1, reasons: ['efficiency'] } });
    expect(rated.status, JSON.stringify(rated.body)).toBe(201);
    clock.now = at('2026-03-11 10:00');
    const supervisor = await t.login('admin');
    const [found] = (await t.api('GET', '/api/follow-ups', { cookie: supervisor })).body as { id: number }[];
    await contactAndRectify(t, supervisor, found.id);

    const page = await openPhone(browser, `${t.url}/m/t/${token}`);
    page.setDefaultTimeout(5000);
    await page.locator('[data-testid=phone-follow-up][data-status=rectified]').waitFor();
    await page.getByTestId('fix-rate-2').click();
    await page.locator('[data-testid=phone-follow-up][data-status=contacted]').waitFor();
    expect(await page.getByTestId('phone-follow-up-state').textContent()).toContain('正在整改');
    expect(await page.getByTestId('phone-fix-reopened').textContent()).toContain('已重新交办整改');
    expect(await page.getByTestId('phone-fix-level').textContent()).toContain('不满意');
    await shoot(page, 'phone-fix-reopened-360x740');

    // The ledger has the case back at rectification, with a new deadline counted from the fix rating.
    const reopened = (await t.api('GET', `/api/follow-ups/${found.id}`, { cookie: supervisor })).body;
    expect(reopened).toMatchObject({ status: 'contacted', resolvedAt: null, fixRating: { level: 2, channel: 'phone' } });
    expect(reopened.rectifyDueAt).toBeGreaterThan(clock.now);
    expect(reopened.nextSteps.map((s: { action: string }) => s.action)).toContain('rectify');

    // Put right again: the same page, brought back to the front, asks for a rating of the new fix.
    clock.now = at('2026-03-12 10:00');
    const nextDay = await t.login('admin');
    const again = await t.api('POST', `/api/follow-ups/${found.id}/actions`, { cookie: nextDay, body: { action: 'rectify', note: '已更换窗口人员并重新办理' } });
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await page.locator('[data-testid=phone-follow-up][data-status=rectified]').waitFor();
    await page.getByTestId('fix-rate-5').click();
    await page.getByTestId('phone-fix-thanks').waitFor();
    expect(await page.getByTestId('phone-fix-level').textContent()).toContain('非常满意');
    expect(await page.getByTestId('phone-fix-reopened').count()).toBe(0);
    const settled = (await t.api('GET', `/api/follow-ups/${found.id}`, { cookie: nextDay })).body;
    expect(settled).toMatchObject({ status: 'rectified', fixRating: { level: 5 } });
  });
});
