import { describe, expect, it } from 'vitest';
import { HallSettings } from '../../../protocol/config-entities.js';
import { followUpSettingsOf, ratingSettingsOf } from '../../../server/core/ratings/settings.js';
import { at, hallSettings, newHall, refuse, run } from '../hall-fixture.js';

describe('rating and follow-up settings', () => {
  it('default for a hall set up before ratings existed, and its stored settings still validate', () => {
    const old = hallSettings();
    expect(HallSettings.strict().safeParse(old).success).toBe(true);
    expect(ratingSettingsOf(old)).toEqual({ padTimeoutSeconds: 60, phoneRatingHours: 24 });
    expect(followUpSettingsOf(old)).toEqual({ contactHours: 1, rectifyWorkingDays: 5, holidays: [], workdays: [] });
  });

  it('are saved with the hall settings and used by the next bad rating', () => {
    const hall = newHall();
    const followUp = { contactHours: 24, rectifyWorkingDays: 15, holidays: ['2026-12-31'], workdays: [] };
    run(hall.state, 'saveSettings', hallSettings({ followUp }), at('2026-11-23 08:00'));
    expect(followUpSettingsOf(hall.state.settings)).toEqual(followUp);
  });

  it('refuse a date that is both a holiday and a make-up working day', () => {
    const hall = newHall();
    const followUp = { contactHours: 1, rectifyWorkingDays: 5, holidays: ['2026-10-10'], workdays: ['2026-10-10'] };
    expect(refuse(hall.state, 'saveSettings', hallSettings({ followUp }), at('2026-11-23 08:00'))).toMatchObject({ code: 'INVALID_CONFIG', details: { reasonEn: expect.stringContaining('2026-10-10') } });
  });

  it('refuse a service-time yellow light that comes after the red one', () => {
    const hall = newHall();
    expect(refuse(hall.state, 'saveSettings', hallSettings({ yellowServicePercent: 250, redServicePercent: 200 }), at('2026-11-23 08:00')).code).toBe('INVALID_CONFIG');
  });
});
