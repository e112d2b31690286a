import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { idCheckChar } from '../../../protocol/id-number.js';
import { openPage, screenshot, sizes, type ScreenSize } from '../../support/browser.js';
import type { TestHall } from '../../support/hall-server.js';
import { layoutProblems } from '../kiosk/screen-checks.js';

/** A valid ID number (GB 11643) for a made-up person born on the given date, from a Beijing district code. */
export function idNumber(birth: string, serial: string): string {
  const first17 = `110105${birth.replaceAll('-', '')}${serial}`;
  return first17 + idCheckChar(first17);
}

/** The same number with its check character changed: 17 good digits, the wrong 18th. */
export function withBadCheckDigit(id: string): string {
  const wrong = '10X98765432'.split('').find((c) => c !== id[17])!;
  return id.slice(0, 17) + wrong;
}

/**
 * A phone (360x740 unless given) that records what the page asks of the phone itself (vibration, notifications),
 * since a headless browser has no motor and no notification centre to look at.
 */
export async function openPhone(browser: Browser, url: string, size: ScreenSize = sizes.phone): Promise<Page> {
  return openPage(browser, url, size, async (ctx) => {
    await ctx.grantPermissions(['notifications']);
    await ctx.addInitScript(() => {
      const w = window as unknown as { rang: { vibrate: unknown[]; notified: string[] } };
      w.rang = { vibrate: [], notified: [] };
      Object.defineProperty(navigator, 'vibrate', { value: (p: unknown) => { w.rang.vibrate.push(p); return true; }, configurable: true });
      class RecordedNotification {
        static permission = 'granted';
        static requestPermission = async () => 'granted';
        constructor(title: string) { w.rang.notified.push(title); }
      }
      (window as unknown as { Notification: unknown }).Notification = RecordedNotification;
    });
  });
}

export async function rang(page: Page): Promise<{ vibrate: unknown[]; notified: string[] }> {
  return page.evaluate(() => (window as unknown as { rang: { vibrate: unknown[]; notified: string[] } }).rang);
}

/** Service -> name and ID number -> the ticket's own page; returns its token. */
export async function takeOnline(page: Page, t: TestHall, service: string, name: string, id: string): Promise<string> {
  await page.goto(`${t.url}/m/`);
  await page.getByTestId(`phone-service-${service}`).click();
  await page.getByTestId('phone-name').fill(name);
  await page.getByTestId('phone-id-number').fill(id);
  await page.getByTestId('phone-submit').click();
  await page.waitForURL(/\/m\/t\/[A-Za-z0-9_-]{16,}$/);
  await page.getByTestId('phone-status').waitFor();
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** A screenshot to look at, after checking that nothing is wider than the phone or cut. */
export async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await screenshot(page, name);
  expect(await layoutProblems(page, []), name).toEqual([]);
}

/** A visitor who took a ticket online and was served at window 1 by staff 1001: returns the phone link's token. */
export async function servedVisit(t: TestHall, staffCookie: string, serial: string): Promise<string> {
  const taken = await t.api('POST', '/api/tickets', { body: { serviceId: 1, identity: { name: '王五', idNumber: idNumber('1985-05-05', serial) } } });
  expect(taken.status).toBe(201);
  await t.api('POST', '/api/windows/1/status', { cookie: staffCookie, body: { status: 'open' } });
  for (const step of ['call-next', 'start', 'finish']) {
    expect((await t.api('POST', `/api/windows/1/${step}`, { cookie: staffCookie })).status).toBe(200);
  }
  return taken.body.token as string;
}

/** The supervisor's call-back and rectification of a case, as the ledger would record them. */
export async function contactAndRectify(t: TestHall, supervisorCookie: string, followUpId: number): Promise<void> {
  for (const [action, note] of [['contact', '已致电群众，了解情况'], ['rectify', '已对窗口人员进行服务规范培训']]) {
    const res = await t.api('POST', `/api/follow-ups/${followUpId}/actions`, { cookie: supervisorCookie, body: { action, note } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
}
