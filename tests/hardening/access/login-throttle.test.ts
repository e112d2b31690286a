import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPassword, type TestHall } from '../../support/hall-server.js';
import { HallClock, startHall } from '../../server/test-hall.js';

/**
 * Password guessing is slowed twice over: per staff number (a guesser going at one account from many places) and
 * per address (one place trying many accounts). Throttled logins answer 429 LOGIN_THROTTLED with words and a
 * Retry-After, and do not even check the password, so a guess made meanwhile learns nothing.
 */
describe('login throttling', () => {
  let t: TestHall;
  const clock = new HallClock('2026-03-10 10:00');
  /** Each test speaks from its own address, as a hall's reverse proxy on this machine would forward it. */
  const login = (staffNumber: string, password: string, from: string) =>
    fetch(`${t.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': from }, body: JSON.stringify({ staffNumber, password }) })
      .then(async (res) => ({ status: res.status, body: await res.json(), retryAfter: res.headers.get('retry-after') }));

  beforeAll(async () => {
    t = await startHall({ clock, overrides: { rateLimit: { publicPerMinute: 10_000 }, loginThrottle: { failuresPerStaff: 3, failuresPerAddress: 5, windowMinutes: 15 } } });
  });
  afterAll(async () => t.stop());

  it('stops logins to a staff number after repeated failures, even with the right password, until the window passes', async () => {
    const tries = [];
    for (let i = 0; i < 3; i++) tries.push((await login('1001', `guess-${i}`, `10.0.0.${i}`)).status);
    expect(tries).toEqual([401, 401, 401]);
    const throttled = await login('1001', testPassword, '10.0.0.9');
    expect(throttled.status).toBe(429);
    expect(throttled.body.code).toBe('LOGIN_THROTTLED');
    expect(throttled.body.message.zh).toMatch(/登录失败次数过多.*分钟/);
    expect(throttled.body.message.en).toMatch(/Too many failed logins; try again in \d+ minutes?/);
    expect(Number(throttled.retryAfter)).toBeGreaterThan(0);
    expect(Number(throttled.retryAfter)).toBeLessThanOrEqual(15 * 60);

    // Other staff are not held up by it.
    expect((await login('1002', testPassword, '10.0.0.9')).status).toBe(200);

    clock.jumpTo('2026-03-10 10:16');
    expect((await login('1001', testPassword, '10.0.0.9')).status).toBe(200);
  });

  it('stops one address trying many staff numbers, and not the others', async () => {
    const tries = [];
    for (let i = 0; i < 5; i++) tries.push((await login(`99${i}`, 'guess', '10.1.0.1')).status);
    expect(tries).toEqual([401, 401, 401, 401, 401]);
    const throttled = await login('1003', testPassword, '10.1.0.1');
    expect({ status: throttled.status, code: throttled.body.code }).toEqual({ status: 429, code: 'LOGIN_THROTTLED' });
    expect((await login('1003', testPassword, '10.1.0.2')).status).toBe(200);
  });

  it('clears a staff number\'s count when its owner logs in', async () => {
    const statuses = [];
    for (const password of ['typo-1', 'typo-2', testPassword, 'typo-3', 'typo-4', testPassword]) statuses.push((await login('1004', password, '10.2.0.1')).status);
    expect(statuses).toEqual([401, 401, 200, 401, 401, 200]);
  });
});
