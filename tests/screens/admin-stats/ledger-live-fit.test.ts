import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { contactAndRectify } from '../phone/phone-fixture.js';
import { ledgerWithBadRating, type LedgerHall } from './ledger-fixture.js';
import { signedInPage } from './signed-in-page.js';
import { lastColumnReachable, wrappedCells } from './table-fit.js';

describe('the ratings ledger on a 1366 screen, following the hall live', () => {
  let hall: LedgerHall;
  let t: TestHall;
  let page: Page;
  let supervisor: string;
  let token: string;
  let followUpId: number;

  beforeAll(async () => {
    hall = await ledgerWithBadRating('655');
    ({ t, page, supervisor, token, followUpId } = hall);
  });
  afterAll(async () => hall?.stop());

  it('keeps every case cell and header on one line at 1366x768, the last column in reach', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${t.url}/admin/#/ratings`);
    await page.getByTestId(`case-row-${followUpId}`).click();
    await page.getByTestId(`case-detail-${followUpId}`).waitFor();
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, 'admin-ledger-1366x768');
    expect(await wrappedCells(page, 'cases-table')).toEqual([]);
    expect(await lastColumnReachable(page, 'cases-table')).toBe(true);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'admin-ledger-fit-1920x1080');
    expect(await wrappedCells(page, 'cases-table')).toEqual([]);
  });

  it('shows the case handled and the fix the visitor rated on the phone without a reload', async () => {
    const detail = page.getByTestId(`case-detail-${followUpId}`);
    await detail.getByTestId('case-fix-pending').waitFor();
    await contactAndRectify(t, supervisor, followUpId);
    // Handled by someone else: the open case leaves 待回访 by itself.
    await expect.poll(() => page.getByTestId(`case-state-${followUpId}`).textContent(), { timeout: 5000 }).not.toContain('待回访');
    const rated = await t.api('POST', `/api/visits/${token}/follow-up/rating`, { body: { level: 4 } });
    expect(rated.status, JSON.stringify(rated.body)).toBe(201);
    await expect.poll(() => page.getByTestId(`case-fix-${followUpId}`).textContent(), { timeout: 5000 }).toContain('4 · 满意');
    const shown = detail.getByTestId('case-fix-rating');
    await shown.waitFor();
    expect(await shown.getAttribute('data-channel')).toBe('phone');
    await screenshot(page, 'admin-ledger-fix-live-1920x1080');
  });
});

describe('the services table at 1366x768', () => {
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

  it('keeps the short headers (日限) on one line', async () => {
    const page = await signedInPage(browser, t, await t.login('admin'));
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${t.url}/admin/#/services`);
    await page.getByTestId('admin-services-row-10').waitFor();
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, 'admin-services-1366x768');
    // Headers and cells alike: 按大厅 Hall hours and 是 Yes used to stack one word a line.
    expect(await wrappedCells(page, 'admin-services-table')).toEqual([]);
  });
});
