import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, sizes } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { announcements, imitateAutoplayPolicy } from './board-fixture.js';
import { installVoicePack } from './voice-pack-files.js';
import { visitor } from './visitors.js';

/**
 * A board switched on with nobody there to tap it: the browser holds sound back, calls wait. A call held back past
 * 90 s is no use to anyone and is skipped once sound comes; the board lists it so nobody waits to hear it.
 */
describe('a board whose sound is held back', () => {
  let t: TestHall;
  let browser: Browser;
  let admin: string;

  beforeAll(async () => {
    t = await startTestHall();
    installVoicePack(t.dir, { clipMs: 20, gapMs: 0 });
    browser = await launchBrowser();
    admin = await t.login('admin');
    for (const number of [1, 3]) {
      expect((await t.api('POST', `/api/windows/${number}/status`, { cookie: admin, body: { status: 'open' } })).status).toBe(200);
    }
    for (let i = 0; i < 2; i++) expect((await t.api('POST', '/api/tickets', { body: { serviceId: 1, identity: visitor(i) } })).status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('skips a call held back over 90 s, says the fresh one in full once tapped, and shows what was not said', async () => {
    const page = await openPage(browser, `${t.url}/board/?token=${t.boardToken}`, sizes.board, async (ctx) => {
      await ctx.addInitScript(imitateAutoplayPolicy);
      // The page's clock runs as usual, and lets the test move it on by minutes at once.
      await ctx.clock.install();
    });
    const online = page.locator('[data-testid="board-connection"][data-state="online"]');
    await online.waitFor();
    const button = page.getByTestId('board-enable-sound');
    await button.waitFor({ timeout: 10_000 });

    expect((await t.api('POST', '/api/windows/1/call-next', { cookie: admin })).body.number).toBe('A001');
    await expect.poll(async () => (await announcements(page)).map((a) => a.status)).toEqual(['queued']);
    await page.clock.fastForward(91_000);
    // Moving the clock on makes the board think its socket went quiet; it reconnects by itself.
    await online.waitFor({ timeout: 10_000 });
    expect((await t.api('POST', '/api/windows/3/call-next', { cookie: admin })).body.number).toBe('A002');
    await expect.poll(async () => (await announcements(page)).map((a) => a.status)).toEqual(['queued', 'queued']);

    await button.click();
    await expect.poll(async () => (await announcements(page)).map((a) => `${a.ticketNumber} ${a.status}`), { timeout: 10_000 })
      .toEqual(['A001 skipped', 'A002 done']);
    expect((await announcements(page))[1]).toMatchObject({ form: 'full', text: '请 A 零 零 二 号 到 三 号窗口 办理' });

    const missed = page.getByTestId('board-not-announced');
    await missed.waitFor();
    expect(await missed.textContent()).toContain('未能播报');
    expect(await missed.textContent()).toContain('A001');
    expect(await missed.textContent()).not.toContain('A002');
    console.info(`screenshot: ${await screenshot(page, 'board-not-announced-1920x1080')}`);
    await page.context().close();
  });
});
