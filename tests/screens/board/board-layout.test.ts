import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, sizes, type ScreenSize } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { openBoard } from './board-fixture.js';
import { visitor } from './visitors.js';

/**
 * What a person would check by eye, measured: every block of the wall inside the screen and clear of the others,
 * and every piece of text inside its box (the notice scrolls by design and is left out).
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}${el.getAttribute('data-testid') ? `[${el.getAttribute('data-testid')}]` : ''}`;
    const blocks = [...document.querySelectorAll('.board-header, .latest, .recent, .windows, .waiting, .notice')];
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    for (const b of blocks) {
      const r = b.getBoundingClientRect();
      if (r.left < 0 || r.top < 0 || r.right > vw + 0.5 || r.bottom > vh + 0.5) problems.push(`${name(b)} leaves the screen`);
    }
    for (let i = 0; i < blocks.length; i++) {
      for (let j = i + 1; j < blocks.length; j++) {
        const a = blocks[i].getBoundingClientRect();
        const c = blocks[j].getBoundingClientRect();
        if (a.left < c.right - 0.5 && c.left < a.right - 0.5 && a.top < c.bottom - 0.5 && c.top < a.bottom - 0.5) problems.push(`${name(blocks[i])} overlaps ${name(blocks[j])}`);
      }
    }
    const boxes = '.board-header, .latest, .panel, .window-tile, .recent-item, .waiting-item';
    for (const el of document.querySelectorAll('.board *')) {
      if (el.closest('.notice-track') || el.closest('.visually-hidden')) continue;
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!hasText) continue;
      const box = el.parentElement!.closest(boxes) ?? el.closest(boxes);
      if (!box) continue;
      const r = el.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      if (r.left < b.left - 0.5 || r.right > b.right + 0.5 || r.top < b.top - 0.5 || r.bottom > b.bottom + 0.5) {
        problems.push(`"${el.textContent!.trim().slice(0, 20)}" (${name(el)}) spills out of ${name(box)}`);
      }
      // Hidden overflow is a cut unless the text ends in an ellipsis, which tells the reader it goes on.
      const style = getComputedStyle(el);
      if (el.scrollWidth > el.clientWidth + 1 && style.overflow === 'hidden' && style.textOverflow !== 'ellipsis') problems.push(`"${el.textContent!.trim().slice(0, 20)}" is cut`);
    }
    return problems;
  });
}

describe('the display board fits the wall', () => {
  let t: TestHall;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestHall();
    browser = await launchBrowser();
    const staff = await t.login('1001');
    const post = async (path: string, body?: unknown) => {
      const res = await t.api('POST', path, { cookie: staff, body });
      if (res.status >= 300) throw new Error(`${path}: ${JSON.stringify(res.body)}`);
      return res.body;
    };
    // A busy morning: most windows open, some serving, one calling, one at lunch, people waiting everywhere.
    let n = 0;
    for (const serviceId of [1, 1, 1, 2, 2, 3, 4, 4, 5, 6, 7, 7, 8, 9, 10, 1, 2, 4, 7]) {
      const res = await t.api('POST', '/api/tickets', { body: { serviceId, identity: visitor(n++) } });
      if (res.status !== 201) await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId } });
    }
    for (const w of [1, 2, 3, 5, 6, 7, 9, 10, 11, 12]) await post(`/api/windows/${w}/status`, { status: 'open' });
    for (const w of [1, 2, 3, 5, 6, 9, 10, 12]) await post(`/api/windows/${w}/call-next`);
    for (const w of [1, 2, 5, 9]) await post(`/api/windows/${w}/start`);
    await post('/api/windows/11/status', { status: 'paused', reason: 'meeting' });
    await post('/api/windows/7/status', { status: 'paused', reason: 'lunch' });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  const check = async (size: ScreenSize, shot: string) => {
    const page = await openBoard(browser, t, size);
    await page.getByTestId('board-window-12').waitFor();
    // Wait for the web font so the measurement is of what the wall will show.
    await page.evaluate(() => document.fonts.ready);
    const path = await screenshot(page, shot);
    console.info(`screenshot: ${path}`);
    expect(await layoutProblems(page)).toEqual([]);
    await page.context().close();
  };

  it('lays out a busy hall at 1920x1080 with nothing cut or overlapping', async () => {
    await check(sizes.board, 'board-1920x1080');
  });

  it('lays out the same hall at 3840x2160 with nothing cut or overlapping', async () => {
    await check(sizes.board4k, 'board-3840x2160');
  });
});

describe('the display board of a city centre fits the wall', () => {
  let t: TestHall;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestHall();
    browser = await launchBrowser();
    const admin = await t.login('admin');
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await t.api(method, path, { cookie: admin, body });
      if (res.status >= 300) throw new Error(`${path}: ${JSON.stringify(res.body)}`);
      return res.body;
    };
    // 40 windows on one wall, and the service names a hall really gives its counters, the longest of them.
    for (let number = 13; number <= 40; number++) {
      await call('POST', '/api/windows', {
        number, name: { zh: `${number}号窗口`, en: `Window ${number}` }, areaId: 1, comprehensive: false,
        services: [{ serviceId: 1, tier: 1 }], priorityRule: 'hall', ledAddress: null, active: true,
      });
    }
    const { id, ...service } = (await call('GET', '/api/services')).find((s: { id: number }) => s.id === 4);
    await call('PUT', `/api/services/${id}`, {
      ...service,
      name: { zh: '不动产登记与房屋交易一窗综合受理服务', en: 'Integrated one-window acceptance of real estate registration and housing transactions' },
    });
    for (let i = 0; i < 6; i++) {
      const res = await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 1, identity: visitor(i) } });
      if (res.status !== 201) throw new Error(`ticket: ${JSON.stringify(res.body)}`);
    }
    for (const w of [13, 14, 20, 33, 40]) await call('POST', `/api/windows/${w}/status`, { status: 'open' });
    for (const w of [13, 14, 20]) await call('POST', `/api/windows/${w}/call-next`);
    await call('POST', '/api/windows/13/start');
    await call('POST', '/api/windows/33/status', { status: 'paused', reason: 'meeting' });
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  for (const [label, size] of [['1920x1080', sizes.board], ['3840x2160', sizes.board4k]] as const) {
    it(`shows 40 windows and long service names at ${label}, every status whole and every long name visibly shortened`, async () => {
      const page = await openBoard(browser, t, size);
      await page.getByTestId('board-window-40').waitFor();
      await page.evaluate(() => document.fonts.ready);
      console.info(`screenshot: ${await screenshot(page, `board-40-windows-${label}`)}`);
      expect(await layoutProblems(page)).toEqual([]);
      await page.context().close();
    });
  }
});
