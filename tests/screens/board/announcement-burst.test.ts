import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, sizes } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { announcements, openBoard } from './board-fixture.js';
import { installVoicePack } from './voice-pack-files.js';
import { visitor } from './visitors.js';

/**
 * Opening time in a busy hall: a dozen windows press 叫号 within a fraction of a second. The board's voice pack has
 * very short clips so the run is quick to play here; announcement-queue.test.ts times the same queue with voices as
 * slow as the hall's real ones.
 */
const firstWindow = 13;
const burstSize = 12;
/** Window 13 calls alone, 14 to 25 call at once, 26 to 28 are for a call answered before its turn. */
const burstWindows = Array.from({ length: burstSize }, (_, i) => firstWindow + 1 + i);
const lastWindow = burstWindows[burstSize - 1];

/** Every distinct text the "now announcing" line shows, in order, as a visitor watching the wall would see it. */
async function watchAnnouncingLine(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __lineSeen: string[] };
    w.__lineSeen = [];
    const note = () => {
      const number = document.querySelector('[data-testid="board-announcing"]')?.getAttribute('data-number');
      if (number && w.__lineSeen.at(-1) !== number) w.__lineSeen.push(number);
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** The line at the foot of the wall sits inside the screen and the notice bar, and its text inside it. */
async function announcingLineProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const line = document.querySelector('[data-testid="board-announcing"]');
    if (!line) return ['no announcing line'];
    const r = line.getBoundingClientRect();
    const bar = document.querySelector('.notice')!.getBoundingClientRect();
    const label = document.querySelector('.notice-label')!.getBoundingClientRect();
    if (r.left < bar.left || r.right > Math.min(bar.right, window.innerWidth) + 0.5 || r.top < bar.top - 0.5 || r.bottom > bar.bottom + 0.5) problems.push('line leaves the notice bar');
    if (r.left < label.right) problems.push('line covers the notice label');
    for (const el of line.querySelectorAll('*')) {
      const e = el.getBoundingClientRect();
      if (e.left < r.left - 0.5 || e.right > r.right + 0.5 || e.top < r.top - 0.5 || e.bottom > r.bottom + 0.5) problems.push(`"${el.textContent}" spills out`);
    }
    return problems;
  });
}

describe('a burst of calls at opening time', () => {
  let t: TestHall;
  let browser: Browser;
  let page: Page;
  let admin: string;
  const windowIds = new Map<number, number>();
  const post = async (path: string, body?: unknown) => {
    const res = await t.api('POST', path, { cookie: admin, body });
    if (res.status >= 300) throw new Error(`${path}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const callAt = (number: number) => post(`/api/windows/${windowIds.get(number)}/call-next`);

  beforeAll(async () => {
    t = await startTestHall();
    installVoicePack(t.dir, { clipMs: 20, gapMs: 0 });
    browser = await launchBrowser();
    admin = await t.login('admin');
    for (let number = firstWindow; number <= lastWindow + 3; number++) {
      const w = await post('/api/windows', {
        number, name: { zh: `${number}号窗口`, en: `Window ${number}` }, areaId: 1, comprehensive: false,
        services: [{ serviceId: 1, tier: 1 }], priorityRule: 'hall', ledAddress: null, active: true,
      });
      windowIds.set(number, w.id);
      await post(`/api/windows/${w.id}/status`, { status: 'open' });
    }
    for (let i = 0; i <= burstSize + 3; i++) {
      const res = await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 1, identity: visitor(i) } });
      if (res.status !== 201) throw new Error(`ticket: ${JSON.stringify(res.body)}`);
    }
    page = await openBoard(browser, t, sizes.board);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('says a single call to a quiet hall in full, as before', async () => {
    await callAt(firstWindow);
    await expect.poll(async () => (await announcements(page)).map((a) => a.status), { timeout: 10_000 }).toEqual(['done']);
    expect((await announcements(page))[0]).toMatchObject({ form: 'full', source: 'pack', text: '请 A 零 零 一 号 到 十三 号窗口 办理' });
    // The line at the foot of the wall goes away when the voice is quiet.
    expect(await page.getByTestId('board-announcing').count()).toBe(0);
  });

  it(`says every one of ${burstSize} calls made at once, in call order and the short form, a recall among them once`, async () => {
    await watchAnnouncingLine(page);
    const start = Date.now();
    await Promise.all(burstWindows.map(callAt));
    // Window 25 calls again before its first call was said: the one announcement answers both.
    await expect.poll(async () => (await announcements(page)).find((a) => a.text.includes('二十五'))?.status).toBe('queued');
    await post(`/api/windows/${windowIds.get(lastWindow)}/recall`);
    await expect.poll(() => page.getByTestId('board-latest-call').textContent()).toContain('重复呼叫');

    const line = page.getByTestId('board-announcing');
    await line.waitFor();
    expect(await line.textContent()).toMatch(/正在播报.*还有 \d+ 个/);
    console.info(`screenshot: ${await screenshot(page, 'board-announcing-burst-1920x1080')}`);
    expect(await announcingLineProblems(page)).toEqual([]);
    await page.setViewportSize(sizes.board4k);
    console.info(`screenshot: ${await screenshot(page, 'board-announcing-burst-3840x2160')}`);
    expect(await announcingLineProblems(page)).toEqual([]);
    await page.setViewportSize(sizes.board);

    await expect.poll(async () => (await announcements(page)).filter((a) => a.status === 'done').length, { timeout: 20_000 }).toBe(burstSize + 1);
    const burst = (await announcements(page)).slice(1);
    expect(burst).toHaveLength(burstSize);
    expect(burst.every((a) => a.form === 'short' && a.status === 'done')).toBe(true);
    // In call order: the queue keeps the order the calls reached the board, and each is said after the one before.
    const starts = burst.map((a) => a.startedAt!);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(burst.map((a) => a.text).filter((text) => text.includes('二十五'))).toHaveLength(1);
    expect(await page.evaluate(() => (window as unknown as { __lineSeen: string[] }).__lineSeen)).toEqual(burst.map((a) => a.ticketNumber));
    const lastSeconds = (Math.max(...burst.map((a) => a.endedAt!)) - start) / 1000;
    console.info(`burst of ${burstSize} calls with 20 ms clips: the last said ${lastSeconds.toFixed(1)} s after the calls`);
    // One chime, then short calls back to back: about 9 s here. Each call in full after its own chime and a pause
    // (2.6 s a call with these clips) would take over 30 s.
    expect(lastSeconds).toBeLessThan(15);
  });

  it('does not say a call whose visitor reached the window before its turn', async () => {
    const [a, b, c] = [lastWindow + 1, lastWindow + 2, lastWindow + 3];
    await Promise.all([callAt(a), callAt(b), callAt(c)]);
    await post(`/api/windows/${windowIds.get(c)}/start`);
    await expect.poll(async () => (await announcements(page)).slice(-3).map((x) => x.status), { timeout: 10_000 })
      .toEqual(['done', 'done', 'outdated']);
    expect(await page.getByTestId(`board-window-${c}`).textContent()).toContain('办理中');
  });
});
