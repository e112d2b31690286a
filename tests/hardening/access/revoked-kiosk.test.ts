import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../../support/hall-server.js';
import { startHall } from '../../server/test-hall.js';

const limit = 2;

/**
 * A kiosk in steady use (its token seen on ticket after ticket) is still cut off by revocation on its very next
 * request: from then on it is the anonymous public, held to the public's rate limit, while the other kiosks go on.
 */
describe('a busy kiosk revoked', () => {
  let t: TestHall;
  let admin: string;
  beforeAll(async () => {
    t = await startHall({ overrides: { rateLimit: { publicPerMinute: limit } } });
    admin = await t.login('admin');
  });
  afterAll(async () => t.stop());

  it('issues as a kiosk until revoked, then is refused as the public and limited like it', async () => {
    const { code } = (await t.api('POST', '/api/devices/pairing-codes', { cookie: admin, body: { role: 'kiosk' } })).body;
    const { device, token } = (await t.api('POST', '/api/devices/pair', { body: { code, name: '入口取号机二' } })).body;
    const take = () => t.api('POST', '/api/tickets', { token, body: { serviceId: 6 } });

    const before = [];
    for (let i = 0; i < limit * 3; i++) before.push((await take()).status);
    expect(before).toEqual(Array(limit * 3).fill(201));

    expect((await t.api('POST', `/api/devices/${device.id}/revoke`, { cookie: admin })).status).toBe(200);
    const next = await take();
    expect({ status: next.status, code: next.body.code }).toEqual({ status: 422, code: 'ID_REQUIRED' });
    expect((await t.api('GET', '/api/hall', { token })).status).toBe(401);
    expect((await take()).status).toBe(422);
    const limited = await take();
    expect({ status: limited.status, code: limited.body.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });

    const other = [];
    for (let i = 0; i < limit * 2; i++) other.push((await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 6 } })).status);
    expect(other).toEqual(Array(limit * 2).fill(201));
  });
});
