import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPassword, type TestHall } from '../support/hall-server.js';
import { idNumber, startHall } from './test-hall.js';

const limit = 5;

/** An address of this machine other than loopback: how a phone on the hall's network reaches the server. */
function lanAddress(): string {
  const found = Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal);
  if (!found) throw new Error('this machine has no non-loopback IPv4 address to test from');
  return found.address;
}

describe('the public rate limit', () => {
  let t: TestHall;
  beforeAll(async () => {
    t = await startHall({ overrides: { host: '0.0.0.0', rateLimit: { publicPerMinute: limit } } });
  });
  afterAll(async () => t.stop());

  it('answers the public with 429 RATE_LIMITED once an address passes the limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= limit; i++) statuses.push((await t.api('GET', '/api/visits/not-a-real-visit-token')).status);
    expect(statuses).toEqual([...Array(limit).fill(404), 429]);
    const res = await t.api('GET', '/api/visits/not-a-real-visit-token');
    expect(res.body.code).toBe('RATE_LIMITED');
    expect(res.body.message.zh).toMatch(/\S/);
    expect(res.body.message.en).toMatch(/\S/);
  });

  it('limits online ticket taking by the public, but not a kiosk issuing in its own role', async () => {
    const online = [];
    for (let i = 0; i <= limit; i++) {
      online.push((await t.api('POST', '/api/tickets', { body: { serviceId: 6, identity: { name: `访客${i}`, idNumber: idNumber('19850505', String(200 + i)) } } })).status);
    }
    expect(online).toEqual([...Array(limit).fill(201), 429]);
    const kiosk = await Promise.all(Array.from({ length: limit * 3 }, () => t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 6 } })));
    expect(kiosk.map((r) => r.status)).toEqual(Array(limit * 3).fill(201));
  });

  it('keeps login limited even for a caller holding a device token', async () => {
    const tries = [];
    for (let i = 0; i <= limit; i++) {
      tries.push((await t.api('POST', '/api/auth/login', { token: t.kioskToken, body: { staffNumber: '1001', password: `guess-${i}` } })).status);
    }
    expect(tries).toEqual([...Array(limit).fill(401), 429]);
    expect((await t.api('POST', '/api/auth/login', { body: { staffNumber: '1001', password: testPassword } })).status).toBe(429);
  });

  it('does not let a client on the network escape the limit with a forged X-Forwarded-For', async () => {
    const url = `http://${lanAddress()}:${new URL(t.url).port}`;
    const statuses: number[] = [];
    for (let i = 0; i <= limit; i++) {
      const res = await fetch(`${url}/api/visits/not-a-real-visit-token`, { headers: { 'x-forwarded-for': `10.20.30.${i}` } });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array(limit).fill(404), 429]);
  });
});
