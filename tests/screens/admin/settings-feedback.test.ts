import { describe, expect, it } from 'vitest';
import { defaultFollowUpSettings, defaultRatingSettings, defaultServicePercents } from '../../../server/core/ratings/settings.js';
import { shownFollowUpDefaults, shownRatingDefaults, shownServicePercents } from '../../../admin-ui/src/pages/settings/feedback-defaults.js';
import { screenshot } from '../../support/browser.js';
import { useSettingsPage } from './settings-page.js';

describe('the rating, follow-up and handling-time settings on the settings page', () => {
  const s = useSettingsPage('settings-pad-timeout');
  const { open, save, addDay, settings } = s;

  it('shows the same defaults the server applies to a hall that never saved them', () => {
    expect(shownRatingDefaults).toEqual(defaultRatingSettings);
    expect(shownFollowUpDefaults).toEqual(defaultFollowUpSettings);
    expect(shownServicePercents).toEqual(defaultServicePercents);
  });

  it('saves every one of them and shows them again after a reload', async () => {
    await open();
    await s.page.getByTestId('settings-service-yellow').fill('120');
    await s.page.getByTestId('settings-service-red').fill('180');
    await s.page.getByTestId('settings-pad-timeout').fill('45');
    await s.page.getByTestId('settings-phone-hours').fill('2.5');
    await s.page.getByTestId('settings-contact-hours').fill('4');
    await s.page.getByTestId('settings-rectify-days').fill('7');
    await addDay('settings-holidays', '2026-10-02');
    await addDay('settings-holidays', '2026-10-01');
    await addDay('settings-workdays', '2026-10-10');
    await save();
    await s.page.getByTestId('admin-saved').waitFor();

    const saved = await settings();
    expect(saved).toMatchObject({
      yellowServicePercent: 120, redServicePercent: 180,
      rating: { padTimeoutSeconds: 45, phoneRatingHours: 2.5 },
      followUp: { contactHours: 4, rectifyWorkingDays: 7, holidays: ['2026-10-01', '2026-10-02'], workdays: ['2026-10-10'] },
    });
    await open();
    expect(await s.page.getByTestId('settings-service-yellow').inputValue()).toBe('120');
    expect(await s.page.getByTestId('settings-service-red').inputValue()).toBe('180');
    expect(await s.page.getByTestId('settings-pad-timeout').inputValue()).toBe('45');
    expect(await s.page.getByTestId('settings-phone-hours').inputValue()).toBe('2.5');
    expect(await s.page.getByTestId('settings-contact-hours').inputValue()).toBe('4');
    expect(await s.page.getByTestId('settings-rectify-days').inputValue()).toBe('7');
    expect(await s.page.getByTestId('settings-holidays-day').allTextContents()).toEqual(['2026-10-01×', '2026-10-02×']);
    expect(await s.page.getByTestId('settings-workdays-day').allTextContents()).toEqual(['2026-10-10×']);
    await screenshot(s.page, 'admin-settings-feedback-1920x1080');
  });

  it('removes a holiday from the list', async () => {
    await s.page.getByTestId('settings-holidays-remove-2026-10-02').click();
    await save();
    await s.page.getByTestId('admin-saved').waitFor();
    expect((await settings()).followUp.holidays).toEqual(['2026-10-01']);
  });

  it('refuses a rating screen timeout out of range under the field, in both languages, and saves nothing', async () => {
    const before = await settings();
    await open();
    await s.page.getByTestId('settings-pad-timeout').fill('2');
    await s.page.getByTestId('settings-contact-hours').fill('9');
    await save();
    const issue = s.page.getByTestId('settings-pad-timeout-issue');
    await issue.waitFor();
    expect(await issue.textContent()).toMatch(/评价屏等待时长.*rating screen timeout/);
    expect(await s.page.getByTestId('admin-error').getAttribute('data-code')).toBe('VALIDATION_FAILED');
    await screenshot(s.page, 'admin-settings-refused-1920x1080');
    expect(await settings()).toEqual(before);
  });

  it('refuses a day that is both a holiday and a make-up working day, next to the list', async () => {
    const before = await settings();
    await open();
    await addDay('settings-workdays', '2026-10-01');
    await save();
    const issue = s.page.getByTestId('settings-workdays-issue');
    await issue.waitFor();
    expect(await issue.textContent()).toContain('2026-10-01 不能既是节假日又是调休工作日');
    expect(await issue.textContent()).toContain('cannot be both a holiday and a make-up working day');
    expect(await settings()).toEqual(before);
  });

  it('refuses a red handling-time warning below the yellow one', async () => {
    const before = await settings();
    await open();
    await s.page.getByTestId('settings-service-red').fill('110');
    await save();
    await s.page.getByTestId('settings-service-red-issue').waitFor();
    expect(await settings()).toEqual(before);
  });
});
