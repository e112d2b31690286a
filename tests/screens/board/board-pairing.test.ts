import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, screenshot, sizes } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';

describe('the board pairing screen', () => {
  let t: TestHall;
  let browser: Browser;
  beforeAll(async () => {
    t = await startTestHall();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
    await t.stop();
  });

  for (const [name, size] of [['1920x1080', sizes.board], ['3840x2160', sizes.board4k]] as const) {
    it(`shows all 8 digits of the code typed, none scrolled out of the box, at ${name}`, async () => {
      const page = await openPage(browser, `${t.url}/board/`, size);
      const box = page.getByLabel('请输入管理员提供的 8 位配对码');
      // Typed key by key, as on the board's remote or keyboard: the caret ends after the last digit.
      await box.pressSequentially('12345678');
      await page.evaluate(() => document.fonts.ready);
      const fit = await box.evaluate((el: HTMLInputElement) => ({ value: el.value, scrollLeft: el.scrollLeft, scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
      expect(fit.value).toBe('12345678');
      // A box narrower than its text scrolls to the caret, and the first digit leaves the box: "2345678".
      expect(fit.scrollLeft).toBe(0);
      expect(fit.scrollWidth).toBeLessThanOrEqual(fit.clientWidth);
      await screenshot(page, `board-pairing-code-${name}`);
      await page.context().close();
    });
  }
});
