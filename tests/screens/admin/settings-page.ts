import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { signedInPage } from '../admin-stats/signed-in-page.js';

export interface SettingsPage {
  t: TestHall;
  page: Page;
  /** The admin's session cookie. */
  admin: string;
  /** Loads the settings page afresh, so what it shows comes from the server, not from the last edit. */
  open(): Promise<void>;
  /** The settings as the server holds them. */
  settings(): Promise<any>;
  save(): Promise<void>;
  /** Types a day into one of the calendar's day lists and adds it. */
  addDay(list: 'settings-holidays' | 'settings-workdays', day: string): Promise<void>;
}

/**
 * A hall with the admin signed in on the settings page at 1920x1080, for one describe block; `readyTestId` is a
 * field of the section under test, waited for on every open.
 */
export function useSettingsPage(readyTestId: string): SettingsPage {
  let browser: Browser | undefined;
  const s = {} as SettingsPage;
  s.open = async () => {
    await s.page.goto('about:blank');
    await s.page.goto(`${s.t.url}/admin/#/settings`);
    await s.page.getByTestId(readyTestId).waitFor();
  };
  s.settings = async () => (await s.t.api('GET', '/api/settings', { cookie: s.admin })).body;
  s.save = () => s.page.getByTestId('admin-settings-save').click();
  s.addDay = async (list, day) => {
    await s.page.getByTestId(`${list}-input`).fill(day);
    await s.page.getByTestId(`${list}-add`).click();
  };
  beforeAll(async () => {
    s.t = await startTestHall();
    s.admin = await s.t.login('admin');
    browser = await launchBrowser();
    s.page = await signedInPage(browser, s.t, s.admin);
  });
  afterAll(async () => {
    await browser?.close();
    await s.t?.stop();
  });
  return s;
}
