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
  const staff = await t.login('1001');
  const supervisor = await t.login('admin');
  const token = await servedVisit(t, staff, idSerial);
  const rated = await t.api('POST', `/api/visits/${token}/rating`, { body: { level: 2, reasons: ['efficiency'] } });
  expect(rated.status, JSON.stringify(rated.body)).toBe(201);
  const browser = await launchBrowser();
  const page = await signedInPage(browser, t, supervisor);
  return {
    clock, t, browser, page, supervisor, token, followUpId: rated.body.followUpId,
    async stop() {
      await browser.close();
      await t.stop();
    },
  };
}
