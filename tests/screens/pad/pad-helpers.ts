import type { Browser, Page } from 'playwright-core';
import type { ScreenSize } from '../../support/browser.js';
import type { TestHall } from '../../support/hall-server.js';

/** A valid resident ID number (GB 11643 check character) for a made-up visitor born on `birth` (YYYYMMDD). */
export function idNumber(birth: string, serial: number): string {
  const first17 = `110105${birth}${String(serial).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

export async function serviceId(t: TestHall, code: string): Promise<number> {
  const cookie = await t.login('admin');
  const res = await t.api('GET', '/api/services', { cookie });
  return res.body.find((s: { code: string }) => s.code === code).id;
}

/** A ticket taken at the demo kiosk (no ID card: only for services that do not need one). */
export async function kioskTicket(t: TestHall, service: number, priorityClassId?: number): Promise<string> {
  return (await kioskTicketView(t, service, priorityClassId)).number;
}

export async function kioskTicketView(t: TestHall, service: number, priorityClassId?: number): Promise<{ id: number; number: string }> {
  const res = await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: service, priorityClassId } });
  if (res.status !== 201) throw new Error(`kiosk ticket refused: ${JSON.stringify(res.body)}`);
  return res.body.ticket;
}

/** A ticket taken online with real name, so the pad has a masked name and ID to show. */
export async function onlineTicket(t: TestHall, service: number, name: string, id: string): Promise<string> {
  const res = await t.api('POST', '/api/tickets', { body: { serviceId: service, identity: { name, idNumber: id } } });
  if (res.status !== 201) throw new Error(`online ticket refused: ${JSON.stringify(res.body)}`);
  return res.body.ticket.number;
}

export async function signIn(page: Page, staffNumber: string, password: string): Promise<void> {
  await page.getByTestId('pad-login-number').fill(staffNumber);
  await page.getByTestId('pad-login-password').fill(password);
  await page.getByTestId('pad-login-submit').click();
}

export async function text(page: Page, testid: string): Promise<string> {
  return (await page.getByTestId(testid).textContent({ timeout: 5000 })) ?? '';
}

/** Waits until the element with this testid contains `expected`. */
export async function waitForText(page: Page, testid: string, expected: string, timeout = 5000): Promise<void> {
  await page.getByTestId(testid).filter({ hasText: expected }).first().waitFor({ timeout });
}

/** A pad in its own browser context, signed in as this staff member and showing the window picker. */
export async function padAtPicker(browser: Browser, t: TestHall, staffNumber: string, size: ScreenSize): Promise<Page> {
  const context = await browser.newContext({ viewport: size, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(`${t.url}/pad/`);
  await signIn(page, staffNumber, t.adminPassword);
  await page.getByTestId('pad-pick-window-1').waitFor();
  return page;
}
