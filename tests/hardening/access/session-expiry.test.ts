import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPassword, type TestHall } from '../../support/hall-server.js';
import { TestSocket } from '../../support/ws-client.js';
import { HallClock, startHall } from '../../server/test-hall.js';
import { openWatched } from '../../server/watched-socket.js';

/**
 * A staff session lasts sessionHours from login. After that its cookie lets nobody in, and a WebSocket opened with it
 * may send nothing more: the next command is refused and the socket closed, and the heartbeat closes the rest.
 */
describe('staff sessions expire', () => {
  let t: TestHall;
  const clock = new HallClock('2026-03-10 08:00');
  beforeAll(async () => {
    t = await startHall({ clock, overrides: { sessionHours: 2 } });
  });
  afterAll(async () => t.stop());

  it('sets the cookie for the session\'s lifetime and stops taking it afterwards', async () => {
    clock.jumpTo('2026-03-10 08:00');
    const res = await fetch(`${t.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ staffNumber: '1001', password: testPassword }) });
    expect(res.headers.get('set-cookie')).toMatch(/Max-Age=7200/);
    const cookie = res.headers.get('set-cookie')!.split(';')[0];
    clock.jumpTo('2026-03-10 09:59');
    expect((await t.api('GET', '/api/auth/me', { cookie })).status).toBe(200);
    clock.jumpTo('2026-03-10 10:01');
    const late = await t.api('GET', '/api/auth/me', { cookie });
    expect({ status: late.status, code: late.body.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect((await t.api('POST', '/api/windows/1/status', { cookie, body: { status: 'open' } })).status).toBe(401);
  });

  it('refuses the next command on a socket whose session has expired, and closes it', async () => {
    clock.jumpTo('2026-03-10 12:00');
    const cookie = await t.login('1002');
    const { socket: pad, closed } = await openWatched(t.wsUrl, { follow: { scope: 'window', windowId: 2 } }, { cookie });
    await pad.next((m) => m.type === 'snapshot');
    pad.send({ type: 'command', id: 'before', name: 'setWindowStatus', args: { windowId: 2, status: 'open' } });
    expect((await pad.next((m) => m.id === 'before')).type).toBe('reply');

    clock.jumpTo('2026-03-10 14:01');
    pad.send({ type: 'command', id: 'after', name: 'setWindowStatus', args: { windowId: 2, status: 'closed' } });
    const refused = await pad.next((m) => m.id === 'after');
    expect(refused).toMatchObject({ type: 'error', error: { code: 'UNAUTHENTICATED', message: { zh: expect.stringMatching(/\S/) } } });
    expect(await closed()).toBe(4001);
    const window2 = (await t.api('GET', '/api/hall', { token: t.boardToken })).body.windows.find((w: any) => w.id === 2);
    expect(window2.status).toBe('open');
  });

  it('closes an expired session\'s quiet socket at the next heartbeat, and leaves device sockets open', async () => {
    clock.jumpTo('2026-03-10 16:00');
    const cookie = await t.login('1003');
    const { socket: quiet, closed } = await openWatched(t.wsUrl, { follow: { scope: 'hall' } }, { cookie });
    const board = await TestSocket.open(t.wsUrl, { token: t.boardToken, follow: { scope: 'hall' } });
    await Promise.all([quiet.next((m) => m.type === 'snapshot'), board.next((m) => m.type === 'snapshot')]);

    t.hall.hub.revalidate();
    expect(quiet.ws.readyState).toBe(quiet.ws.OPEN);
    clock.jumpTo('2026-03-10 18:01');
    t.hall.hub.revalidate();
    expect(await closed()).toBe(4001);
    expect((await quiet.next((m) => m.type === 'error')).error.code).toBe('UNAUTHENTICATED');
    board.send({ type: 'ping' });
    expect((await board.next((m) => m.type === 'pong')).type).toBe('pong');
    board.close();
  });

  it('applies a role taken away to an open socket at its next command', async () => {
    clock.jumpTo('2026-03-10 19:00');
    const [admin, supervisor] = await Promise.all([t.login('admin'), t.login('S01')]);
    const socket = await TestSocket.open(t.wsUrl, { follow: { scope: 'hall' } }, { cookie: supervisor });
    await socket.next((m) => m.type === 'snapshot');
    const me = (await t.api('GET', '/api/auth/me', { cookie: supervisor })).body.staff;
    const { id, ...rest } = me;
    expect((await t.api('PUT', `/api/staff/${id}`, { cookie: admin, body: { ...rest, role: 'staff' } })).status).toBe(200);
    socket.send({ type: 'command', id: 'fix', name: 'recordFixRating', args: { id: 1, level: 5 } });
    expect((await socket.next((m) => m.id === 'fix')).error.code).toBe('FORBIDDEN');
    socket.close();
  });
});
