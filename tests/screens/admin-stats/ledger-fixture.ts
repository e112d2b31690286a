import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { at } from '../../core/hall-fixture.js';
import { launchBrowser } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { FakeClock } from '../../stats/stats-hall.js';
import { servedVisit } from '../phone/phone-fixture.js';
import { signedInPage } from './signed-in-page.js';

export interface LedgerHall {
  clock: FakeClock; t: TestHall; browser: Browser; page: Page; supervisor: string; token: string; followUpId: number;
  stop(): Promise<void>;
}

/**
 * A hall on a fake clock (10 March 2026, 09:00) where a visitor served at window 1 gave a bad rating from their
 * phone, opening a follow-up case, and a supervisor's browser signed in to the admin screens.
 */
export async function ledgerWithBadRating(idSerial: string): Promise<LedgerHall> {
  const clock = new FakeClock(at('2026-03-10 09:00'));
  const t = await startTestHall({ clock: clock.read });
  const supervisor = await t.login('admin');
  const { token, followUpId } = await badlyRatedVisit(t, idSerial);
  const browser = await launchBrowser();
  const page = await signedInPage(browser, t, supervisor);
  return {
    clock, t, browser, page, supervisor, token, followUpId,
    async stop() {
      await browser.close();
      await t.stop();
    },
  };
}

/** A visitor served at window 1 by 1001 who rates the visit 不满意 from their phone: the follow-up case it opens. */
export async function badlyRatedVisit(t: TestHall, idSerial: string): Promise<{ token: string; followUpId: number }> {
  const token = await servedVisit(t, await t.login('1001'), idSerial);
  const rated = await t.api('POST', `/api/visits/${token}/rating`, { body: { level: 2, reasons: ['efficiency'] } });
  expect(rated.status, JSON.stringify(rated.body)).toBe(201);
  return { token, followUpId: rated.body.followUpId };
}
