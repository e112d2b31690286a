import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BridgeAgent } from '../../drivers/desktop-bridge/agent.js';
import type { FillResult, Identity } from '../../drivers/desktop-bridge/typist.js';
import { startTestHall, type TestHall } from '../support/hall-server.js';
import { TestSocket } from '../support/ws-client.js';

const visitor = { name: '张三', idNumber: '110101199001010015' };
const WINDOW = 8;
const SERVICE = 6;
const profile = { name: '不动产登记系统', steps: [{ field: 'idNumber' as const }, { key: 'Tab' }, { field: 'name' as const }] };

/** Stands in for the typing engine (tested under Xvfb with its own tests): records what it was asked to type. */
function fakeTypist() {
  const calls: { identity: Identity; profile: unknown }[] = [];
  return {
    calls,
    async fill(identity: Identity, p: unknown): Promise<FillResult> {
      calls.push({ identity, profile: p });
      return { ok: true, profile: 'x', fields: [{ field: 'idNumber', length: 18, via: 'type' }, { field: 'name', length: 2, via: 'paste' }], clipboardRestored: true, elapsedMs: 4 };
    },
  };
}

describe('the desktop bridge of a window', () => {
  let t: TestHall;
  let staff: string;
  let agent: BridgeAgent;
  let bridgeToken: string;
  const typist = fakeTypist();
  beforeAll(async () => {
    t = await startTestHall({ overrides: { devices: { simulate: false, bridges: [{ windowId: WINDOW, fillOnStart: true }] } } });
    staff = await t.login('1008');
    const admin = await t.login('admin');
    const code = await t.api('POST', '/api/devices/pairing-codes', { cookie: admin, body: { role: 'bridge', windowId: WINDOW } });
    const paired = await t.api('POST', '/api/devices/pair', { body: { code: code.body.code, name: '8号窗口电脑' } });
    bridgeToken = paired.body.token;
    agent = new BridgeAgent({ server: t.url, token: bridgeToken, profile, typist });
    const connected = once(agent, 'connected', { signal: AbortSignal.timeout(3000) });
    agent.start();
    expect((await connected)[0]).toBe(WINDOW);
  });
  afterAll(async () => {
    await agent?.stop();
    await t?.stop();
  });

  const post = (path: string) => t.api('POST', path, { cookie: staff, body: path.endsWith('status') ? { status: 'open' } : undefined });

  it('types the visitor\'s identity as soon as serving starts, and again when staff press fill', async () => {
    const pad = await TestSocket.open(t.wsUrl, { follow: { scope: 'window', windowId: WINDOW } }, { cookie: staff });
    await pad.next((m) => m.type === 'snapshot');
    const issued = await t.api('POST', '/api/tickets', { body: { serviceId: SERVICE, identity: visitor } });
    expect(issued.status).toBe(201);
    await post(`/api/windows/${WINDOW}/status`);
    await post(`/api/windows/${WINDOW}/call-next`);
    const filled = once(agent, 'filled', { signal: AbortSignal.timeout(3000) });
    expect((await post(`/api/windows/${WINDOW}/start`)).body.status).toBe('serving');
    await filled;
    expect(typist.calls).toHaveLength(1);
    expect(typist.calls[0].identity).toMatchObject({ idNumber: visitor.idNumber, name: visitor.name, ticketNumber: issued.body.ticket.number });
    expect(typist.calls[0].profile).toEqual(profile);

    const pressed = await post(`/api/windows/${WINDOW}/fill`);
    expect(pressed.body).toMatchObject({ bridges: 1, ticketNumber: issued.body.ticket.number });
    const result = await pad.next((m) => m.type === 'fillResult' && m.result.requestId === pressed.body.requestId);
    expect(result.result).toMatchObject({ ok: true, fields: 2 });
    expect(typist.calls).toHaveLength(2);
    // A colleague at another pad cannot send this window's visitor to its business system.
    const colleague = await t.api('POST', `/api/windows/${WINDOW}/fill`, { cookie: await t.login('1001') });
    expect(colleague).toMatchObject({ status: 409, body: { code: 'WINDOW_STAFFED' } });
    expect(typist.calls).toHaveLength(2);
    // The identity goes to the bridge alone: the pad never sees it.
    expect(pad.messages.some((m) => m.type === 'fill')).toBe(false);
    expect(JSON.stringify(pad.messages)).not.toContain(visitor.idNumber);
    pad.close();
  });

  it('refuses a fill when the window has nobody at the counter, no identity or no bridge', async () => {
    await post(`/api/windows/${WINDOW}/finish`);
    expect((await post(`/api/windows/${WINDOW}/fill`)).body.code).toBe('WINDOW_IDLE');

    await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: SERVICE } });
    await post(`/api/windows/${WINDOW}/call-next`);
    const anonymous = await post(`/api/windows/${WINDOW}/fill`);
    expect(anonymous).toMatchObject({ status: 409, body: { code: 'NO_IDENTITY', message: { zh: expect.any(String), en: expect.any(String) } } });

    const other = 5;
    await t.api('POST', `/api/windows/${other}/status`, { cookie: staff, body: { status: 'open' } });
    await t.api('POST', '/api/tickets', { body: { serviceId: 4, identity: { name: '李四', idNumber: '110102198506150023' } } });
    await t.api('POST', `/api/windows/${other}/call-next`, { cookie: staff });
    expect((await post(`/api/windows/${other}/fill`)).body.code).toBe('BRIDGE_NOT_CONNECTED');
  });

  it('lets a bridge report only for its own window', async () => {
    const res = await t.api('POST', '/api/windows/5/fill-result', { token: bridgeToken, body: { requestId: 'x', ok: true, fields: 1, elapsedMs: 1 } });
    expect(res.status).toBe(403);
  });
});
