import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, sizes, tempDir } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { freePort } from '../../server/child-hall.js';
import { openBoard, waitForAnnouncements } from './board-fixture.js';
import { visitor } from './visitors.js';

describe('a board after a server restart', () => {
  const dir = tempDir('board-restart-');
  let browser: Browser | undefined;
  let hall: TestHall | undefined;
  afterAll(async () => {
    await browser?.close();
    await hall?.stop();
    dir.remove();
  });

  it('comes back by itself, with nobody touching it, and shows and announces the first call after the restart', async () => {
    const port = await freePort();
    hall = await startTestHall({ dir: dir.path, overrides: { port } });
    browser = await launchBrowser();
    const page = await openBoard(browser, hall, sizes.board);

    await hall.stop();
    hall = undefined;
    await page.locator('[data-testid="board-connection"][data-state="reconnecting"]').waitFor({ timeout: 5000 });
    expect(await page.getByTestId('board-connection').textContent()).toContain('正在重新连接');
    await screenshot(page, 'board-reconnecting-1920x1080');

    // The same data and the same address: what a hall gets from a service restart or a power cut.
    hall = await startTestHall({ dir: dir.path, overrides: { port } });
    expect(hall.url).toContain(String(port));
    const staff = await hall.login('1001');
    expect((await hall.api('POST', '/api/windows/5/status', { cookie: staff, body: { status: 'open' } })).status).toBe(200);
    const issued = await hall.api('POST', '/api/tickets', { body: { serviceId: 4, identity: visitor(7) } });
    expect(issued.status).toBe(201);
    const called = await hall.api('POST', '/api/windows/5/call-next', { cookie: staff });
    expect(called.status).toBe(200);
    const number: string = called.body.number;

    // The socket retries with a backoff of at most 5 s; the call may reach it as an event or in the fresh snapshot.
    await page.locator('[data-testid="board-connection"][data-state="online"]').waitFor({ timeout: 10_000 });
    await expect.poll(() => page.getByTestId('board-latest-call').textContent(), { timeout: 3000 }).toContain(number);
    expect(await page.getByTestId('board-latest-call').textContent()).toContain('请到 5 号窗口');
    await waitForAnnouncements(page, `请 ${number[0]} 零 零 一 号 到 五 号窗口 办理`, 1);
    expect(page.url()).not.toContain('token=');
  });
});
