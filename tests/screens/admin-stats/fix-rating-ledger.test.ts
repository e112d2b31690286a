import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from '../../support/browser.js';
import type { TestHall } from '../../support/hall-server.js';
import { contactAndRectify } from '../phone/phone-fixture.js';
import { badlyRatedVisit, ledgerWithBadRating, type LedgerHall } from './ledger-fixture.js';

describe('the ledger records the fix rating a visitor gave on the call-back', () => {
  let hall: LedgerHall;
  let t: TestHall;
  let page: Page;
  let supervisor: string;
  let token: string;
  let followUpId: number;

  /** The ledger as a supervisor opens it afresh, on the chosen case. */
  const openCase = async () => {
    await page.goto('about:blank');
    await page.goto(`${t.url}/admin/#/ratings`);
    await page.getByTestId(`case-row-${followUpId}`).click();
    return page.getByTestId(`case-detail-${followUpId}`);
  };

  beforeAll(async () => {
    hall = await ledgerWithBadRating('654');
    ({ t, page, supervisor, token, followUpId } = hall);
  });
  afterAll(async () => hall?.stop());

  it('offers no fix rating before the case is rectified or explained', async () => {
    const detail = await openCase();
    await detail.getByTestId('case-fix-pending').waitFor();
    expect(await detail.getByTestId('case-fix-record').count()).toBe(0);
  });

  it('records the level told on the call-back, and shows it with who recorded it', async () => {
    await contactAndRectify(t, supervisor, followUpId);
    const detail = await openCase();
    await detail.getByTestId('case-fix-record').click();
    expect(await detail.getByTestId('case-fix-error').textContent()).toContain('请选择群众的评价');
    await detail.getByTestId('case-fix-level').selectOption('3');
    await screenshot(page, 'admin-ledger-fix-record-1920x1080');
    await detail.getByTestId('case-fix-record').click();
    const shown = detail.getByTestId('case-fix-rating');
    await shown.waitFor();
    expect(await shown.getAttribute('data-channel')).toBe('call');
    const text = await shown.textContent();
    expect(text).toContain('基本满意');
    expect(text).toContain('回访电话记录');
    expect(text).toContain('管理员');
    expect(await detail.getByTestId('case-fix-record').count()).toBe(0);
    await expect.poll(() => page.getByTestId(`case-fix-${followUpId}`).textContent()).toContain('3 · 基本满意');
    expect(await detail.getByTestId('case-history').textContent()).toContain('整改评价');
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, 'admin-ledger-fix-rating-1920x1080');

    const held = (await t.api('GET', `/api/follow-ups/${followUpId}`, { cookie: supervisor })).body;
    expect(held.fixRating).toMatchObject({ level: 3, channel: 'call' });
    // The visitor's page now shows the rating as recorded, and offers no second one.
    const phone = (await t.api('GET', `/api/visits/${token}/rating`)).body;
    expect(phone.followUp).toMatchObject({ fixRating: { level: 3, channel: 'call' }, canRateFix: false });
  });

  it('puts a case the visitor rates 不满意 back to rectification, and asks for the next fix\'s rating', async () => {
    const bad = await t.api('POST', `/api/follow-ups/${followUpId}/fix-rating`, { cookie: supervisor, body: { level: 3 } });
    expect(bad.body.code).toBe('FIX_ALREADY_RATED');
    // A second case, its fix rated 不满意 on the call-back from the screen.
    ({ followUpId } = await badlyRatedVisit(t, '655'));
    await contactAndRectify(t, supervisor, followUpId);
    let detail = await openCase();
    await detail.getByTestId('case-fix-level').selectOption('2');
    await detail.getByTestId('case-fix-record').click();
    await detail.getByTestId('case-fix-reopened').waitFor();
    expect(await detail.getByTestId('case-fix-rating').getAttribute('data-level')).toBe('2');
    expect(await detail.getByTestId('case-fix-record').count()).toBe(0);
    expect((await t.api('GET', `/api/follow-ups/${followUpId}`, { cookie: supervisor })).body).toMatchObject({ status: 'contacted', resolvedAt: null });
    await screenshot(page, 'admin-ledger-fix-reopened-1920x1080');

    // Rectified again: the last rating stays in view, and the new fix can be recorded.
    const again = await t.api('POST', `/api/follow-ups/${followUpId}/actions`, { cookie: supervisor, body: { action: 'rectify', note: '重新办理完毕' } });
    expect(again.status).toBe(200);
    detail = await openCase();
    await detail.getByTestId('case-fix-record').waitFor();
    expect(await detail.getByTestId('case-fix-rating').getAttribute('data-level')).toBe('2');
    await detail.getByTestId('case-fix-level').selectOption('5');
    await detail.getByTestId('case-fix-record').click();
    await detail.locator('[data-testid=case-fix-rating][data-level="5"]').waitFor();
    expect(await detail.getByTestId('case-fix-reopened').count()).toBe(0);
  });
});
