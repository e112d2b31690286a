import type { Browser, Page } from 'playwright-core';
import { openPage } from '../../support/browser.js';
import type { TestHall } from '../../support/hall-server.js';

/**
 * An admin screen at 1920x1080 already signed in with the session cookie from `t.login`, so a test starts on the
 * page it is about; the sign-in form itself is covered by the admin tests. Fails fast rather than at the test timeout.
 */
export async function signedInPage(browser: Browser, t: TestHall, cookie: string): Promise<Page> {
  const [name, ...value] = cookie.split('=');
  const page = await openPage(browser, 'about:blank', { width: 1920, height: 1080 }, async (ctx) => {
    await ctx.addCookies([{ name, value: value.join('='), url: t.url }]);
  });
  page.setDefaultTimeout(5000);
  return page;
}
