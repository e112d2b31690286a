import type { FollowUpSettings, HallSettings, RatingSettings } from '../../../protocol/config-entities.js';
import { domainError, type DomainError } from '../errors.js';

// Halls set up before ratings existed have none of these settings: the defaults below apply until an admin
// saves them, so no stored settings need rewriting.

/** The caller pad's rating screen shows the levels for a minute. */
export const defaultRatingSettings: RatingSettings = { padTimeoutSeconds: 60, phoneRatingHours: 24 };

/** Vendors push a bad rating to the head of department at once and expect a call-back within the hour. */
export const defaultFollowUpSettings: FollowUpSettings = { contactHours: 1, rectifyWorkingDays: 5, holidays: [], workdays: [] };

export const defaultServicePercents = { yellow: 150, red: 200 } as const;

/** A week ahead, as halls' booking systems commonly offer; halls that booked before there was a horizon get it too. */
export const defaultAppointmentDaysAhead = 7;

export function ratingSettingsOf(settings: HallSettings): RatingSettings {
  return settings.rating ?? defaultRatingSettings;
}

export function followUpSettingsOf(settings: HallSettings): FollowUpSettings {
  return settings.followUp ?? defaultFollowUpSettings;
}

/** Days ahead a visitor may book, today being day 0; 0: no bookings. */
export function appointmentDaysAheadOf(settings: HallSettings): number {
  return settings.appointmentDaysAhead ?? defaultAppointmentDaysAhead;
}

export function servicePercentsOf(settings: HallSettings): { yellow: number; red: number } {
  return { yellow: settings.yellowServicePercent ?? defaultServicePercents.yellow, red: settings.redServicePercent ?? defaultServicePercents.red };
}

/** Settings that would make deadlines or warnings meaningless are refused when saved. */
export function feedbackSettingsError(settings: HallSettings): DomainError | null {
  const percents = servicePercentsOf(settings);
  if (percents.yellow >= percents.red) {
    return domainError('INVALID_CONFIG', { reasonZh: '办理时长黄色预警须早于红色预警', reasonEn: 'the yellow service-time threshold must come before the red one' });
  }
  const followUp = settings.followUp;
  const both = followUp?.holidays.find((d) => followUp.workdays.includes(d));
  if (both) return domainError('INVALID_CONFIG', { reasonZh: `${both} 不能既是节假日又是调休工作日`, reasonEn: `${both} cannot be both a holiday and a make-up working day` });
  return null;
}
