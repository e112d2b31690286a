import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shownAppointmentDaysAhead } from '../../../admin-ui/src/pages/settings/feedback-defaults.js';
import { defaultAppointmentDaysAhead } from '../../../server/core/ratings/settings.js';
import { launchBrowser, screenshot } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { signedInPage } from '../admin-stats/signed-in-page.js';

describe('the hall calendar and booking horizon on the settings page', () => {
  let t: TestHall;
  let browser: Browser;
  let page: Page;
  let admin: string;

  const open = async () => {
    await page.goto('about:blank');
    await page.goto(`${t.url}/admin/#/settings`);
    await page.getByTestId('settings-booking-days').waitFor();
  };
  const settings = async () => (await t.api('GET', '/api/settings', { cookie: admin })).body;

  beforeAll(async () => {
    t = await startTestHall();
    admin = await t.login('admin');
    browser = await launchBrowser();
    page = await signedInPage(browser, t, admin);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('shows the horizon the server applies to a hall that never saved one, and says what the calendar does', async () => {
    expect(shownAppointmentDaysAhead).toBe(defaultAppointmentDaysAhead);
    expect((await settings()).appointmentDaysAhead).toBeUndefined();
    await open();
    expect(await page.getByTestId('settings-booking-days').inputValue()).toBe('7');
    const calendar = page.getByTestId('settings-calendar');
    expect(await calendar.textContent()).toContain('大厅日历与预约');
    expect(await page.getByTestId('settings-holidays').textContent()).toContain('不取号、不预约，也不计为整改时限的工作日');
    expect(await page.getByTestId('settings-holidays').textContent()).toContain('no tickets, no bookings, not a working day for rating deadlines');
    expect(await page.getByTestId('settings-workdays').textContent()).toContain('大厅照常办公');
    await calendar.scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-settings-calendar-1920x1080');
  });

  it('saves a new horizon, which the phone is told at once', async () => {
    await page.getByTestId('settings-booking-days').fill('14');
    await page.getByTestId('admin-settings-save').click();
    await page.getByTestId('admin-saved').waitFor();
    expect((await settings()).appointmentDaysAhead).toBe(14);
    expect((await t.api('GET', '/api/public/hall')).body.appointmentDaysAhead).toBe(14);
    await open();
    expect(await page.getByTestId('settings-booking-days').inputValue()).toBe('14');
  });

  it('refuses more than 60 days under the field, in both languages, and saves nothing', async () => {
    const before = await settings();
    await open();
    await page.getByTestId('settings-booking-days').fill('90');
    await page.getByTestId('admin-settings-save').click();
    const issue = page.getByTestId('settings-booking-days-issue');
    await issue.waitFor();
    expect(await issue.textContent()).toMatch(/可提前预约天数.*booking days ahead/);
    expect(await settings()).toEqual(before);
  });
});
