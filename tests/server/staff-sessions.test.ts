import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPassword, type TestHall } from '../support/hall-server.js';
import { startHall } from './test-hall.js';
import { openWatched } from './watched-socket.js';

describe('staff sessions', () => {
  let t: TestHall;
  const login = (staffNumber: string, password: string) =>
    fetch(`${t.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ staffNumber, password }) });

  beforeAll(async () => {
    t = await startHall();
  });
  afterAll(async () => t.stop());

  it('sets an httpOnly, same-site session cookie on login and never returns the token in the body', async () => {
    const res = await login('1001', testPassword);
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^hall_session=[^;]{20,};/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    const body = await res.json();
    expect(body.staff.number).toBe('1001');
    expect(JSON.stringify(body)).not.toContain(setCookie.split(';')[0].split('=')[1]);
    const cookie = setCookie.split(';')[0];
    const me = await t.api('GET', '/api/auth/me', { cookie });
    expect(me.body).toMatchObject({ kind: 'staff', roles: ['staff'], staff: { number: '1001' } });
  });

  it('ends the session on logout: the cookie stops working and its open WebSocket is cut', async () => {
    const cookie = await t.login('1002');
    const { socket: pad, closed } = await openWatched(t.wsUrl, { follow: { scope: 'window', windowId: 2 } }, { cookie });
    await pad.next((m) => m.type === 'snapshot');

    const out = await fetch(`${t.url}/api/auth/logout`, { method: 'POST', headers: { cookie } });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/^hall_session=;/);
    expect(await closed()).toBe(4001);

    const me = await t.api('GET', '/api/auth/me', { cookie });
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('UNAUTHENTICATED');
    expect((await t.api('POST', '/api/windows/2/status', { cookie, body: { status: 'open' } })).status).toBe(401);
  });

  it('answers a wrong password and an unknown staff number alike, without saying which part was wrong', async () => {
    const wrongPassword = await login('1001', 'not-the-password');
    const unknownNumber = await login('9999', testPassword);
    expect(wrongPassword.status).toBe(401);
    expect(unknownNumber.status).toBe(401);
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
    const [a, b] = [await wrongPassword.json(), await unknownNumber.json()];
    expect(a).toEqual(b);
    expect(a.code).toBe('BAD_CREDENTIALS');
    expect(a.message.zh).toBe('工号或密码错误');
    expect(a.message.en).toMatch(/staff number or password/);
  });

  it('stops the sessions and open WebSockets of a staff member the admin deactivates', async () => {
    const [admin, cookie] = await Promise.all([t.login('admin'), t.login('1003')]);
    const { socket: pad, closed } = await openWatched(t.wsUrl, { follow: { scope: 'window', windowId: 3 } }, { cookie });
    await pad.next((m) => m.type === 'snapshot');
    const { id, ...staff } = (await t.api('GET', '/api/auth/me', { cookie })).body.staff;

    const saved = await t.api('PUT', `/api/staff/${id}`, { cookie: admin, body: { ...staff, active: false } });
    expect(saved.status).toBe(200);
    expect(await closed()).toBe(4001);
    expect((await t.api('GET', '/api/auth/me', { cookie })).status).toBe(401);
    // The right password of a deactivated account is told so (not "wrong password"), and still lets nobody in.
    const again = await login('1003', testPassword);
    expect({ status: again.status, code: (await again.json()).code }).toEqual({ status: 403, code: 'ACCOUNT_DEACTIVATED' });
  });

  it('cuts the open WebSockets of a staff member the admin deletes', async () => {
    const [admin, cookie] = await Promise.all([t.login('admin'), t.login('1004')]);
    const { socket: pad, closed } = await openWatched(t.wsUrl, { follow: { scope: 'window', windowId: 4 } }, { cookie });
    await pad.next((m) => m.type === 'snapshot');
    const { id } = (await t.api('GET', '/api/auth/me', { cookie })).body.staff;

    expect((await t.api('DELETE', `/api/staff/${id}`, { cookie: admin })).status).toBe(200);
    expect(await closed()).toBe(4001);
    expect((await t.api('GET', '/api/auth/me', { cookie })).status).toBe(401);
  });
});
