import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type ScreenSize } from '../../support/browser.js';
import type { TestHall } from '../../support/hall-server.js';
import { HallClock, startHall } from '../../server/test-hall.js';
import { idNumber, onlineTicket, signIn, text, waitForText } from './pad-helpers.js';

const wide: ScreenSize = { width: 1366, height: 768 };
const pension = 1; // 社保参保登记 (A): window 1 serves it first

async function padFor(browser: Browser, t: TestHall, staffNumber: string, clock: HallClock): Promise<Page> {
  const context = await browser.newContext({ viewport: wide, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  // The pad counts waits by its own clock: give it the hall's, or every wait reads months long.
  await context.clock.setFixedTime(clock.now());
  const page = await context.newPage();
  await page.goto(`${t.url}/pad/`);
  await signIn(page, staffNumber, t.adminPassword);
  await page.getByTestId('pad-pick-window-1').waitFor();
  return page;
}

// The QA report: an appointment ticket called ahead of walk-ins carried no mark on the pad; 顺延 and "you" read oddly.
describe('what the pad says about a ticket', () => {
  let t: TestHall;
  let browser: Browser;
  let desk: Page;
  let walkIn: string;
  let booked: { id: number; number: string };
  const clock = new HallClock('2026-03-10 10:05');

  beforeAll(async () => {
    t = await startHall({ clock });
    browser = await launchBrowser();
    walkIn = await onlineTicket(t, pension, '孙八', idNumber('19700315', 31));
    const appointment = await t.api('POST', '/api/appointments', {
      body: { serviceId: pension, date: '2026-03-10', slotStart: '10:00', identity: { name: '周九', idNumber: idNumber('19700315', 41) } },
    });
    const checkedIn = await t.api('POST', '/api/appointments/check-in', { token: t.kioskToken, body: { code: appointment.body.code } });
    expect(checkedIn.status).toBe(201);
    booked = checkedIn.body.ticket;
    desk = await padFor(browser, t, '1001', clock);
    await desk.getByTestId('pad-pick-window-1').click();
    await desk.getByTestId('pad-open').click();
    await waitForText(desk, 'pad-window-status', '开放中');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('tags the booked visitor 预约 Appointment in the waiting list and at the counter, and no walk-in', async () => {
    await waitForText(desk, `pad-waiting-appointment-${booked.number}`, '预约');
    expect(await text(desk, `pad-waiting-appointment-${booked.number}`)).toContain('Appointment');
    expect(await desk.getByTestId(`pad-waiting-appointment-${walkIn}`).count()).toBe(0);
    await screenshot(desk, 'pad-appointment-waiting-1366x768');

    await desk.keyboard.press('F1');
    await waitForText(desk, 'pad-current-number', booked.number);
    expect(await text(desk, 'pad-current-appointment')).toContain('预约');
    expect(await text(desk, 'pad-current-appointment')).toContain('Appointment');
    await screenshot(desk, 'pad-appointment-current-1366x768');
  });

  it('says 顺延 Re-queued of a visitor put back in the queue', async () => {
    await desk.keyboard.press('F5');
    await waitForText(desk, 'pad-count-no-show', '1');
    const requeued = await t.api('POST', `/api/tickets/${booked.id}/requeue`, { cookie: await t.login('1001') });
    expect(requeued.status).toBe(200);
    await waitForText(desk, `pad-waiting-requeued-${booked.number}`, '顺延');
    expect(await text(desk, `pad-waiting-requeued-${booked.number}`)).toContain('Re-queued');
    // Both tags show whole, not clipped at the edge of the row.
    const clipped = await desk.getByTestId(`pad-waiting-${booked.number}`).evaluate((row) => {
      const main = row.querySelector('.waiting-main')!.getBoundingClientRect();
      return [...row.querySelectorAll('.waiting-meta .tag')].some((tag) => tag.getBoundingClientRect().right > main.right);
    });
    expect(clipped).toBe(false);
    await screenshot(desk, 'pad-requeued-1366x768');
  });

  it('names one\'s own window on the picker as 本人 / You', async () => {
    const picker = await padFor(browser, t, '1001', clock);
    await waitForText(picker, 'pad-pick-status-1', '本人');
    expect(await text(picker, 'pad-pick-status-1')).toContain('You');
    await screenshot(picker, 'pad-picker-own-1366x768');
  });
});
