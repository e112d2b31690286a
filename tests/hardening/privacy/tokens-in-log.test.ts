import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, hallDay } from '../../../server/core/hall-time.js';
import { childTimeoutMs, freePort, killAllHalls, startChildHall, type ChildHall } from '../../server/child-hall.js';
import { idNumber } from '../../server/test-hall.js';
import { withoutTokens } from '../../../server/log-redaction.js';

const password = 'token-log-test-password';

/**
 * The hall as installed, logging at debug level to stdout, is visited the ways tokens travel in addresses: a device's
 * first visit with ?token=, the phone's ticket and booking pages (/m/t/<token>, /m/a/<token>), the visit and booking
 * APIs with the token in their path (answered and refused). Afterwards the log shows those requests, and not one of
 * the tokens. The tokens are made by pairing, issuing and booking (not the demo devices printed at the first start),
 * so whatever the process wrote is the log.
 */
describe('tokens in addresses, in the log', () => {
  let dir: string;
  let hall: ChildHall;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hall-token-log-'));
  });
  afterEach(async () => {
    await killAllHalls();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never writes a device or visit token from a URL', async () => {
    hall = await startChildHall(await freePort(), {
      HALL_DB: join(dir, 'hall.db'), HALL_SECRETS_PATH: join(dir, 'secrets.json'), HALL_ADMIN_PASSWORD: password, HALL_LOG_LEVEL: 'debug',
    });
    const call = async (method: string, path: string, init: { body?: unknown; raw?: string; cookie?: string; token?: string } = {}) => {
      const headers: Record<string, string> = {};
      if (init.body !== undefined || init.raw !== undefined) headers['content-type'] = 'application/json';
      if (init.cookie) headers.cookie = init.cookie;
      if (init.token) headers.authorization = `Bearer ${init.token}`;
      const res = await fetch(hall.url + path, { method, headers, body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)), redirect: 'manual' });
      const text = await res.text();
      return { status: res.status, headers: res.headers, body: text.startsWith('{') ? JSON.parse(text) : text };
    };
    const login = await call('POST', '/api/auth/login', { body: { staffNumber: 'admin', password } });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const pairing = await call('POST', '/api/devices/pairing-codes', { cookie, body: { role: 'kiosk' } });
    const kioskToken: string = (await call('POST', '/api/devices/pair', { body: { code: pairing.body.code, name: 'log test kiosk' } })).body.token;
    const issued = await call('POST', '/api/tickets', { token: kioskToken, body: { serviceId: 6 } });
    expect(issued.status).toBe(201);
    const visitToken: string = issued.body.token;
    const tomorrow = addDays(hallDay(Date.now(), 'Asia/Shanghai'), 1);
    const booked = await call('POST', '/api/appointments', { body: { serviceId: 1, date: tomorrow, slotStart: '10:00', identity: { name: '李四', idNumber: idNumber('19800101', '123') } } });
    expect(booked.status).toBe(201);
    const bookingToken: string = booked.body.token;
    expect(kioskToken.length).toBeGreaterThan(16);
    expect(visitToken.length).toBeGreaterThan(16);
    expect(bookingToken.length).toBeGreaterThan(16);

    const visits = [
      ['GET', `/kiosk/?token=${kioskToken}`], ['GET', `/kiosk?token=${kioskToken}`], ['GET', `/board/?area=1&token=${kioskToken}`],
      ['GET', `/pad/?token=${kioskToken}`], ['GET', `/assets/none.js?token=${kioskToken}`], ['GET', `/m/t/${visitToken}`],
      ['GET', `/api/visits/${visitToken}`], ['GET', `/api/visits/${visitToken}/rating`], ['GET', `/api/visits/${visitToken}x`],
      ['GET', `/no-such-page?ticketToken=${visitToken}`], ['GET', `/m/t/${visitToken}/%E0%A4%A`],
      ['GET', `/m/a/${bookingToken}`], ['GET', `/api/bookings/${bookingToken}`], ['GET', `/api/bookings/${bookingToken}x`],
      ['GET', `/no-such-page?appointmentToken=${bookingToken}`],
    ];
    for (const [method, path] of visits) await call(method, path);
    await call('POST', `/api/visits/${visitToken}/cancel`, { raw: '{"reason": ' });
    await call('POST', `/api/bookings/${bookingToken}/cancel`, { raw: '{"reason": ' });
    expect((await call('POST', `/api/bookings/${bookingToken}/cancel`, { body: {} })).status).toBe(200);

    hall.process.kill('SIGTERM');
    expect(await hall.exited).toBe(0);
    const log = hall.stdout() + hall.stderr();
    // The requests were logged: the check below would otherwise pass on an empty log.
    expect(log).toContain('"url":"/kiosk/?token=[redacted]"');
    expect(log).toContain('"url":"/m/t/[redacted]"');
    expect(log).toContain('"url":"/m/a/[redacted]"');
    for (const token of [kioskToken, visitToken, bookingToken]) {
      expect(log.includes(token.slice(0, 12)), 'the log holds a token from a URL').toBe(false);
    }
  }, childTimeoutMs);

  // A successful API request is not logged at all; an error naming its address is, and is cut the same way.
  it('cuts the booking token out of every address that carries one', () => {
    const token = 'q2V0c3RhYmxlLWJvb2tpbmctdG9rZW4tZm9yLWxvZ3M';
    for (const address of [`/m/a/${token}`, `/api/bookings/${token}`, `/api/bookings/${token}/cancel`, `GET http://hall/api/bookings/${token}?x=1 failed`]) {
      expect(withoutTokens(address)).not.toContain(token.slice(0, 12));
      expect(withoutTokens(address)).toContain('[redacted]');
    }
    expect(withoutTokens('/api/appointments/days?serviceId=1')).toBe('/api/appointments/days?serviceId=1');
  });
});
