import type { Browser, Page } from 'playwright-core';
import { openPage, type ScreenSize } from '../../support/browser.js';
import type { TestHall } from '../../support/hall-server.js';

export async function openBoard(browser: Browser, t: TestHall, size: ScreenSize, query = ''): Promise<Page> {
  const page = await openPage(browser, `${t.url}/board/?token=${t.boardToken}${query}`, size);
  await page.getByTestId('board-latest-call').waitFor();
  await page.locator('[data-testid="board-connection"][data-state="online"]').waitFor();
  return page;
}

/**
 * Starts watching the latest-call card in the page for a ticket number and records (page clock, which is this
 * machine's clock) the moment the number first appears, so the delay can be measured without polling slack.
 */
export async function watchForCall(page: Page, number: string): Promise<void> {
  await page.evaluate((n) => {
    const w = window as unknown as { __seenCall?: number };
    delete w.__seenCall;
    const check = () => {
      if (w.__seenCall === undefined && document.querySelector('[data-testid="board-latest-call"]')?.textContent?.includes(n)) w.__seenCall = Date.now();
    };
    new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
    check();
  }, number);
}

export async function seenCallAt(page: Page, timeoutMs = 5000): Promise<number> {
  await page.waitForFunction(() => (window as unknown as { __seenCall?: number }).__seenCall !== undefined, undefined, { timeout: timeoutMs });
  return page.evaluate(() => (window as unknown as { __seenCall: number }).__seenCall);
}

export interface QueuedAnnouncement { kind: string; text: string; status: string; source: string | null }

export async function announcements(page: Page): Promise<QueuedAnnouncement[]> {
  return page.evaluate(() => (window as unknown as { __boardAnnouncements: QueuedAnnouncement[] }).__boardAnnouncements
    .map(({ kind, text, status, source }) => ({ kind, text, status, source })));
}

/** Waits until the queue holds `count` announcements of this text (optionally in a given state). */
export async function waitForAnnouncements(page: Page, text: string, count: number, status?: string, timeoutMs = 5000): Promise<void> {
  await page.waitForFunction(([t, c, s]) => {
    const list = (window as unknown as { __boardAnnouncements: { text: string; status: string }[] }).__boardAnnouncements;
    return list.filter((a) => a.text === t && (!s || a.status === s)).length >= (c as number);
  }, [text, count, status ?? ''] as const, { timeout: timeoutMs });
}
