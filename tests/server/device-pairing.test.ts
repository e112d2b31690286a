import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../support/hall-server.js';
import { TestSocket } from '../support/ws-client.js';
import { idNumber, startHall } from './test-hall.js';
import { openWatched } from './watched-socket.js';

describe('devices and phones', () => {
  let t: TestHall;
  let admin: string;
  const pairingCode = async (body: Record<string, unknown>) => (await t.api('POST', '/api/devices/pairing-codes', { cookie: admin, body })).body.code as string;

  beforeAll(async () => {
    t = await startHall();
    admin = await t.login('admin');
  });
  afterAll(async () => t.stop());

  it('turns a pairing code into a device token once; the same code then fails', async () => {
    const code = await pairingCode({ role: 'board', areaId: 2 });
    expect(code).toMatch(/^\d{8}$/);
    const paired = await t.api('POST', '/api/devices/pair', { body: { code, name: '不动产区大屏' } });
    expect(paired.status).toBe(201);
    expect(paired.body.device).toMatchObject({ role: 'board', areaId: 2, windowId: null, revokedAt: null });

    const me = await t.api('GET', '/api/auth/me', { token: paired.body.token });
    expect(me.body).toMatchObject({ kind: 'device', roles: ['board'], areaId: 2 });

    const again = await t.api('POST', '/api/devices/pair', { body: { code, name: '另一块屏' } });
    expect(again.status).toBe(403);
    expect(again.body.code).toBe('BAD_PAIRING_CODE');
    expect(again.body.message.zh).toMatch(/\S/);
    const devices = (await t.api('GET', '/api/devices', { cookie: admin })).body as { name: string }[];
    expect(devices.filter((d) => d.name === '另一块屏')).toEqual([]);
  });

  it('keeps a paired board to its place: its own area, not the whole hall', async () => {
    const { token } = (await t.api('POST', '/api/devices/pair', { body: { code: await pairingCode({ role: 'board', areaId: 1 }) } })).body;
    const own = await TestSocket.open(t.wsUrl, { token, follow: { scope: 'area', areaId: 1 } });
    expect((await own.next((m) => m.type === 'snapshot')).data.windows.every((w: any) => w.areaId === 1)).toBe(true);
    own.close();
    const { socket: hall, closed } = await openWatched(t.wsUrl, { token, follow: { scope: 'hall' } });
    expect((await hall.next((m) => m.type === 'error')).error.code).toBe('FORBIDDEN');
    expect(await closed()).toBe(4003);
  });

  it('cuts a revoked device off at once: its open WebSocket closes and its token stops working', async () => {
    const { device, token } = (await t.api('POST', '/api/devices/pair', { body: { code: await pairingCode({ role: 'kiosk' }), name: '二号取号机' } })).body;
    const { socket, closed } = await openWatched(t.wsUrl, { token, follow: { scope: 'hall' } });
    await socket.next((m) => m.type === 'snapshot');
    expect((await t.api('POST', '/api/tickets', { token, body: { serviceId: 6 } })).status).toBe(201);

    const revoked = await t.api('POST', `/api/devices/${device.id}/revoke`, { cookie: admin });
    expect(revoked.status).toBe(200);
    expect(await closed()).toBe(4001);

    const hall = await t.api('GET', '/api/hall', { token });
    expect(hall.status).toBe(401);
    expect(hall.body.code).toBe('UNAUTHENTICATED');
    // To ticket issuing it is now just the anonymous public, who must give a name and ID number.
    expect((await t.api('POST', '/api/tickets', { token, body: { serviceId: 6 } })).body.code).toBe('ID_REQUIRED');
    const { socket: retry, closed: retryClosed } = await openWatched(t.wsUrl, { token, follow: { scope: 'hall' } });
    expect((await retry.next((m) => m.type === 'error')).error.code).toBe('UNAUTHENTICATED');
    expect(await retryClosed()).toBe(4003);
  });

  it('shows a phone its own ticket only, by its token', async () => {
    const issue = (name: string, sequence: string) =>
      t.api('POST', '/api/tickets', { body: { serviceId: 6, identity: { name, idNumber: idNumber('19900101', sequence) } } });
    const mine = (await issue('李四', '123')).body;
    const theirs = (await issue('王五', '456')).body;
    expect(mine.url).toContain(mine.token);

    const seen = await t.api('GET', `/api/visits/${mine.token}`);
    expect(seen.status).toBe(200);
    expect(seen.body.ticket.number).toBe(mine.ticket.number);
    expect(seen.body.ticket.person).toEqual({ nameMasked: '李*', idMasked: expect.stringMatching(/^110105\*{8}\d{3}[\dX]$/) });
    expect(JSON.stringify(seen.body)).not.toContain(theirs.ticket.number);
    expect(Object.keys(seen.body).sort()).toEqual(['anyWindowOpen', 'dayClosed', 'forecast', 'hall', 'kind', 'ticket', 'window']);

    // The token is the visit's, not a credential for anything else.
    expect((await t.api('GET', '/api/hall', { token: mine.token })).status).toBe(401);
    expect((await t.api('POST', `/api/tickets/${theirs.ticket.id}/cancel`, { token: mine.token })).status).toBe(401);

    const phone = await TestSocket.open(t.wsUrl, { follow: { scope: 'ticket', ticketToken: mine.token } });
    const first = await phone.next((m) => m.type === 'visit');
    expect(first.data.ticket.number).toBe(mine.ticket.number);
    phone.send({ type: 'command', id: 'p1', name: 'cancelTicket', args: { ticketId: theirs.ticket.id } });
    expect((await phone.next((m) => m.id === 'p1')).type).toBe('error');
    expect(phone.messages.every((m) => !JSON.stringify(m).includes(theirs.ticket.number))).toBe(true);
    phone.close();

    expect((await t.api('POST', `/api/visits/${mine.token}/cancel`)).body.status).toBe('cancelled');
    expect((await t.api('GET', `/api/visits/${theirs.token}`)).body.ticket.status).toBe('waiting');
  });
});
