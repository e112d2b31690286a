import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, type ScreenSize } from '../../support/browser.js';
import type { TestHall } from '../../support/hall-server.js';
import { HallClock, startHall } from '../../server/test-hall.js';
import { seriousAxeFindings } from '../kiosk/screen-checks.js';
import { idNumber, shoot } from './phone-fixture.js';

const today = '2026-03-10'; // a Tuesday, 10:05 on the hall's clock; the demo hall works every day round the clock
const holiday = '2026-03-12';

/** Shot and checked: nothing wider than the phone or cut, and no serious or critical accessibility finding. */
async function look(page: Page, name: string): Promise<void> {
  await shoot(page, name);
  expect(await seriousAxeFindings(page), name).toEqual([]);
}

/** Start page -> service -> day -> time -> name and ID number -> the booking's own page; returns its token. */
async function book(page: Page, t: TestHall, size: string, day: string, slot: string, who: { name: string; id: string }, shots: boolean): Promise<string> {
  await page.goto(`${t.url}/m/`);
  await page.getByTestId('phone-choice-book').waitFor();
  if (shots) await look(page, `phone-book-1-start-${size}`);
  await page.getByTestId('phone-choice-book').click();
  await page.getByTestId('booking-step-service').waitFor();
  if (shots) await look(page, `phone-book-2-service-${size}`);
  await page.getByTestId('book-service-SB01').click();
  await page.getByTestId(`book-day-${day}`).waitFor();
  if (shots) await look(page, `phone-book-3-day-${size}`);
  await page.getByTestId(`book-day-${day}`).click();
  await page.getByTestId(`book-slot-${slot.replace(':', '')}`).waitFor();
  if (shots) await look(page, `phone-book-4-slot-${size}`);
  await page.getByTestId(`book-slot-${slot.replace(':', '')}`).click();
  await page.getByTestId('booking-step-identity').waitFor();
  await page.getByTestId('phone-name').fill(who.name);
  await page.getByTestId('phone-id-number').fill(who.id);
  if (shots) await look(page, `phone-book-5-identity-${size}`);
  await page.getByTestId('phone-submit').click();
  await page.waitForURL(/\/m\/a\/[A-Za-z0-9_-]{16,}$/);
  await page.getByTestId('booking-code').waitFor();
  return new URL(page.url()).pathname.split('/').pop()!;
}

describe('booking an appointment on the phone', () => {
  let t: TestHall;
  let browser: Browser;
  const pages: Page[] = [];
  const open = async (size: ScreenSize) => {
    const page = await openPage(browser, `${t.url}/m/`, size);
    pages.push(page);
    return page;
  };

  beforeAll(async () => {
    t = await startHall({ clock: new HallClock(`${today} 10:05`) });
    const admin = await t.login('admin');
    const settings = (await t.api('GET', '/api/settings', { cookie: admin })).body;
    const saved = await t.api('PUT', '/api/settings', { cookie: admin, body: { ...settings, followUp: { contactHours: 1, rectifyWorkingDays: 5, holidays: [holiday], workdays: [] } } });
    expect(saved.status).toBe(200);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('books at 390x844 step by step, with the holiday closed, then lists the booking and cancels it', async () => {
    const page = await open({ width: 390, height: 844 });
    const who = { name: '张三', id: idNumber('1990-01-01', '123') };
    await page.goto(`${t.url}/m/`);
    await page.getByTestId('phone-choice-book').click();
    await page.getByTestId('book-service-SB01').click();
    // The holiday is there, closed and saying why; the other days show their places.
    const closed = page.getByTestId(`book-day-${holiday}`);
    await closed.waitFor();
    expect(await closed.getAttribute('data-state')).toBe('holiday');
    expect(await closed.isDisabled()).toBe(true);
    expect(await closed.textContent()).toContain('节假日休息');
    expect(await page.getByTestId('book-day-2026-03-11').textContent()).toContain('剩余 192');
    expect(await page.getByTestId('book-day-2026-03-17').count()).toBe(1);
    expect(await page.getByTestId('book-day-2026-03-18').count()).toBe(0);

    // A time others have taken in full is there, and cannot be chosen.
    for (const [i, name] of ['赵一', '钱二', '孙三', '周四'].entries()) {
      const taken = await t.api('POST', '/api/appointments', { body: { serviceId: 1, date: '2026-03-11', slotStart: '09:00', identity: { name, idNumber: idNumber('1970-01-01', `90${i}`) } } });
      expect(taken.status).toBe(201);
    }
    await page.getByTestId('book-day-2026-03-11').click();
    const full = page.getByTestId('book-slot-0900');
    await full.waitFor();
    expect(await full.getAttribute('data-state')).toBe('full');
    expect(await full.isDisabled()).toBe(true);
    expect(await full.textContent()).toContain('已约满');

    const token = await book(page, t, '390x844', '2026-03-11', '14:00', who, true);
    expect(await page.getByTestId('booking-booked').textContent()).toContain('预约成功');
    expect(await page.getByTestId('booking-code').textContent()).toMatch(/^\d{6}$/);
    expect(await page.getByTestId('booking-day').textContent()).toContain('2026年3月11日 周三');
    expect(await page.getByTestId('booking-slot').textContent()).toBe('14:00–14:30');
    expect(await page.getByTestId('booking-howto').textContent()).toContain('到厅后在取号机用身份证或预约码签到');
    expect(await page.getByTestId('booking-howto').textContent()).toContain('Check in at the kiosk with your ID card or this code');
    await look(page, 'phone-book-6-confirmed-390x844');
    expect((await t.api('GET', `/api/bookings/${token}`)).body.status).toBe('booked');

    await page.getByTestId('phone-home').click();
    const listed = page.getByTestId('my-booking');
    await expect.poll(() => listed.getAttribute('data-status')).toBe('booked');
    expect(await listed.textContent()).toContain('社保参保登记');
    await look(page, 'phone-book-7-list-390x844');
    await listed.click();
    await page.getByTestId('booking-cancel').click();
    await page.getByTestId('booking-cancel-confirm').waitFor();
    expect(await page.getByTestId('booking-cancel-confirm').textContent()).toContain('3月11日 周三 14:00–14:30');
    await look(page, 'phone-book-8-cancel-ask-390x844');
    await page.getByTestId('booking-cancel-yes').click();
    await expect.poll(() => page.getByTestId('booking-status').getAttribute('data-status')).toBe('cancelled');
    expect(await page.getByTestId('booking-over').textContent()).toContain('该预约已取消');
    expect(await page.getByTestId('booking-cancel').count()).toBe(0);
    await look(page, 'phone-book-9-cancelled-390x844');
    const slots = (await t.api('GET', '/api/appointments/slots?serviceId=1&date=2026-03-11')).body as { start: string; left: number }[];
    expect(slots.find((s) => s.start === '14:00')!.left).toBe(4);
    await page.getByTestId('phone-home').click();
    await expect.poll(() => page.getByTestId('my-booking').getAttribute('data-status')).toBe('cancelled');
  });

  it('books today at 360x640, shows refusals with what to do, and leads to the ticket once checked in at the kiosk', async () => {
    const page = await open({ width: 360, height: 640 });
    const who = { name: '李四', id: idNumber('1985-06-15', '456') };
    const token = await book(page, t, '360x640', today, '10:30', who, true);
    await look(page, 'phone-book-6-confirmed-360x640');
    const code = await page.getByTestId('booking-code').textContent();

    // The same person, the same service, the same day again: the server's refusal, large, with the next step.
    await page.getByTestId('phone-home').click();
    await page.getByTestId('phone-choice-book').click();
    await page.getByTestId('book-service-SB01').click();
    await page.getByTestId(`book-day-${today}`).click();
    // At 10:05 the times before 10:00 are over: not offered, and one line says so; 10:00 to 10:30 is still on.
    await page.getByTestId('book-slot-1000').waitFor();
    expect(await page.getByTestId('book-slot-0930').count()).toBe(0);
    expect(await page.getByTestId('booking-passed').textContent()).toBe('10:00 以前的时段已过Times before 10:00 have passed');
    expect(await page.getByTestId('book-slot-1030').textContent()).toContain('剩余 3');
    await page.getByTestId('book-slot-1100').click();
    await page.getByTestId('phone-name').fill(who.name);
    await page.getByTestId('phone-id-number').fill(who.id);
    await page.getByTestId('phone-submit').click();
    const refusal = page.getByTestId('phone-refusal');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('ALREADY_BOOKED');
    expect(await refusal.textContent()).toContain('您已预约该业务');
    expect(await refusal.textContent()).toContain('请在“我的预约”中查看');
    await look(page, 'phone-book-refused-360x640');

    // Back to the booking from the list; while the visitor thinks about cancelling, the kiosk checks it in.
    await page.getByTestId('phone-home').click();
    await page.locator(`[data-testid="my-booking"][href="/m/a/${token}"]`).click();
    await page.getByTestId('booking-cancel').click();
    const checkedIn = await t.api('POST', '/api/appointments/check-in', { token: t.kioskToken, body: { code } });
    expect(checkedIn.status).toBe(201);
    const number: string = checkedIn.body.ticket.number;
    await page.getByTestId('booking-cancel-yes').click();
    const refused = page.getByTestId('booking-refusal');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('预约当前状态为“已签到”，不能取消');
    expect(await refused.textContent()).toContain('The appointment is checked in; cannot cancel it');
    const link = page.getByTestId('booking-ticket-link');
    await link.waitFor();
    expect(await page.getByTestId('booking-status').getAttribute('data-status')).toBe('checked_in');
    expect(await page.getByTestId('booking-checked-in').textContent()).toContain(`您的号码是 ${number}`);
    await look(page, 'phone-book-10-checked-in-360x640');
    await link.click();
    await page.waitForURL(/\/m\/t\/[A-Za-z0-9_-]{16,}$/);
    await expect.poll(() => page.locator('.number').textContent()).toBe(number);
    expect(await page.getByTestId('phone-status').getAttribute('data-status')).toBe('waiting');
    await look(page, 'phone-book-11-ticket-360x640');

    // The start page lists it as checked in, with its number, opening the ticket's live page.
    await page.getByTestId('phone-home').click();
    const listed = page.locator('[data-testid="my-booking"][data-status="checked_in"]');
    await listed.waitFor();
    expect(await listed.textContent()).toContain(`已签到 ${number}`);
    expect(await listed.getAttribute('href')).toMatch(/^\/m\/t\/[A-Za-z0-9_-]{43}$/);
    await look(page, 'phone-book-12-list-360x640');
  });
});
