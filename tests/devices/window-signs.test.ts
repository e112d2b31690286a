import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignCommand } from '../../drivers/led-sign/framer.js';
import { windowContent } from '../../server/devices/sign-text.js';
import { SIGN_SERVICE, SIGN_WINDOW, startDeviceRig, until, type DeviceRig } from './device-rig.js';

const MUTED_WINDOW = 9;
/** Window 9 serves ZH04 (enquiries, prefix K, no ID needed) as its backup. */
const MUTED_SERVICE = 10;

describe('window signs follow the windows', () => {
  let rig: DeviceRig;
  let cookie: string;
  beforeAll(async () => {
    rig = await startDeviceRig({ mutedSigns: [MUTED_WINDOW] });
    cookie = await rig.t.login('1008');
    // At start every sign is set to its window's state; the muted one costs the line a reply timeout. Timings
    // below are of a call alone, so they start once that has passed.
    await until(() => rig.signs.signs.size === 12, 5000);
  });
  afterAll(async () => rig?.stop());

  const post = (path: string, body?: unknown) => rig.t.api('POST', path, { cookie, body });
  /** The next time the sign at `address` is told to show these lines; resolves with the milliseconds it took. */
  const shown = (address: number, lines: string[], timeoutMs = 1000) => {
    const startedAt = performance.now();
    return new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => { rig.signs.off('command', listener); reject(new Error(`sign ${address} did not show ${lines.join(' / ')} within ${timeoutMs} ms; it shows ${rig.signs.signs.get(address)?.lines.join(' / ')}`)); }, timeoutMs);
      const listener = (a: number, command: SignCommand) => {
        if (a !== address || command.kind !== 'show' || command.lines.join('\n') !== lines.join('\n')) return;
        clearTimeout(timer);
        rig.signs.off('command', listener);
        resolve(performance.now() - startedAt);
      };
      rig.signs.on('command', listener);
    });
  };

  it('shows the called number and the window on the window\'s sign within a second, and again on a recall', async () => {
    expect((await post(`/api/windows/${SIGN_WINDOW}/status`, { status: 'open' })).status).toBe(200);
    const issued = await rig.t.api('POST', '/api/tickets', { token: rig.t.kioskToken, body: { serviceId: SIGN_SERVICE } });
    const number = issued.body.ticket.number as string;
    const call = [number, `请到${SIGN_WINDOW}号窗口`];

    const sign = shown(SIGN_WINDOW, call);
    expect((await post(`/api/windows/${SIGN_WINDOW}/call-next`)).body.number).toBe(number);
    expect(await sign).toBeLessThan(1000);
    expect(rig.signs.signs.get(SIGN_WINDOW)?.lines).toEqual(call);

    const again = shown(SIGN_WINDOW, call);
    expect((await post(`/api/windows/${SIGN_WINDOW}/recall`)).status).toBe(200);
    await again;
  });

  it('shows the pause and its reason, and goes dark when the window closes', async () => {
    await post(`/api/windows/${SIGN_WINDOW}/start`);
    await post(`/api/windows/${SIGN_WINDOW}/finish`);
    const paused = shown(SIGN_WINDOW, ['暂停服务', '午休']);
    expect((await post(`/api/windows/${SIGN_WINDOW}/status`, { status: 'paused', reason: 'lunch' })).status).toBe(200);
    await paused;

    const dark = rig.signs.nextCommand(SIGN_WINDOW, 'clear', 1000);
    expect((await post(`/api/windows/${SIGN_WINDOW}/status`, { status: 'closed' })).status).toBe(200);
    await dark;
    expect(rig.signs.signs.get(SIGN_WINDOW)?.lines).toEqual([]);
  });

  it('never slows or fails a call when the window\'s sign does not answer', async () => {
    await post(`/api/windows/${MUTED_WINDOW}/status`, { status: 'open' });
    expect((await rig.t.api('POST', '/api/tickets', { token: rig.t.kioskToken, body: { serviceId: MUTED_SERVICE } })).status).toBe(201);
    const startedAt = performance.now();
    const call = await post(`/api/windows/${MUTED_WINDOW}/call-next`);
    expect(call.body).toMatchObject({ status: 'called' });
    expect(performance.now() - startedAt).toBeLessThan(300);

    // The silent sign costs the line one reply timeout; the other signs still follow their windows.
    const sign = shown(SIGN_WINDOW, [`${SIGN_WINDOW}号窗口`, '欢迎办理'], 2000);
    await post(`/api/windows/${SIGN_WINDOW}/status`, { status: 'open' });
    await sign;
    const monitor = await rig.t.api('GET', '/api/devices/status', { cookie: await rig.t.login('S01') });
    expect(monitor.body.failingSigns).toEqual([{ address: MUTED_WINDOW, code: 'LED_TIMEOUT' }]);
  });

  it('shows the window\'s welcome again once its visitor is finished, marked absent or sent elsewhere, as a restart would', async () => {
    const state = rig.t.hall.ctx.runner.state;
    const welcome = [`${SIGN_WINDOW}号窗口`, '欢迎办理'];
    // A restart puts up windowContent() for every window: what the sign shows live must be the same text.
    const afterRestart = () => windowContent(state, state.runtime.get(SIGN_WINDOW)!)?.zh;
    const issue = async () => (await rig.t.api('POST', '/api/tickets', { token: rig.t.kioskToken, body: { serviceId: SIGN_SERVICE } })).body.ticket as { id: number; number: string };
    const callNext = async (number: string) => {
      const sign = shown(SIGN_WINDOW, [number, `请到${SIGN_WINDOW}号窗口`]);
      expect((await post(`/api/windows/${SIGN_WINDOW}/call-next`)).body.number).toBe(number);
      await sign;
    };
    const backToWelcome = async (path: string, body?: unknown) => {
      const sign = shown(SIGN_WINDOW, welcome);
      const res = await post(path, body);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      await sign;
      expect(rig.signs.signs.get(SIGN_WINDOW)?.lines).toEqual(welcome);
      expect(afterRestart()).toEqual(welcome);
    };
    const [served, absent, moved] = [await issue(), await issue(), await issue()];

    await callNext(served.number);
    expect((await post(`/api/windows/${SIGN_WINDOW}/start`)).status).toBe(200);
    await backToWelcome(`/api/windows/${SIGN_WINDOW}/finish`);

    await callNext(absent.number);
    await backToWelcome(`/api/windows/${SIGN_WINDOW}/no-show`);

    await callNext(moved.number);
    await backToWelcome(`/api/tickets/${moved.id}/transfer`, { serviceId: MUTED_SERVICE });

    // The no-show comes back and a ticket is cancelled while the window waits: the window is as it was, and its
    // sign is neither changed nor written again (a rewrite makes a sign flicker).
    const writes: SignCommand[] = [];
    const listener = (address: number, command: SignCommand) => { if (address === SIGN_WINDOW) writes.push(command); };
    rig.signs.on('command', listener);
    try {
      expect((await post(`/api/tickets/${absent.id}/requeue`)).status).toBe(200);
      const waiting = await issue();
      expect((await post(`/api/tickets/${waiting.id}/cancel`)).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      rig.signs.off('command', listener);
    }
    expect(writes).toEqual([]);
    expect(rig.signs.signs.get(SIGN_WINDOW)?.lines).toEqual(welcome);
    expect(afterRestart()).toEqual(welcome);
  });
});
