import type { ErrorBody, Text } from '../../../protocol/i18n.js';
import { nextStepFor } from '../shared/error-text.js';
import type { HallService, IssuedTicket } from './kiosk-api.js';
import { openingText } from './kiosk-api.js';
import type { Problem } from './problem-screen.js';

/** Where the visitor is in the kiosk's flow. Every step but 'start' goes back to 'start' after 30 s untouched. */
export type Step =
  | { name: 'start' }
  | { name: 'services'; areaId: number }
  | { name: 'identity'; service: HallService }
  | { name: 'busy' }
  | { name: 'ticket'; issued: IssuedTicket; checkedIn: boolean }
  | { name: 'checkin' }
  | { name: 'problem'; problem: Problem; back: Step | null };

export const idleMs = 30_000;
export const idleWarnMs = 10_000;

export function problemOf(error: ErrorBody): Problem {
  const number = typeof error.details?.number === 'string' ? error.details.number : undefined;
  return { code: error.code, message: error.message, next: nextStepFor(error.code), number };
}

/** A service the hall lists as closed is explained at once, with when it opens, before any card is asked for. */
export function closedProblem(service: HallService, hallDay: string): Problem {
  const when = openingText(service.opening, hallDay);
  const message: Text = when
    ? { zh: `该业务当前不在办理时间，${when.zh} 开始办理`, en: `The service is closed now; it opens ${when.en}` }
    : { zh: '该业务当前不在办理时间，暂无开放安排', en: 'The service is closed now; no opening is scheduled' };
  return { code: 'SERVICE_CLOSED', message, next: nextStepFor('SERVICE_CLOSED') };
}

/** Refusals that mean this kiosk's token is no longer good: it must be paired again. */
export function isDeviceRefusal(error: ErrorBody): boolean {
  return error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN';
}
