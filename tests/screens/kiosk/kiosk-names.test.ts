import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, sizes, type ScreenSize } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { shoot } from './kiosk-fixture.js';
import { layoutProblems } from './screen-checks.js';

// The longest names the admin's forms allow (40 Chinese characters, 100 English ones), on area ZH and its service
// ZH04 (咨询服务, no ID card needed).
const longZh = '不动产登记与房屋交易税费一窗受理综合业务办理及相关证明材料核验出具与档案查询服务专区'.slice(0, 40);
const longEn = 'Integrated one-window acceptance of real estate registration, housing transaction taxes and records'.slice(0, 100);

describe('the kiosk with long names, an area without services, the hall clock and real (not simulated) hardware', () => {
  let t: TestHall;
  let browser: Browser;

  beforeAll(async () => {
    t = await startTestHall();
    browser = await launchBrowser();
    const admin = await t.login('admin');
    const areas = (await t.api('GET', '/api/areas', { cookie: admin })).body as { id: number; code: string }[];
    const { id: zhArea, ...zh } = areas.find((a) => a.code === 'ZH')!;
    expect((await t.api('PUT', `/api/areas/${zhArea}`, { cookie: admin, body: { ...zh, name: { zh: longZh, en: longEn } } })).status).toBe(200);
    const services = (await t.api('GET', '/api/services', { cookie: admin })).body as { id: number; code: string }[];
    const { id: zh04, ...service } = services.find((s) => s.code === 'ZH04')!;
    expect((await t.api('PUT', `/api/services/${zh04}`, { cookie: admin, body: { ...service, name: { zh: longZh, en: longEn } } })).status).toBe(200);
    // A window that serves ZH04 opens and three visitors wait for it, so the ticket has a wait in minutes to show.
    const windows = (await t.api('GET', '/api/windows', { cookie: admin })).body as { id: number; number: number; comprehensive: boolean; services: { serviceId: number }[] }[];
    const serving = windows.find((w) => w.comprehensive || w.services.some((x) => x.serviceId === zh04))!;
    await t.openWindow(String(1000 + serving.number), serving.id);
    for (let i = 0; i < 3; i++) expect((await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: zh04 } })).status).toBe(201);
    const empty = await t.api('POST', '/api/areas', { cookie: admin, body: { code: 'EMPTY', name: { zh: '空区域', en: 'Empty area' }, active: true } });
    expect(empty.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  /** The kiosk on a browser whose own clock runs in `timeZone`, noting every failed request and console error. */
  async function openKiosk(size: ScreenSize, timeZone = 'Asia/Shanghai'): Promise<{ page: Page; failures: string[]; asked: string[] }> {
    const context = await browser.newContext({ viewport: size, locale: 'zh-CN', timezoneId: timeZone });
    const page = await context.newPage();
    const failures: string[] = [];
    const asked: string[] = [];
    page.on('response', (r) => { if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`); });
    page.on('console', (m) => { if (m.type() === 'error') failures.push(m.text()); });
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(`${t.url}/kiosk/?token=${t.kioskToken}`);
    await page.getByTestId('kiosk-area-SB').waitFor();
    return { page, failures, asked };
  }

  /** Whether the element is wholly inside the window, where a finger can reach it. */
  async function onScreen(page: Page, testid: string): Promise<boolean> {
    return page.getByTestId(testid).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth;
    });
  }

  it('shows the hall\'s time on a browser set to UTC, and starts with no failed request', async () => {
    const { page, failures, asked } = await openKiosk(sizes.kioskPortrait, 'UTC');
    const hallTime = (at: number) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
    await expect.poll(() => page.getByTestId('kiosk-clock').textContent()).toMatch(/^\d\d:\d\d$/);
    const shown = await page.getByTestId('kiosk-clock').textContent();
    expect([hallTime(Date.now() - 60_000), hallTime(Date.now())]).toContain(shown);
    // A hall with real hardware: no "simulate card" button, and no 404 from asking the simulators.
    await page.getByTestId('kiosk-area-BDC').click();
    await page.getByTestId('kiosk-service-BDC03').click();
    await page.getByTestId('kiosk-card-prompt').waitFor();
    expect(await page.getByTestId('kiosk-simulate-card').count()).toBe(0);
    expect(asked.filter((p) => p.includes('/printer/'))).toEqual([]);
    expect(failures).toEqual([]);
    await page.context().close();
  });

  for (const [orientation, size] of [['portrait', sizes.kioskPortrait], ['landscape', sizes.kioskLandscape]] as const) {
    it(`leaves out an area without services and keeps every control on a ${orientation} screen with 40-character names`, async () => {
      const { page } = await openKiosk(size);
      expect(await page.getByTestId('kiosk-area-EMPTY').count()).toBe(0);
      await expect.poll(() => page.getByTestId('kiosk-area-ZH').textContent()).toContain(longZh);
      expect(await onScreen(page, 'kiosk-check-in')).toBe(true);
      await shoot(page, `kiosk-${orientation}-long-names-start`);
      await page.getByTestId('kiosk-area-ZH').click();
      await page.getByTestId('kiosk-service-ZH04').waitFor();
      expect(await onScreen(page, 'kiosk-back')).toBe(true);
      await shoot(page, `kiosk-${orientation}-long-names-services`);
      await page.getByTestId('kiosk-service-ZH04').click();
      expect(await onScreen(page, 'kiosk-skip-card')).toBe(true);
      expect(await onScreen(page, 'kiosk-back')).toBe(true);
      await shoot(page, `kiosk-${orientation}-long-names-card-step`);
      await page.getByTestId('kiosk-skip-card').click();
      await page.getByTestId('kiosk-ticket-number').waitFor();
      expect(await onScreen(page, 'kiosk-done')).toBe(true);
      // The estimated wait says it in both languages, like everything around it.
      await expect.poll(() => page.getByTestId('kiosk-eta').textContent(), { timeout: 5000 }).toMatch(/^约 \d+ 分钟about \d+ min$/);
      await shoot(page, `kiosk-${orientation}-long-names-ticket`);
      await page.context().close();
    });

    it(`does not strand the visitor on a ${orientation} screen when names run to 300 characters`, async () => {
      const { page } = await openKiosk(size);
      // Longer than any form allows: given to the kiosk as the hall's answer, so only the screen is under test.
      await page.route('**/api/public/hall', async (route) => {
        const hall = await (await route.fetch()).json();
        const huge = { zh: '长'.repeat(300), en: 'x'.repeat(300) };
        for (const a of hall.areas) a.name = huge;
        for (const s of hall.services) s.name = huge;
        await route.fulfill({ json: hall });
      });
      await page.reload();
      await page.getByTestId('kiosk-area-SB').waitFor();
      await expect.poll(() => page.getByTestId('kiosk-area-SB').textContent()).toContain('长长长');
      expect(await onScreen(page, 'kiosk-check-in')).toBe(true);
      expect(await layoutProblems(page, [])).toEqual([]);
      await shoot(page, `kiosk-${orientation}-huge-names-start`);
      await page.getByTestId('kiosk-area-ZH').click();
      await page.getByTestId('kiosk-service-ZH04').waitFor();
      expect(await onScreen(page, 'kiosk-back')).toBe(true);
      expect(await layoutProblems(page, [])).toEqual([]);
      await shoot(page, `kiosk-${orientation}-huge-names-services`);
      await page.context().close();
    });
  }
});
