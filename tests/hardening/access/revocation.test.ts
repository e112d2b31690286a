import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../../support/hall-server.js';
import { startHall } from '../../server/test-hall.js';
import { openWatched } from '../../server/watched-socket.js';

/** What each kind of device is paired to, and something it may do over HTTP and as a command while paired. */
const kinds = [
  { role: 'kiosk', place: {}, follow: { scope: 'hall' }, read: '/api/hall', command: { name: 'requeueTicket', args: { ticketId: 999_999 } } },
  { role: 'board', place: { areaId: 1 }, follow: { scope: 'area', areaId: 1 }, read: '/api/hall', command: null },
  { role: 'pad', place: { windowId: 5 }, follow: { scope: 'window', windowId: 5 }, read: '/api/hall', command: { name: 'setWindowStatus', args: { windowId: 5, status: 'open' } } },
  { role: 'bridge', place: { windowId: 5 }, follow: { scope: 'window', windowId: 5 }, read: '/api/auth/me', command: { name: 'postCaseNumber', args: { windowId: 5, caseNumber: 'BJ-2026-0001' } } },
] as const;

/** Revoking a device cuts it off at once: its open sockets close, and its token stops working everywhere. */
describe('device revocation', () => {
  let t: TestHall;
  let admin: string;
  beforeAll(async () => {
    t = await startHall();
    admin = await t.login('admin');
  });
  afterAll(async () => t.stop());

  for (const kind of kinds) {
    it(`cuts a ${kind.role} off at once, socket and token alike`, async () => {
      const { code } = (await t.api('POST', '/api/devices/pairing-codes', { cookie: admin, body: { role: kind.role, ...kind.place } })).body;
      const { device, token } = (await t.api('POST', '/api/devices/pair', { body: { code, name: `test ${kind.role}` } })).body;
      const { socket, closed } = await openWatched(t.wsUrl, { token, follow: kind.follow });
      await socket.next((m) => m.type === 'snapshot');
      expect((await t.api('GET', kind.read, { token })).status).toBe(200);
      if (kind.command) {
        socket.send({ type: 'command', id: 'while-paired', ...kind.command });
        const answer = await socket.next((m) => m.id === 'while-paired');
        expect(['FORBIDDEN', 'UNAUTHENTICATED']).not.toContain(answer.error?.code);
      }

      expect((await t.api('POST', `/api/devices/${device.id}/revoke`, { cookie: admin })).status).toBe(200);
      expect(await closed()).toBe(4001);
      const after = await t.api('GET', kind.read, { token });
      expect({ status: after.status, code: after.body.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
      const { socket: again, closed: againClosed } = await openWatched(t.wsUrl, { token, follow: kind.follow });
      expect((await again.next((m) => m.type === 'error')).error.code).toBe('UNAUTHENTICATED');
      expect(await againClosed()).toBe(4003);
    });
  }
});
