import { describe, expect, it } from 'vitest';
import { shownAppointmentDaysAhead } from '../../../admin-ui/src/pages/settings/feedback-defaults.js';
import { defaultAppointmentDaysAhead } from '../../../server/core/ratings/settings.js';
import { screenshot } from '../../support/browser.js';
import { useSettingsPage } from './settings-page.js';

describe('the hall calendar and booking horizon on the settings page', () => {
  const s = useSettingsPage('settings-booking-days');
  const { open, save, settings } = s;

  it('shows the horizon the server applies to a hall that never saved one, and says what the calendar does', async () => {
    expect(shownAppointmentDaysAhead).toBe(defaultAppointmentDaysAhead);
    expect((await settings()).appointmentDaysAhead).toBeUndefined();
    await open();
    expect(await s.page.getByTestId('settings-booking-days').inputValue()).toBe('7');
    const calendar = s.page.getByTestId('settings-calendar');
    expect(await calendar.textContent()).toContain('大厅日历与预约');
    expect(await s.page.getByTestId('settings-holidays').textContent()).toContain('不取号、不预约，也不计为整改时限的工作日');
    expect(await s.page.getByTestId('settings-holidays').textContent()).toContain('no tickets, no bookings, not a working day for rating deadlines');
    expect(await s.page.getByTestId('settings-workdays').textContent()).toContain('大厅照常办公');
    await calendar.scrollIntoViewIfNeeded();
    await screenshot(s.page, 'admin-settings-calendar-1920x1080');
  });

  it('saves a new horizon, which the phone is told at once', async () => {
    await s.page.getByTestId('settings-booking-days').fill('14');
    await save();
    await s.page.getByTestId('admin-saved').waitFor();
    expect((await settings()).appointmentDaysAhead).toBe(14);
    expect((await s.t.api('GET', '/api/public/hall')).body.appointmentDaysAhead).toBe(14);
    await open();
    expect(await s.page.getByTestId('settings-booking-days').inputValue()).toBe('14');
  });

  it('refuses more than 60 days under the field, in both languages, and saves nothing', async () => {
    const before = await settings();
    await open();
    await s.page.getByTestId('settings-booking-days').fill('90');
    await save();
    const issue = s.page.getByTestId('settings-booking-days-issue');
    await issue.waitFor();
    expect(await issue.textContent()).toMatch(/可提前预约天数.*booking days ahead/);
    expect(await settings()).toEqual(before);
  });
});
