import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { idNumber, shoot, withBadCheckDigit } from './phone-fixture.js';

/** A finger's tap on the element: down, a tenth of a second, up, where the element was when the finger landed. */
async function tap(page: Page, testid: string): Promise<void> {
  const box = (await page.getByTestId(testid).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(100);
  await page.mouse.up();
}

describe('the online ticket form on a 390x844 phone', () => {
  let t: TestHall;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    t = await startTestHall();
    browser = await launchBrowser();
    page = await openPage(browser, `${t.url}/m/`, { width: 390, height: 844 });
    // How many times the form was really submitted: a tap that lands elsewhere submits nothing.
    await page.evaluate(() => {
      const w = window as unknown as { submits: number };
      w.submits = 0;
      document.addEventListener('submit', () => { w.submits += 1; }, true);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const submits = () => page.evaluate(() => (window as unknown as { submits: number }).submits);

  it('clears each error as its field is put right, and takes the first tap of 取号 after a bad ID number', async () => {
    await page.getByTestId('phone-service-SB01').click();
    await tap(page, 'phone-submit');
    await expect.poll(() => page.locator('#name-problem').textContent()).toContain('请输入姓名');
    expect(await page.getByTestId('phone-id-problem').textContent()).toContain('请输入身份证号');

    await page.getByTestId('phone-name').click();
    await page.keyboard.type('李四');
    expect(await page.locator('#name-problem').count()).toBe(0);
    expect(await page.getByTestId('phone-name').getAttribute('aria-invalid')).toBe('false');

    await page.getByTestId('phone-id-number').click();
    await page.keyboard.type(withBadCheckDigit(idNumber('1985-06-15', '456')));
    await tap(page, 'phone-submit');
    expect(await submits()).toBe(2);
    await expect.poll(() => page.getByTestId('phone-id-problem').textContent()).toContain('校验位不正确');
    await shoot(page, 'phone-form-bad-id-390x844');

    // Putting the last character right takes the error away at once, and one tap takes the ticket.
    await page.getByTestId('phone-id-number').click();
    await page.keyboard.press('End');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(idNumber('1985-06-15', '456').slice(-1));
    expect(await page.getByTestId('phone-id-problem').count()).toBe(0);
    await tap(page, 'phone-submit');
    await page.waitForURL(/\/m\/t\/[A-Za-z0-9_-]{16,}$/);
    await page.getByTestId('phone-status').waitFor();
  });

  it('says the estimated wait in English too', async () => {
    await expect.poll(() => page.getByTestId('phone-eta').textContent(), { timeout: 5000 }).toMatch(/^(约 \d+ 分钟about \d+ min|即将叫号very soon|窗口开放后计算once a window opens)$/);
    const staff = await t.openWindow('1001', 1);
    expect(staff).toBeTruthy();
    await expect.poll(() => page.getByTestId('phone-eta').textContent(), { timeout: 5000 }).toMatch(/^(约 \d+ 分钟about \d+ min|即将叫号very soon)$/);
    await shoot(page, 'phone-eta-390x844');
  });
});
