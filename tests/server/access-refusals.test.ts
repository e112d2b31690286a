import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../support/hall-server.js';
import { TestSocket } from '../support/ws-client.js';
import { expectRefused, fingerprint } from './db-fingerprint.js';
import { startHall } from './test-hall.js';
import { openWatched } from './watched-socket.js';

/** Who may do what: every refusal is 401 or 403 with a code and words, and leaves the database as it was. */
describe('callers without the right to ask', () => {
  let t: TestHall;
  let staff: string;
  let supervisor: string;
  let admin: string;
  let padToken: string;
  let waitingId: number;
  const refused = (status: number, code: string, request: () => Promise<{ status: number; body: any }>) =>
    expectRefused(t.config.databasePath, status, code, request);

  beforeAll(async () => {
    t = await startHall();
    [staff, supervisor, admin] = await Promise.all([t.login('1001'), t.login('S01'), t.login('admin')]);
    const { code } = (await t.api('POST', '/api/devices/pairing-codes', { cookie: admin, body: { role: 'pad', windowId: 8 } })).body;
    padToken = (await t.api('POST', '/api/devices/pair', { body: { code, name: '8号窗口叫号器' } })).body.token;
    await t.api('POST', '/api/windows/12/status', { cookie: staff, body: { status: 'open' } });
    waitingId = (await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 6 } })).body.ticket.id;
  });
  afterAll(async () => t.stop());

  it('answers a request with no or unknown credentials with 401', async () => {
    const visitToken = (await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 10 } })).body.token;
    await refused(401, 'UNAUTHENTICATED', () => t.api('POST', '/api/windows/8/call-next'));
    await refused(401, 'UNAUTHENTICATED', () => t.api('POST', '/api/windows/8/call-next', { token: 'not-a-token-of-this-hall' }));
    await refused(401, 'UNAUTHENTICATED', () => t.api('POST', '/api/areas', { body: { code: 'GA', name: { zh: '公安', en: 'Police' }, active: true } }));
    await refused(401, 'UNAUTHENTICATED', () => t.api('POST', `/api/tickets/${waitingId}/cancel`));
    await refused(401, 'UNAUTHENTICATED', () => t.api('GET', '/api/hall'));
    await refused(401, 'UNAUTHENTICATED', () => t.api('GET', '/api/hall', { token: visitToken }));
    await refused(401, 'UNAUTHENTICATED', () => t.api('GET', '/api/events', { cookie: 'hall_session=forged' }));
  });

  it('answers staff and supervisors on admin routes with 403', async () => {
    const area = { code: 'GA', name: { zh: '公安', en: 'Police' }, active: true };
    await refused(403, 'FORBIDDEN', () => t.api('POST', '/api/areas', { cookie: staff, body: area }));
    await refused(403, 'FORBIDDEN', () => t.api('POST', '/api/areas', { cookie: supervisor, body: area }));
    await refused(403, 'FORBIDDEN', () => t.api('DELETE', '/api/priority-classes/3', { cookie: staff }));
    await refused(403, 'FORBIDDEN', () => t.api('POST', '/api/devices/pairing-codes', { cookie: staff, body: { role: 'kiosk' } }));
    await refused(403, 'FORBIDDEN', () => t.api('POST', '/api/devices/1/revoke', { cookie: supervisor }));
    await refused(403, 'FORBIDDEN', () => t.api('GET', '/api/staff', { cookie: staff }));
    await refused(403, 'FORBIDDEN', () => t.api('GET', '/api/events', { cookie: staff }));
    const settings = (await t.api('GET', '/api/settings', { cookie: admin })).body;
    await refused(403, 'FORBIDDEN', () => t.api('PUT', '/api/settings', { cookie: supervisor, body: { ...settings, requeueOffset: 0 } }));
  });

  it('answers a kiosk token on window commands with 403, over HTTP and over its WebSocket', async () => {
    await refused(403, 'FORBIDDEN', () => t.api('POST', '/api/windows/8/call-next', { token: t.kioskToken }));
    await refused(403, 'FORBIDDEN', () => t.api('POST', '/api/windows/8/status', { token: t.kioskToken, body: { status: 'open' } }));
    await refused(403, 'FORBIDDEN', () => t.api('POST', '/api/windows/12/call', { token: t.kioskToken, body: { ticketId: waitingId, reason: '插队' } }));
    await refused(403, 'FORBIDDEN', () => t.api('POST', `/api/tickets/${waitingId}/cancel`, { token: t.kioskToken }));

    const kiosk = await TestSocket.open(t.wsUrl, { token: t.kioskToken, follow: { scope: 'hall' } });
    await kiosk.next((m) => m.type === 'snapshot');
    const before = fingerprint(t.config.databasePath);
    kiosk.send({ type: 'command', id: 'k1', name: 'callNext', args: { windowId: 12 } });
    const answer = await kiosk.next((m) => m.id === 'k1');
    expect(answer.type).toBe('error');
    expect(answer.error.code).toBe('FORBIDDEN');
    expect(answer.error.message.zh).toMatch(/\S/);
    expect(fingerprint(t.config.databasePath)).toEqual(before);
    kiosk.close();
  });

  it('answers a pad acting for another window with 403, and lets it act for its own', async () => {
    await refused(403, 'FORBIDDEN', () => t.api('POST', '/api/windows/12/call-next', { token: padToken }));
    await refused(403, 'FORBIDDEN', () => t.api('POST', '/api/windows/9/status', { token: padToken, body: { status: 'open' } }));
    const calledAt12 = await t.api('POST', '/api/windows/12/call-next', { cookie: staff });
    await refused(403, 'FORBIDDEN', () => t.api('POST', `/api/tickets/${calledAt12.body.id}/transfer`, { token: padToken, body: { serviceId: 5 } }));

    const elsewhere = await openWatched(t.wsUrl, { token: padToken, follow: { scope: 'window', windowId: 12 } });
    expect((await elsewhere.socket.next((m) => m.type === 'error')).error.code).toBe('FORBIDDEN');
    expect(await elsewhere.closed()).toBe(4003);

    const own = await t.api('POST', '/api/windows/8/status', { token: padToken, body: { status: 'open' } });
    expect(own.status).toBe(200);
    expect(own.body.status).toBe('open');
  });
});
