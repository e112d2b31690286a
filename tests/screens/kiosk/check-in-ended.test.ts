import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, sizes } from '../../support/browser.js';
import type { TestHall } from '../../support/hall-server.js';
import { HallClock, idNumber, startHall } from '../../server/test-hall.js';
import { goHome, openKiosk, shoot } from './kiosk-fixture.js';
import { seriousAxeFindings } from './screen-checks.js';

/**
 * A visitor a day late types their booking's code at the kiosk: the kiosk says the booking expired (or was
 * cancelled) and what to do instead, rather than that it does not exist.
 */
describe('the kiosk checking in a booking that no longer stands', () => {
  const clock = new HallClock('2026-03-10 08:40');
  let t: TestHall;
  let browser: Browser;
  let missedCode = '';
  let cancelledCode = '';

  const book = async (identity: { name: string; idNumber: string }) => {
    const slots = (await t.api('GET', '/api/appointments/slots?serviceId=7&date=2026-03-10')).body as { start: string; left: number; passed?: boolean }[];
    const slot = slots.find((s) => s.left > 0 && !s.passed)!;
    const booked = await t.api('POST', '/api/appointments', { body: { serviceId: 7, date: '2026-03-10', slotStart: slot.start, identity } });
    expect(booked.status).toBe(201);
    return booked.body as { code: string; token: string };
  };
  const typeCode = async (page: Page, code: string) => {
    await page.getByTestId('kiosk-check-in').click();
    for (const digit of code) await page.getByTestId(`key-${digit}`).click();
    await page.getByTestId('kiosk-check-in-confirm').click();
    return page.getByTestId('kiosk-problem');
  };

  beforeAll(async () => {
    t = await startHall({ clock });
    browser = await launchBrowser();
    missedCode = (await book({ name: '褚十三', idNumber: idNumber('19750506', '081') })).code;
    const cancelled = await book({ name: '卫十四', idNumber: idNumber('19860707', '091') });
    cancelledCode = cancelled.code;
    expect((await t.api('POST', `/api/bookings/${cancelled.token}/cancel`)).status).toBe(200);
    // The visitor comes the next morning; the hall closed the day at midnight.
    clock.jumpTo('2026-03-11 09:20');
    expect(t.hall.ctx.runner.run('closeDay', {}, { kind: 'system' }).ok).toBe(true);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('says a missed booking has expired, and what to do now, in portrait', async () => {
    const page = await openKiosk(browser, t, sizes.kioskPortrait);
    const problem = await typeCode(page, missedCode);
    await expect.poll(() => problem.getAttribute('data-code')).toBe('APPOINTMENT_EXPIRED');
    const title = page.locator('.problem-message');
    expect(await title.textContent()).toContain('该预约已过期');
    expect(await title.textContent()).toContain('This appointment has expired');
    expect(await page.locator('.problem-next-text').textContent()).toContain('请直接取号排队');
    expect(await problem.textContent()).not.toContain('预约不存在');
    await shoot(page, 'kiosk-portrait-check-in-expired');
    expect(await seriousAxeFindings(page)).toEqual([]);
    // Back leads to the keypad again, for a visitor who typed the wrong booking's code.
    await page.getByTestId('kiosk-back').click();
    await page.getByTestId('kiosk-check-in-confirm').waitFor();
    await page.getByTestId('kiosk-back').click();
    await page.getByTestId('kiosk-area-SB').waitFor();
    await page.context().close();
  });

  it('says a cancelled booking was cancelled, in landscape', async () => {
    const page = await openKiosk(browser, t, sizes.kioskLandscape);
    const problem = await typeCode(page, cancelledCode);
    await expect.poll(() => problem.getAttribute('data-code')).toBe('APPOINTMENT_CANCELLED');
    expect(await page.locator('.problem-message').textContent()).toContain('该预约已取消');
    expect(await page.locator('.problem-next-text').textContent()).toContain('重新预约');
    await shoot(page, 'kiosk-landscape-check-in-cancelled');
    await goHome(page);
    await page.context().close();
  });
});
