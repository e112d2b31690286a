import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../../support/browser.js';
import type { TestHall } from '../../support/hall-server.js';
import { HallClock, idNumber, startHall } from '../../server/test-hall.js';
import { signedInPage } from '../admin-stats/signed-in-page.js';
import { lastColumnReachable, wrappedCells } from '../admin-stats/table-fit.js';

const today = '2026-03-10'; // a Tuesday, 10:05 on the hall's clock; the demo hall works every day round the clock
const soon = '2026-03-12'; // the day the admin makes a holiday
const pension = 1; // 社保参保登记 (A): 30-minute slots, 4 places each
const medical = 2; // 医保登记 (B), the same area
const laptop = { width: 1366, height: 768 };
const fullHd = { width: 1920, height: 1080 };

type Booked = { id: number; code: string; token: string };

/**
 * 预约管理 on a real hall: bookings made on the phone's route in two slots of one service and one of another, read
 * back masked; a kiosk check-in shown with its ticket number after 刷新; a cancel that asks first, and one the
 * visitor got in before, refused in both languages. Then the settings page asking before a holiday is saved over
 * standing bookings.
 */
describe('the appointments page and the holiday warning', () => {
  let t: TestHall;
  let browser: Browser;
  let page: Page;
  let admin: string;
  const people = {
    zhao: { name: '赵六', idNumber: idNumber('19700315', '011') },
    qian: { name: '钱七', idNumber: idNumber('19800420', '021') },
    sun: { name: '孙八', idNumber: idNumber('19900525', '031') },
    zhou: { name: '周九', idNumber: idNumber('19850101', '041') },
  };
  const booked: Record<string, Booked> = {};
  const book = async (serviceId: number, date: string, slotStart: string, identity: { name: string; idNumber: string }): Promise<Booked> => {
    const res = await t.api('POST', '/api/appointments', { body: { serviceId, date, slotStart, identity } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const status = (id: number) => page.getByTestId(`appt-status-${id}`);
  const statusOf = async (id: number) => (await t.api('GET', `/api/appointments?date=${today}`, { cookie: admin })).body.services
    .flatMap((s: { slots: { bookings: { id: number; status: string }[] }[] }) => s.slots.flatMap((slot) => slot.bookings))
    .find((b: { id: number }) => b.id === id).status;

  beforeAll(async () => {
    t = await startHall({ clock: new HallClock(`${today} 10:05`) });
    admin = await t.login('admin');
    booked.zhao = await book(pension, today, '10:30', people.zhao);
    booked.qian = await book(pension, today, '10:30', people.qian);
    booked.sun = await book(pension, today, '11:00', people.sun);
    booked.zhou = await book(medical, today, '14:00', people.zhou);
    browser = await launchBrowser();
    page = await signedInPage(browser, t, admin);
    await page.goto(`${t.url}/admin/#/ratings`);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('lists today\'s bookings by service and slot, masked, fitting 1920x1080 and 1366x768', async () => {
    // In the menu right after the ratings ledger.
    const menu = await page.locator('.sidenav a').evaluateAll((links) => links.map((a) => a.getAttribute('data-testid')));
    expect(menu.slice(menu.indexOf('admin-nav-ratings'), menu.indexOf('admin-nav-ratings') + 2)).toEqual(['admin-nav-ratings', 'admin-nav-appointments']);
    await page.getByTestId('admin-nav-appointments').click();
    await page.getByTestId(`appt-row-${booked.zhou.id}`).waitFor();
    expect(await page.getByTestId('appointments-date').inputValue()).toBe(today);
    expect(await page.getByTestId('appointments-summary').textContent()).toContain('3月10日 星期二');
    expect(await page.getByTestId('appointments-count-booked').textContent()).toContain('4');

    expect(await page.getByTestId(`appt-slot-${pension}-1030`).textContent()).toBe('10:302/4');
    expect(await page.getByTestId(`appt-slot-${pension}-1100`).textContent()).toBe('11:001/4');
    expect(await page.getByTestId(`appt-places-${pension}`).textContent()).toContain('已约 3 / 192 个名额');
    const row = await page.getByTestId(`appt-row-${booked.zhao.id}`).textContent();
    expect(row).toContain('10:30–11:00');
    expect(row).toContain(`赵*110105********${people.zhao.idNumber.slice(-4)}`);
    expect(row).toContain('已预约Booked');
    // The services nobody booked are named once, below, not drawn slot by slot.
    expect(await page.getByTestId('appointments-quiet').textContent()).toContain('当日暂无预约的业务');
    expect(await page.getByTestId('appt-service-3').count()).toBe(0);
    const text = await page.locator('body').textContent();
    for (const p of Object.values(people)) {
      expect(text).not.toContain(p.idNumber);
      expect(text).not.toContain(p.name);
    }
    await page.evaluate(() => document.fonts.ready);
    await screenshot(page, 'admin-appointments-1920x1080');
    expect(await wrappedCells(page, `appt-table-${pension}`)).toEqual([]);

    await page.setViewportSize(laptop);
    await screenshot(page, 'admin-appointments-1366x768');
    expect(await wrappedCells(page, `appt-table-${pension}`)).toEqual([]);
    expect(await lastColumnReachable(page, `appt-table-${pension}`)).toBe(true);
    const controls = await page.locator('.appts-head .panel-head').evaluate((el) => el.scrollWidth <= el.clientWidth);
    expect(controls).toBe(true);
  });

  it('shows a check-in at the kiosk with its ticket number once refreshed', async () => {
    const checkedIn = await t.api('POST', '/api/appointments/check-in', { token: t.kioskToken, body: { code: booked.zhao.code } });
    expect(checkedIn.status).toBe(201);
    await page.getByTestId('appointments-refresh').click();
    await expect.poll(() => status(booked.zhao.id).textContent()).toBe(`已签到Checked in${checkedIn.body.ticket.number}`);
    expect(await page.getByTestId(`appt-cancel-${booked.zhao.id}`).count()).toBe(0);
    expect(await page.getByTestId('appointments-count-checked_in').textContent()).toContain('1');
    // A booking made meanwhile shows by itself, as the hall's socket says something happened.
    const wu = await book(pension, today, '12:00', { name: '吴十', idNumber: idNumber('19750606', '051') });
    await page.getByTestId(`appt-row-${wu.id}`).waitFor();
    expect(await page.getByTestId(`appt-slot-${pension}-1200`).textContent()).toBe('12:001/4');
  });

  it('asks before cancelling, changes nothing when told no, and frees the place when told yes', async () => {
    await page.getByTestId(`appt-cancel-${booked.qian.id}`).click();
    const dialog = page.getByTestId('admin-confirm');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('取消 钱* 的预约？');
    expect(await dialog.textContent()).toContain(`社保参保登记 · 3月10日 10:30–11:00 · 110105********${people.qian.idNumber.slice(-4)}`);
    expect(await page.getByTestId('admin-confirm-no').textContent()).toBe('不取消Keep it');
    await screenshot(page, 'admin-appointments-cancel-1366x768');
    await page.getByTestId('admin-confirm-no').click();
    expect(await dialog.count()).toBe(0);
    expect(await statusOf(booked.qian.id)).toBe('booked');

    await page.getByTestId(`appt-cancel-${booked.qian.id}`).click();
    await page.getByTestId('admin-confirm-yes').click();
    await page.getByTestId('appointments-cancelled').waitFor();
    await expect.poll(() => status(booked.qian.id).textContent()).toBe('已取消Cancelled');
    expect(await statusOf(booked.qian.id)).toBe('cancelled');
    // 赵六 checked in still holds a place; 钱七's is free again.
    expect(await page.getByTestId(`appt-slot-${pension}-1030`).textContent()).toBe('10:301/4');
  });

  it('shows the server\'s refusal in both languages when the visitor cancelled first', async () => {
    await page.getByTestId(`appt-cancel-${booked.sun.id}`).click();
    await page.getByTestId('admin-confirm').waitFor();
    // Meanwhile the visitor cancels on the phone.
    expect((await t.api('POST', `/api/bookings/${booked.sun.token}/cancel`, { body: {} })).status).toBe(200);
    await page.getByTestId('admin-confirm-yes').click();
    const refusal = page.getByTestId('admin-error');
    await refusal.waitFor();
    expect(await refusal.getAttribute('data-code')).toBe('INVALID_TRANSITION');
    expect(await refusal.textContent()).toBe('预约当前状态为“已取消”，不能取消The appointment is cancelled; cannot cancel it');
    await expect.poll(() => status(booked.sun.id).textContent()).toBe('已取消Cancelled');
    await page.setViewportSize(fullHd);
    await screenshot(page, 'admin-appointments-refused-1920x1080');
  });

  it('warns before a holiday is saved over standing bookings, naming the date and count, and saves when told to', async () => {
    for (const [i, p] of Object.values(people).slice(0, 3).entries()) await book(pension, soon, `0${9 + i}:00`.slice(-5), p);
    const holidays = async () => (await t.api('GET', '/api/settings', { cookie: admin })).body.followUp?.holidays ?? [];
    await page.getByTestId('admin-nav-settings').click();
    await page.getByTestId('settings-holidays-input').fill(soon);
    await page.getByTestId('settings-holidays-add').click();
    await page.getByTestId('admin-settings-save').click();
    const dialog = page.getByTestId('admin-confirm');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('3月12日已有 3 个预约：放假后这些预约仍有效，请通知预约人或取消预约');
    expect(await dialog.textContent()).toContain('3 bookings on 12 Mar: they stay booked once the day is a holiday; tell the visitors or cancel the bookings');
    await screenshot(page, 'admin-settings-holiday-bookings-1920x1080');
    await page.setViewportSize(laptop);
    await screenshot(page, 'admin-settings-holiday-bookings-1366x768');
    await page.getByTestId('admin-confirm-no').click();
    expect(await holidays()).toEqual([]);

    await page.getByTestId('admin-settings-save').click();
    await page.getByTestId('admin-confirm-yes').click();
    await page.getByTestId('admin-saved').waitFor();
    expect(await holidays()).toEqual([soon]);
    // Saved again with no new holiday: nothing to ask.
    await page.getByTestId('settings-notice-zh').fill('欢迎');
    await page.getByTestId('admin-settings-save').click();
    await page.getByTestId('admin-saved').waitFor();
    expect(await dialog.count()).toBe(0);

    // The day's list says the hall is closed and the bookings still stand.
    await page.goto(`${t.url}/admin/#/appointments?date=${soon}`);
    const holiday = page.getByTestId('appointments-holiday');
    await holiday.waitFor();
    expect(await holiday.textContent()).toContain('节假日闭厅：这些预约仍有效，请通知预约人或取消');
    expect(await page.getByTestId(`appt-places-${pension}`).textContent()).toContain('已约 3 / 12 个名额');
    await screenshot(page, 'admin-appointments-holiday-1366x768');
  });
});
