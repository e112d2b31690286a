import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPassword, type TestHall } from '../support/hall-server.js';
import { schedulerOf, storedBytes } from '../hardening/privacy/privacy-fixture.js';
import { HallClock, startHall } from './test-hall.js';

const guessedPassword = 'Guessed-Pa55word-731';
const today = '2026-03-10';

/**
 * The access log a hall's security review reads: who signed in and out and from where, failed sign-ins and why
 * (never the password), pairing codes, devices paired and revoked, and sessions ended by a deactivation; newest
 * first, filtered and paged, for supervisors and admins only, and gone after the retention period.
 */
describe('the access log', () => {
  const clock = new HallClock(`${today} 09:00`);
  let t: TestHall;
  let admin: string;
  /** Each sign-in comes from its own address, as the hall's reverse proxy on this machine forwards it. */
  const login = (staffNumber: string, password: string, from: string) =>
    fetch(`${t.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify({ staffNumber, password }) })
      .then((res) => ({ status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '' }));
  const access = async (query: string, cookie = admin) => {
    const res = await t.api('GET', `/api/audit/access?from=${today}&to=${today}${query}`, { cookie });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { entries: any[]; nextBefore: number | null };
  };
  const rowCount = () => {
    const db = new Database(t.config.databasePath, { readonly: true });
    try {
      return db.prepare('SELECT COUNT(*) FROM access_log').pluck().get() as number;
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    t = await startHall({ clock, overrides: { retention: { visitDays: 30 }, rateLimit: { publicPerMinute: 10_000 }, loginThrottle: { failuresPerStaff: 2, failuresPerAddress: 50, windowMinutes: 15 } } });
  });
  afterAll(async () => t.stop());

  it('records sign-ins, failed sign-ins, sign-outs, pairing and revocation in order, with where they came from', async () => {
    expect((await login('1001', guessedPassword, '10.0.0.7')).status).toBe(401);
    expect((await login('9999', guessedPassword, '10.0.0.8')).status).toBe(401);
    const clerk = await login('1001', testPassword, '10.0.0.7');
    expect(clerk.status).toBe(200);
    expect((await fetch(`${t.url}/api/auth/logout`, { method: 'POST', headers: { cookie: clerk.cookie, 'x-forwarded-for': '10.0.0.7' } })).status).toBe(200);
    admin = (await login('admin', testPassword, '10.0.0.1')).cookie;
    const code = await t.api('POST', '/api/devices/pairing-codes', { cookie: admin, body: { role: 'pad', windowId: 5 } });
    expect(code.status).toBe(201);
    expect((await t.api('POST', '/api/devices/pair', { body: { code: '00000000', name: 'x' } })).status).toBe(403);
    const paired = await t.api('POST', '/api/devices/pair', { body: { code: code.body.code, name: '5号窗口叫号器' } });
    expect(paired.status).toBe(201);
    expect((await t.api('POST', `/api/devices/${paired.body.device.id}/revoke`, { cookie: admin })).status).toBe(200);

    const { entries } = await access('');
    const idOf = (number: string) => [...t.hall.ctx.runner.state.staff.values()].find((s) => s.number === number)!.id;
    const deviceId = paired.body.device.id;
    expect(entries.map(({ action, staffId, staffNumber, reason, address, deviceId, deviceName, role, windowId }) => ({ action, staffId, staffNumber, reason, address, deviceId, deviceName, role, windowId }))).toEqual([
      { action: 'deviceRevoked', staffId: idOf('admin'), staffNumber: null, reason: null, address: '127.0.0.1', deviceId, deviceName: '5号窗口叫号器', role: 'pad', windowId: 5 },
      { action: 'devicePaired', staffId: null, staffNumber: null, reason: null, address: '127.0.0.1', deviceId, deviceName: '5号窗口叫号器', role: 'pad', windowId: 5 },
      { action: 'pairingFailed', staffId: null, staffNumber: null, reason: null, address: '127.0.0.1', deviceId: null, deviceName: null, role: null, windowId: null },
      { action: 'pairingCode', staffId: idOf('admin'), staffNumber: null, reason: null, address: '127.0.0.1', deviceId: null, deviceName: null, role: 'pad', windowId: 5 },
      { action: 'signIn', staffId: idOf('admin'), staffNumber: null, reason: null, address: '10.0.0.1', deviceId: null, deviceName: null, role: null, windowId: null },
      { action: 'signOut', staffId: idOf('1001'), staffNumber: null, reason: null, address: '10.0.0.7', deviceId: null, deviceName: null, role: null, windowId: null },
      { action: 'signIn', staffId: idOf('1001'), staffNumber: null, reason: null, address: '10.0.0.7', deviceId: null, deviceName: null, role: null, windowId: null },
      // An unknown number and a wrong password are one reason, as the login answers them.
      { action: 'signInFailed', staffId: null, staffNumber: '9999', reason: 'badCredentials', address: '10.0.0.8', deviceId: null, deviceName: null, role: null, windowId: null },
      { action: 'signInFailed', staffId: null, staffNumber: '1001', reason: 'badCredentials', address: '10.0.0.7', deviceId: null, deviceName: null, role: null, windowId: null },
    ]);
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((a, b) => b - a));
  });

  it('never keeps the password of a failed sign-in, nor shows it in the list or the export', async () => {
    const body = JSON.stringify(await access(''));
    const csv = await (await fetch(`${t.url}/api/audit/access/export?from=${today}&to=${today}`, { headers: { cookie: admin } })).text();
    expect(csv).toContain('工号 1001 登录失败：工号或密码错误');
    for (const text of [body, csv]) expect(text).not.toContain(guessedPassword);
    await t.hall.ctx.runner.durable();
    for (const { file, bytes } of storedBytes(t.config.databasePath)) expect(bytes.includes(Buffer.from(guessedPassword)), file).toBe(false);
  });

  it('logs a guesser held off by the throttle once a minute, not at every guess, and a deactivated account apart', async () => {
    for (let i = 0; i < 2; i++) expect((await login('1002', `guess-${i}`, '10.0.0.9')).status).toBe(401);
    for (let i = 0; i < 3; i++) expect((await login('1002', `guess-more-${i}`, '10.0.0.9')).status).toBe(429);
    const failures = (await access('&kind=failures')).entries.filter((e) => e.staffNumber === '1002');
    expect(failures.map((e) => e.reason)).toEqual(['throttled', 'badCredentials', 'badCredentials']);

    const s3 = await login('1003', testPassword, '10.0.0.3');
    const staff = [...t.hall.ctx.runner.state.staff.values()].find((s) => s.number === '1003')!;
    const { id, ...saved } = staff;
    expect((await t.api('PUT', `/api/staff/${id}`, { cookie: admin, body: { ...saved, active: false } })).status).toBe(200);
    expect((await t.api('GET', '/api/auth/me', { cookie: s3.cookie })).status).toBe(401);
    expect((await login('1003', testPassword, '10.0.0.3')).status).toBe(403);
    const mine = (await access(`&staffId=${id}`)).entries;
    expect(mine.map((e) => [e.action, e.reason])).toEqual([['signInFailed', 'deactivated'], ['sessionsEnded', 'deactivated'], ['signIn', null]]);
    expect(mine[1]).toMatchObject({ accountId: id, staffId: [...t.hall.ctx.runner.state.staff.values()].find((s) => s.number === 'admin')!.id });
  });

  it('is not written by tickets and window commands', async () => {
    const before = rowCount();
    const clerk = await t.openWindow('1011', 11);
    expect((await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 10 } })).status).toBe(201);
    expect((await t.api('POST', '/api/windows/11/call-next', { cookie: clerk })).status).toBe(200);
    // The sign-in that opened the window is the one line more.
    expect(rowCount()).toBe(before + 1);
  });

  it('pages back within a filter, and narrows by kind and window', async () => {
    const all = (await access('')).entries;
    const first = await access('&limit=3');
    expect(first.entries).toEqual(all.slice(0, 3));
    const second = await access(`&limit=3&before=${first.nextBefore}`);
    expect(second.entries).toEqual(all.slice(3, 6));
    const devices = await access('&kind=devices');
    expect(devices.entries.map((e) => e.action)).toEqual(['deviceRevoked', 'devicePaired', 'pairingCode']);
    expect((await access('&windowId=5')).entries.map((e) => e.action)).toEqual(['deviceRevoked', 'devicePaired', 'pairingCode']);
    expect((await access('&kind=devices&limit=3')).nextBefore).toBeNull();
    expect((await t.api('GET', '/api/audit/access?from=2026-03-09&to=2026-03-09', { cookie: admin })).body.entries).toEqual([]);
  });

  it('deletes entries older than the retention period in the daily purge, and keeps the younger ones', async () => {
    clock.jumpTo('2026-03-25 09:00');
    const midway = (await login('S01', testPassword, '10.0.0.5')).cookie;
    expect(midway).not.toBe('');
    const before = rowCount();
    clock.jumpTo('2026-04-10 08:00');
    schedulerOf(t).tick();
    // 30 days back from 2026-04-10 is 2026-03-11: the whole of 2026-03-10 goes, 2026-03-25 stays.
    expect(rowCount()).toBe(1);
    expect(before).toBeGreaterThan(10);
    const cookie = (await login('admin', testPassword, '10.0.0.1')).cookie;
    const left = (await t.api('GET', '/api/audit/access?from=2026-03-01&to=2026-04-10', { cookie })).body.entries;
    expect(left.map((e: any) => [e.action, e.address])).toEqual([['signIn', '10.0.0.1'], ['signIn', '10.0.0.5']]);
  });
});
