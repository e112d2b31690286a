import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, sizes, tempDir } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { freePort } from '../../server/child-hall.js';
import { openKiosk } from '../../screens/kiosk/kiosk-fixture.js';
import { signIn, waitForText } from '../../screens/pad/pad-helpers.js';

const records = 6; // 不动产查询 (F) in the BDC area; window 8 serves it first

/**
 * The board coming back after a restart is tested with the board (tests/screens/board); here the window's caller
 * pad and the kiosk lose the server the same way, say so, and come back by themselves with the hall as it is
 * now, nobody touching them.
 */
describe('a caller pad and a kiosk when the server goes away and comes back', () => {
  const dir = tempDir('hall-screens-reconnect-');
  let browser: Browser | undefined;
  let t: TestHall | undefined;
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
    dir.remove();
  });

  it('show that they are offline, then reconnect and resync by themselves with what happened meanwhile', async () => {
    const port = await freePort();
    const start = () => startTestHall({ dir: dir.path, overrides: { port, devices: { simulation: 'in-process' } } });
    t = await start();
    const kioskToken = t.kioskToken;
    browser = await launchBrowser();
    const kiosk = await openKiosk(browser, t, sizes.kioskPortrait);
    const area = kiosk.getByTestId('kiosk-area-BDC');
    await expect.poll(() => area.textContent()).toContain('等候 0 人');
    const padContext = await browser.newContext({ viewport: sizes.pad, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const pad = await padContext.newPage();
    await pad.goto(`${t.url}/pad/`);
    await signIn(pad, '1008', t.adminPassword);
    await pad.getByTestId('pad-pick-window-8').click();
    await pad.getByTestId('pad-open').click();
    await waitForText(pad, 'pad-window-status', '开放中');
    await waitForText(pad, 'pad-link', '在线');

    await t.stop();
    t = undefined;
    await waitForText(pad, 'pad-link', '离线', 30_000);
    await kiosk.getByRole('alert').filter({ hasText: '正在重连' }).waitFor({ timeout: 30_000 });
    await screenshot(pad, 'pad-offline-1280x800');
    await screenshot(kiosk, 'kiosk-offline-1080x1920');

    // The same data at the same address, and the hall moves on before either screen is back.
    t = await start();
    const issued = await t.api('POST', '/api/tickets', { token: kioskToken, body: { serviceId: records } });
    expect(issued.status).toBe(201);
    const number: string = issued.body.ticket.number;

    // Backoff is at most 5 s; the ticket reaches each screen in the fresh snapshot or as an event.
    await waitForText(pad, 'pad-link', '在线', 15_000);
    await pad.getByTestId(`pad-waiting-${number}`).waitFor({ timeout: 5000 });
    await waitForText(pad, 'pad-window-status', '开放中');
    await kiosk.getByRole('alert').filter({ hasText: '正在重连' }).waitFor({ state: 'detached', timeout: 15_000 });
    await expect.poll(() => area.textContent(), { timeout: 5000 }).toContain('等候 1 人');

    // Still live afterwards: a call made elsewhere shows at the pad at once.
    const staff = await t.login('1008');
    const called = await t.api('POST', '/api/windows/8/call-next', { cookie: staff });
    expect(called.body.number).toBe(number);
    await waitForText(pad, 'pad-current-number', number);
    expect(pad.url()).not.toContain('token=');
  });
});
