import type { FollowUpSettings, RatingSettings } from '../../../../protocol/config-entities.js';

// Halls set up before ratings existed have none of these settings stored and the server applies its defaults
// (server/core/ratings/settings.ts). The page shows the same numbers so the admin sees what is in force; they are
// copied rather than imported because the screens do not bundle server code. A test keeps the two equal.
export const shownRatingDefaults: RatingSettings = { padTimeoutSeconds: 60, phoneRatingHours: 24 };
export const shownFollowUpDefaults: FollowUpSettings = { contactHours: 1, rectifyWorkingDays: 5, holidays: [], workdays: [] };
export const shownServicePercents = { yellow: 150, red: 200 } as const;
export const shownAppointmentDaysAhead = 7;

