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

export interface QueuedAnnouncement {
  kind: string; ticketNumber: string; text: string; form: string; status: string; source: string | null;
  queuedAt: number; startedAt: number | null; endedAt: number | null;
}

export async function announcements(page: Page): Promise<QueuedAnnouncement[]> {
  return page.evaluate(() => (window as unknown as { __boardAnnouncements: QueuedAnnouncement[] }).__boardAnnouncements
    .map(({ kind, ticketNumber, text, form, status, source, queuedAt, startedAt, endedAt }) => ({ kind, ticketNumber, text, form, status, source, queuedAt, startedAt, endedAt })));
}

/** Waits until the queue holds `count` announcements of this text (optionally in a given state). */
export async function waitForAnnouncements(page: Page, text: string, count: number, status?: string, timeoutMs = 5000): Promise<void> {
  await page.waitForFunction(([t, c, s]) => {
    const list = (window as unknown as { __boardAnnouncements: { text: string; status: string }[] }).__boardAnnouncements;
    return list.filter((a) => a.text === t && (!s || a.status === s)).length >= (c as number);
  }, [text, count, status ?? ''] as const, { timeout: timeoutMs });
}

/**
 * Headless Chromium lets sound play whatever its autoplay switch says, so the policy of a freshly set-up TV browser
 * is imitated in the page: the audio context reports itself suspended until a user gesture resumes it.
 */
export function imitateAutoplayPolicy(): void {
  // Only the policy is imitated: sound may start once the page has seen a tap. The tap is watched here rather than
  // read from navigator.userActivation, whose state in a headless browser does not follow what the test does.
  let tapped = false;
  document.addEventListener('pointerdown', () => { tapped = true; }, { capture: true });
  const Real = window.AudioContext;
  window.AudioContext = class extends Real {
    constructor(options?: AudioContextOptions) {
      super(options);
      let allowed = false;
      const resume = this.resume.bind(this);
      Object.defineProperty(this, 'state', { get: () => (allowed ? 'running' : 'suspended') });
      this.resume = () => {
        if (!tapped) return new Promise<void>(() => {});
        allowed = true;
        this.dispatchEvent(new Event('statechange'));
        void resume();
        return Promise.resolve();
      };
    }
  };
}
