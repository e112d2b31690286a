import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, type ScreenSize } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { idNumber, onlineTicket, padAtPicker, serviceId, text, waitForText } from './pad-helpers.js';

const wide: ScreenSize = { width: 1366, height: 768 };
const pad: ScreenSize = { width: 1280, height: 800 };

// The QA report: 1001 opens window 1; S01 picks window 1 on /pad/ at 1366x768 and could only take it over.
describe('a supervisor helping at a clerk\'s window', () => {
  let t: TestHall;
  let browser: Browser;
  let clerk: Page;
  let supervisor: Page;
  let staffIds: Map<string, number>;

  beforeAll(async () => {
    t = await startTestHall();
    browser = await launchBrowser();
    const staff = await t.api('GET', '/api/staff', { cookie: await t.login('admin') });
    staffIds = new Map(staff.body.map((s: { number: string; id: number }) => [s.number, s.id]));
    clerk = await padAtPicker(browser, t, '1001', pad);
    await clerk.getByTestId('pad-pick-window-1').click();
    await clerk.getByTestId('pad-open').click();
    await waitForText(clerk, 'pad-window-status', '开放中');
  });
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('offers to assist or take over, and assisting leaves the clerk at the window', async () => {
    supervisor = await padAtPicker(browser, t, 'S01', wide);
    await waitForText(supervisor, 'pad-pick-status-1', '工作人员01');
    await supervisor.getByTestId('pad-pick-window-1').click();
    const dialog = supervisor.getByTestId('pad-take-over-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('协助或接管窗口？');
    expect(await text(supervisor, 'pad-assist-confirm')).toContain('协助');
    expect(await text(supervisor, 'pad-assist-confirm')).toContain('Assist');
    expect(await text(supervisor, 'pad-take-over-confirm')).toContain('接管');
    await screenshot(supervisor, 'pad-assist-ask-1366x768');

    await supervisor.getByTestId('pad-assist-confirm').click();
    await waitForText(supervisor, 'pad-assisting', '协助 工作人员01');
    const number = await onlineTicket(t, await serviceId(t, 'SB01'), '张三丰', idNumber('19800101', 1));
    await supervisor.getByTestId(`pad-waiting-${number}`).waitFor();
    await supervisor.keyboard.press('F1');
    await waitForText(supervisor, 'pad-current-number', number);
    await waitForText(clerk, 'pad-current-number', number);
    await screenshot(supervisor, 'pad-assisting-1366x768');

    // The clerk still staffs the window and their pad stays at its desk.
    const hall = await t.api('GET', '/api/hall', { cookie: await t.login('admin') });
    expect(hall.body.windows.find((w: { number: number }) => w.number === 1)).toMatchObject({ status: 'open', staffName: '工作人员01' });
    expect(await clerk.getByTestId('pad-taken-over').count()).toBe(0);
    expect(await clerk.getByTestId('pad-call-next').count()).toBe(1);

    // The call is the supervisor's (statistics, 好差评), as the core credits it.
    const log = (await t.api('GET', '/api/events?limit=1000', { cookie: await t.login('admin') })).body as { type: string; actor: any; payload: any }[];
    const called = log.find((e) => e.type === 'ticket.called' && e.payload.ticket.number === number);
    expect(called).toMatchObject({ actor: { staffId: staffIds.get('S01') }, payload: { ticket: { staffId: staffIds.get('S01') } } });

    // A clerk (role staff) picking the same window is offered the takeover alone, as before.
    const colleague = await padAtPicker(browser, t, '1002', wide);
    await waitForText(colleague, 'pad-pick-status-1', '工作人员01');
    await colleague.getByTestId('pad-pick-window-1').click();
    await colleague.getByTestId('pad-take-over-dialog').waitFor();
    expect(await colleague.getByTestId('pad-take-over-dialog').textContent()).toContain('接管窗口？');
    expect(await colleague.getByTestId('pad-assist-confirm').count()).toBe(0);
  });

  it('a supervisor whose own window is taken over still leaves it', async () => {
    await supervisor.keyboard.press('F3');
    await waitForText(supervisor, 'pad-current-status', '办理中');
    await supervisor.keyboard.press('F4');
    await supervisor.getByTestId('pad-switch').click();
    await supervisor.getByTestId('pad-pick-window-2').click();
    await supervisor.getByTestId('pad-open').click();
    await waitForText(supervisor, 'pad-window-status', '开放中');
    const other = await t.login('1002');
    expect((await t.api('POST', '/api/windows/2/status', { cookie: other, body: { status: 'open', takeOver: true } })).status).toBe(200);
    await waitForText(supervisor, 'pad-taken-over', '2号窗口已由 工作人员02 接管');
  });
});
