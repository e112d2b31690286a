import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { TestHall } from '../../support/hall-server.js';
import { expectRefused } from '../../server/db-fingerprint.js';
import { startHall } from '../../server/test-hall.js';
import { testPassword } from '../../support/hall-server.js';

const trusted = 'https://hall.example.gov.cn';
const alsoTrusted = 'http://admin.hall.example.gov.cn:8443';

function handshakeStatus(url: string, headers: Record<string, string>): Promise<{ status: number; code?: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => { ws.terminate(); resolve({ status: 101 }); });
    ws.once('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (c: Buffer) => { text += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, code: JSON.parse(text).code }));
    });
    ws.once('error', (err) => { if (!/Unexpected server response/.test(err.message)) reject(err); });
  });
}

/**
 * Cookies are SameSite=Strict; on top of that a state-changing request or a WebSocket handshake that a browser says
 * comes from another site's page is refused, whatever it carries. Programs (bridges, scripts) send no Origin and are
 * judged by their token as before; the hall's own pages send their own origin.
 */
describe('requests made by other sites\' pages', () => {
  let t: TestHall;
  let staff: string;
  const post = (path: string, headers: Record<string, string>, body?: unknown) =>
    fetch(t.url + path, { method: 'POST', headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined })
      .then(async (res) => ({ status: res.status, body: await res.json(), setCookie: res.headers.get('set-cookie') }));
  const refused = (request: () => Promise<{ status: number; body: any }>) => expectRefused(t.config.databasePath, 403, 'CROSS_SITE_REQUEST', request);

  beforeAll(async () => {
    t = await startHall({ overrides: { publicUrl: trusted, allowedOrigins: [alsoTrusted] } });
    staff = await t.login('1001');
  });
  afterAll(async () => t.stop());

  it('refuses a change with the staff cookie from another site, by Origin or by Referer', async () => {
    await refused(() => post('/api/windows/8/status', { cookie: staff, origin: 'http://evil.example' }, { status: 'open' }));
    await refused(() => post('/api/windows/8/status', { cookie: staff, referer: 'http://evil.example/page.html' }, { status: 'open' }));
    await refused(() => post('/api/windows/8/status', { cookie: staff, origin: 'null' }, { status: 'open' }));
    // Same host name, other port: another site as far as the browser is concerned.
    await refused(() => post('/api/windows/8/status', { cookie: staff, origin: t.url.replace(/:\d+$/, ':1') }, { status: 'open' }));
    const del = () => fetch(`${t.url}/api/priority-classes/3`, { method: 'DELETE', headers: { cookie: staff, origin: 'http://evil.example' } }).then(async (r) => ({ status: r.status, body: await r.json() }));
    await refused(del);
    expect((await t.api('GET', '/api/windows', { cookie: staff })).body.find((w: any) => w.id === 8)).toBeDefined();
  });

  it('refuses a login forced on from another site, and sets no cookie', async () => {
    const res = await post('/api/auth/login', { origin: 'http://evil.example' }, { staffNumber: '1001', password: testPassword });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 403, code: 'CROSS_SITE_REQUEST' });
    expect(res.body.message).toMatchObject({ zh: expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) });
    expect(res.setCookie).toBeNull();
  });

  it('lets the hall\'s own pages, its public address, trusted origins and programs without an Origin through', async () => {
    for (const origin of [t.url, trusted, alsoTrusted]) {
      const res = await post('/api/windows/8/status', { cookie: staff, origin }, { status: 'open' });
      expect({ origin, status: res.status }).toEqual({ origin, status: 200 });
    }
    expect((await post('/api/windows/8/status', { cookie: staff, referer: `${t.url}/pad/` }, { status: 'open' })).status).toBe(200);
    expect((await post('/api/windows/8/status', { cookie: staff }, { status: 'open' })).status).toBe(200);
    // Reads change nothing, and without CORS another site cannot read the answer anyway.
    expect((await fetch(`${t.url}/api/public/hall`, { headers: { origin: 'http://evil.example' } })).status).toBe(200);
  });

  it('refuses a WebSocket handshake from another site\'s page, and takes the hall\'s own', async () => {
    expect(await handshakeStatus(t.wsUrl, { origin: 'http://evil.example', cookie: staff })).toEqual({ status: 403, code: 'CROSS_SITE_REQUEST' });
    expect(await handshakeStatus(t.wsUrl, { origin: 'null' })).toEqual({ status: 403, code: 'CROSS_SITE_REQUEST' });
    expect((await handshakeStatus(t.wsUrl, { origin: t.url, cookie: staff })).status).toBe(101);
    expect((await handshakeStatus(t.wsUrl, { origin: trusted })).status).toBe(101);
    expect((await handshakeStatus(t.wsUrl, {})).status).toBe(101);
  });
});
