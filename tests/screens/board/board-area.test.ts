import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, sizes } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { openBoard } from './board-fixture.js';

const noArea = '区域不存在或已停用';

describe('a board following one area by its address', () => {
  let t: TestHall;
  let browser: Browser;
  let admin: string;
  let sb: { id: number; [k: string]: unknown };
  beforeAll(async () => {
    t = await startTestHall();
    browser = await launchBrowser();
    admin = await t.login('admin');
    sb = (await t.api('GET', '/api/areas', { cookie: admin })).body.find((a: { code: string }) => a.code === 'SB');
  });
  afterAll(async () => {
    await browser.close();
    await t.stop();
  });

  it('says the area does not exist instead of showing a board of zeros', async () => {
    const page = await openPage(browser, `${t.url}/board/?token=${t.boardToken}&area=999`, sizes.board);
    const message = page.getByTestId('board-no-area');
    await message.waitFor();
    expect(await message.textContent()).toContain('This area does not exist or is not active');
    const screen = (await page.locator('body').textContent())!;
    expect(screen).toContain(noArea);
    expect(screen).not.toContain('0 人');
    await screenshot(page, 'board-area-999-1920x1080');
    await page.context().close();
  });

  it('shows an existing area, and the message once that area is switched off while the board runs', async () => {
    let page: Page | null = null;
    const { id, ...fields } = sb;
    try {
      page = await openBoard(browser, t, sizes.board, `&area=${id}`);
      expect(await page.locator('body').textContent()).not.toContain(noArea);
      expect((await t.api('PUT', `/api/areas/${id}`, { cookie: admin, body: { ...fields, active: false } })).status).toBe(200);
      await page.getByTestId('board-no-area').waitFor({ timeout: 5000 });
    } finally {
      await t.api('PUT', `/api/areas/${id}`, { cookie: admin, body: { ...fields, active: true } });
      await page?.context().close();
    }
  });
});
