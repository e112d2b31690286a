import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, sizes } from '../../support/browser.js';
import type { TestHall } from '../../support/hall-server.js';
import { startHall } from '../../server/test-hall.js';
import { takeWithoutCard } from '../../screens/kiosk/kiosk-fixture.js';
import { signIn } from '../../screens/pad/pad-helpers.js';

/** Records every content-security-policy violation a page reports, from before its first script runs. */
async function watchedPage(browser: Browser, url: string, size = sizes.pad): Promise<{ page: Page; violations: () => Promise<string[]> }> {
  const page = await openPage(browser, 'about:blank', size, async (ctx) => {
    await ctx.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
  });
  await page.goto(url);
  return { page, violations: () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations) };
}

/**
 * Every answer carries the security headers; pages get a content security policy that allows only the hall's own
 * scripts, its WebSocket and what the screens draw (inline SVG QR codes, audio fetched and decoded), and the
 * screens and the API docs work inside it without a single violation.
 */
describe('security headers and the content security policy', () => {
  let t: TestHall;
  let browser: Browser;
  beforeAll(async () => {
    if (!existsSync('dist/kiosk-ui/index.html')) throw new Error('screens are not built: run `npx vite build` first');
    t = await startHall({ overrides: { devices: { simulate: true, simulation: 'in-process' } } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('sends a strict policy with pages and the hardening headers with every answer', async () => {
    const page = await fetch(`${t.url}/kiosk/`);
    const csp = page.headers.get('content-security-policy')!;
    const host = new URL(t.url).host;
    for (const directive of ["default-src 'self'", "script-src 'self'", "script-src-attr 'none'", "object-src 'none'", "frame-ancestors 'self'", "base-uri 'self'", `connect-src 'self' ws://${host} wss://${host}`]) {
      expect(csp).toContain(directive);
    }
    expect(csp).not.toMatch(/unsafe-eval|upgrade-insecure-requests/);
    for (const res of [page, await fetch(`${t.url}/api/public/hall`), await fetch(`${t.url}/api/no-such-thing`)]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      // Plain http in the hall's own network: HSTS would be a promise the hall cannot keep.
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('lets the API docs render', async () => {
    const { page, violations } = await watchedPage(browser, `${t.url}/docs`);
    await page.locator('.opblock').first().waitFor({ timeout: 10_000 });
    expect(await page.locator('.opblock').count()).toBeGreaterThan(50);
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('lets the kiosk take a ticket and draw its QR code, and the board follow the hall live', async () => {
    const kiosk = await watchedPage(browser, `${t.url}/kiosk/?token=${t.kioskToken}`, sizes.kioskPortrait);
    await kiosk.page.getByTestId('kiosk-area-BDC').waitFor();
    expect(await takeWithoutCard(kiosk.page, 'BDC', 'BDC03')).toMatch(/^F\d{3}$/);
    await kiosk.page.locator('svg.qr').first().waitFor();
    expect(await kiosk.violations()).toEqual([]);

    const board = await watchedPage(browser, `${t.url}/board/?token=${t.boardToken}`, sizes.board);
    await board.page.locator('[data-testid="board-connection"][data-state="online"]').waitFor();
    const staff = await t.openWindow('1008', 8);
    expect((await t.api('POST', '/api/windows/8/call-next', { cookie: staff })).body.number).toBe('F001');
    await board.page.getByTestId('board-latest-call').filter({ hasText: 'F001' }).waitFor();
    expect(await board.violations()).toEqual([]);
    await Promise.all([kiosk.page.context().close(), board.page.context().close()]);
  });

  it('lets staff log in at the pad and open their window over the WebSocket, and the admin screen log in', async () => {
    const pad = await watchedPage(browser, `${t.url}/pad/`);
    await signIn(pad.page, '1009', t.adminPassword);
    await pad.page.getByTestId('pad-pick-window-9').click();
    await pad.page.getByTestId('pad-open').click();
    await pad.page.getByTestId('pad-window-status').filter({ hasText: '开放中' }).waitFor();
    expect(await pad.violations()).toEqual([]);

    const admin = await watchedPage(browser, `${t.url}/admin/`);
    await admin.page.getByTestId('admin-login-number').fill('admin');
    await admin.page.getByTestId('admin-login-password').fill(t.adminPassword);
    await admin.page.getByTestId('admin-login-submit').click();
    await admin.page.getByTestId('admin-user').waitFor();
    expect(await admin.violations()).toEqual([]);
    await Promise.all([pad.page.context().close(), admin.page.context().close()]);
  });
});
