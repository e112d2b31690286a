import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, sizes } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { announcements, imitateAutoplayPolicy, openBoard, waitForAnnouncements } from './board-fixture.js';
import { installVoicePack } from './voice-pack-files.js';

describe('starting a display board', () => {
  let t: TestHall;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestHall();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('pairs with a code from the admin and then shows only the area it was paired to', async () => {
    const admin = await t.login('admin');
    const code = await t.api('POST', '/api/devices/pairing-codes', { cookie: admin, body: { role: 'board', areaId: 1 } });
    expect(code.status).toBe(201);

    const page = await openPage(browser, `${t.url}/board/`, sizes.board);
    await page.getByTestId('board-pairing').waitFor();
    await screenshot(page, 'board-pairing-1920x1080');
    await page.getByLabel('请输入管理员提供的 8 位配对码').fill(code.body.code);
    await page.getByRole('button', { name: '配对' }).click();

    await page.getByTestId('board-window-1').waitFor();
    expect(await page.locator('.board-header').textContent()).toContain('社保医保');
    expect(await page.locator('[data-testid^="board-window-"]').count()).toBe(4);
    expect(await page.getByTestId('board-waiting-SB01').count()).toBe(1);
    expect(await page.getByTestId('board-waiting-BDC01').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('hall.board.deviceToken'))).toMatch(/.{16,}/);
    await page.context().close();
  });

  it('shows why a wrong pairing code is refused, in Chinese and English', async () => {
    const page = await openPage(browser, `${t.url}/board/`, sizes.board);
    await page.getByLabel('请输入管理员提供的 8 位配对码').fill('12345678');
    await page.getByRole('button', { name: '配对' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('配对码无效');
    expect(await alert.textContent()).toContain('pairing code');
    await page.context().close();
  });

  it('asks for one tap when the browser holds sound back, and announces once it is tapped', async () => {
    const page = await openPage(browser, `${t.url}/board/?token=${t.boardToken}`, sizes.board, async (ctx) => {
      await ctx.addInitScript(imitateAutoplayPolicy);
    });
    const button = page.getByTestId('board-enable-sound');
    await button.waitFor({ timeout: 10_000 });
    expect(await button.textContent()).toContain('点击启用语音');
    expect(await button.textContent()).toContain('Tap to enable sound');
    await screenshot(page, 'board-enable-sound-1920x1080');

    const staff = await t.openWindow('1002', 8);
    await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 6 } });
    expect((await t.api('POST', '/api/windows/8/call-next', { cookie: staff })).status).toBe(200);
    await expect.poll(async () => (await announcements(page)).map((a) => a.status)).toEqual(['queued']);
    await new Promise((r) => setTimeout(r, 300));
    expect((await announcements(page))[0].status).toBe('queued');

    await button.click();
    await button.waitFor({ state: 'detached', timeout: 10_000 });
    await expect.poll(async () => (await announcements(page))[0].status).toBe('playing');
    await page.context().close();
  });

  it('speaks with an installed voice pack of recorded clips before any other voice', async () => {
    installVoicePack(t.dir);
    const page = await openBoard(browser, t, sizes.board);
    const staff = await t.openWindow('1003', 9);
    await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 10 } });
    const called = await t.api('POST', '/api/windows/9/call-next', { cookie: staff });
    expect(called.body.number).toBe('K001');
    await waitForAnnouncements(page, '请 K 零 零 一 号 到 九 号窗口 办理', 1, 'done', 10_000);
    expect((await announcements(page))[0].source).toBe('pack');
    await page.context().close();
  });
});
