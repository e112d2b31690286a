import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, sizes } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { chooseService, goHome, openKiosk, shoot, simulatedDevices, takeWithoutCard } from './kiosk-fixture.js';
import { hallWeekday } from './screen-checks.js';

describe('the touch kiosk, by touch alone', () => {
  let t: TestHall;
  let browser: Browser;
  let page: Page;
  let admin: string;
  let staff: string;

  beforeAll(async () => {
    t = await startTestHall({ overrides: simulatedDevices });
    browser = await launchBrowser();
    [admin, staff] = await Promise.all([t.login('admin'), t.login('1001')]);
    page = await openKiosk(browser, t, sizes.kioskPortrait);
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('keeps its device token out of the address bar and opens on the areas', async () => {
    expect(page.url()).not.toContain('token=');
    expect(await page.evaluate(() => localStorage.getItem('hall.kiosk.deviceToken'))).toBe(t.kioskToken);
    await expect.poll(() => page.locator('.hall-name').textContent()).toContain('示范政务服务中心');
    await shoot(page, 'kiosk-portrait-start');
  });

  it('takes a ticket for a service without ID by skipping the card, prints it, and shows number, people ahead and QR', async () => {
    await chooseService(page, 'BDC', 'BDC03');
    await expect.poll(() => page.getByTestId('kiosk-card-prompt').textContent()).toContain('请将身份证放在读卡区');
    await shoot(page, 'kiosk-portrait-card-step');
    await page.getByTestId('kiosk-skip-card').click();
    await expect.poll(() => page.getByTestId('kiosk-ticket-number').textContent()).toBe('F001');
    await expect.poll(() => page.getByTestId('kiosk-people-ahead').textContent()).toBe('0 人');
    expect(await page.getByTestId('kiosk-printer').textContent()).toContain('请取走号票');
    expect(await page.locator('.ticket-qr svg path').getAttribute('d')).toMatch(/^M\d/);
    const printed = await t.api('GET', '/api/devices/simulated/printer/last', { token: t.kioskToken });
    expect(printed.status).toBe(200);
    expect(printed.body.lines.join('\n')).toContain('F001');
    expect(printed.body.qrCodes[0]).toMatch(/\/m\/t\/[A-Za-z0-9_-]{16,}$/);
    await shoot(page, 'kiosk-portrait-ticket');
    await goHome(page);
  });

  it('takes a ticket for an ID-required service when the simulated card is placed, showing the masked name only', async () => {
    await chooseService(page, 'SB', 'SB01');
    await expect(page.getByTestId('kiosk-skip-card').count()).resolves.toBe(0);
    await page.getByTestId('kiosk-simulate-card').click();
    await expect.poll(() => page.getByTestId('kiosk-ticket-number').textContent()).toBe('A001');
    const text = (await page.locator('.ticket').textContent())!;
    expect(text).toContain('张*');
    expect(text).not.toContain('张三');
    await shoot(page, 'kiosk-portrait-ticket-with-card');
    await goHome(page);
  });

  it('tells a visitor who already holds a ticket for the service which number they hold', async () => {
    await chooseService(page, 'SB', 'SB01');
    await page.getByTestId('kiosk-card-prompt').waitFor();
    // The same sample card as before, placed on this kiosk's reader.
    expect((await t.api('POST', '/api/devices/simulated/card', { token: t.kioskToken, body: { fixture: 0 } })).status).toBe(200);
    const problem = page.getByTestId('kiosk-problem');
    await expect.poll(() => problem.getAttribute('data-code')).toBe('ALREADY_HOLDING');
    expect(await page.locator('.held-number').textContent()).toBe('A001');
    expect(await problem.textContent()).toContain('无需重复取号');
    await shoot(page, 'kiosk-portrait-already-holding');
    await goHome(page);
  });

  it('shows the number with a large QR and says so when the printer fails', async () => {
    expect((await t.api('POST', '/api/devices/simulated/printer/mode', { cookie: staff, body: { mode: 'paper-out' } })).status).toBe(200);
    try {
      expect(await takeWithoutCard(page, 'BDC', 'BDC03')).toBe('F002');
      const note = page.getByTestId('kiosk-printer');
      await expect.poll(() => note.textContent()).toContain('打印机故障，请拍照或扫码保存您的号码');
      expect(await page.locator('.qr.qr-large').count()).toBe(1);
      await shoot(page, 'kiosk-portrait-printer-fault');
    } finally {
      await t.api('POST', '/api/devices/simulated/printer/mode', { cookie: staff, body: { mode: 'normal' } });
    }
    await goHome(page);
  });

  it('checks in an appointment with the code typed on the on-screen keypad', async () => {
    const hall = await t.api('GET', '/api/public/hall');
    const slots = await t.api('GET', `/api/appointments/slots?serviceId=7&date=${hall.body.hallDay}`);
    let code = '';
    for (const slot of slots.body as { start: string }[]) {
      const booked = await t.api('POST', '/api/appointments', { body: { serviceId: 7, date: hall.body.hallDay, slotStart: slot.start, identity: { name: '王五', idNumber: '110105195003080030' } } });
      if (booked.status === 201) { code = booked.body.code; break; }
    }
    expect(code).toMatch(/^\d{6}$/);
    await page.getByTestId('kiosk-check-in').click();
    for (const digit of code) await page.getByTestId(`key-${digit}`).click();
    await shoot(page, 'kiosk-portrait-check-in');
    await page.getByTestId('kiosk-check-in-confirm').click();
    await expect.poll(() => page.getByTestId('kiosk-ticket-number').textContent()).toMatch(/^G\d{3}$/);
    expect(await page.locator('.ticket-kind').textContent()).toContain('签到成功');
    await goHome(page);
  });

  it('goes back to the start after 30 s untouched, with no number or name left on screen', async () => {
    const idle = await openKiosk(browser, t, sizes.kioskPortrait, { fakeClock: true });
    try {
      await idle.getByTestId('kiosk-large').click();
      expect(await takeWithoutCard(idle, 'BDC', 'BDC03')).toMatch(/^F\d{3}$/);
      await idle.clock.fastForward(21_000);
      await expect.poll(() => idle.getByTestId('kiosk-idle-warning').textContent()).toContain('秒后返回首页');
      await idle.clock.fastForward(10_000);
      await idle.getByTestId('kiosk-area-SB').waitFor();
      expect(await idle.getByTestId('kiosk-ticket-number').count()).toBe(0);
      expect(await idle.locator('body').textContent()).not.toMatch(/F\d{3}/);
      expect(await idle.evaluate(() => document.documentElement.classList.contains('large'))).toBe(false);
    } finally {
      await idle.context().close();
    }
  });

  it('pairs a new kiosk with an 8-digit code typed on its keypad', async () => {
    const fresh = await openPage(browser, `${t.url}/kiosk/`, sizes.kioskPortrait);
    try {
      const made = await t.api('POST', '/api/devices/pairing-codes', { cookie: admin, body: { role: 'kiosk' } });
      expect(made.status).toBe(201);
      for (const digit of made.body.code as string) await fresh.getByTestId(`key-${digit}`).click();
      await shoot(fresh, 'kiosk-portrait-pairing');
      await fresh.getByRole('button', { name: /配对/ }).click();
      await fresh.getByTestId('kiosk-area-SB').waitFor();
      expect(await fresh.evaluate(() => localStorage.getItem('hall.kiosk.deviceToken'))).toMatch(/.{16,}/);
    } finally {
      await fresh.context().close();
    }
  });

  it('explains a closed service with when it opens, both as refused by the server and before the card step', async () => {
    await chooseService(page, 'BDC', 'BDC03');
    const settings = await t.api('GET', '/api/settings', { cookie: admin });
    const days = [1, 2, 3, 4, 5, 6, 7].filter((d) => d !== hallWeekday());
    const closed = await t.api('PUT', '/api/settings', { cookie: admin, body: { ...settings.body, hours: { ...settings.body.hours, days } } });
    expect(closed.status).toBe(200);
    await page.getByTestId('kiosk-skip-card').click();
    const problem = page.getByTestId('kiosk-problem');
    await expect.poll(() => problem.getAttribute('data-code')).toBe('SERVICE_CLOSED');
    expect(await problem.textContent()).toMatch(/\d{4}-\d{2}-\d{2} 00:00 开始办理/);
    expect(await problem.textContent()).toContain('请在开放时间再来');
    await shoot(page, 'kiosk-portrait-service-closed');
    await page.getByTestId('kiosk-home').click();
    await page.getByTestId('kiosk-area-ZH').click();
    await expect.poll(() => page.getByTestId('kiosk-service-ZH04').textContent()).toContain('暂停取号');
    await page.getByTestId('kiosk-service-ZH04').click();
    await expect.poll(() => problem.getAttribute('data-code')).toBe('SERVICE_CLOSED');
    expect(await page.getByTestId('kiosk-card-prompt').count()).toBe(0);
  });
});
