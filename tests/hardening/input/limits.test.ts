import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { TestHall } from '../../support/hall-server.js';
import { TestSocket } from '../../support/ws-client.js';
import { expectRefused } from '../../server/db-fingerprint.js';
import { startHall } from '../../server/test-hall.js';

/** How the hall answers a WebSocket handshake: 101 when it lets the client in, else its refusal. */
function handshake(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any; ws?: WebSocket }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve({ status: 101, body: null, ws }));
    ws.once('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (c: Buffer) => { text += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : null }));
    });
    ws.once('error', (err) => { if (!/Unexpected server response/.test(err.message)) reject(err); });
  });
}

/** A raw HTTP request, for what fetch will not send as given (a bad percent-encoding, a huge header). */
function raw(url: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(url + path, { method: 'GET', headers }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => { text += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Waits until the hall has let go of every connection, so each test counts from zero. */
async function allGone(t: TestHall): Promise<void> {
  for (let i = 0; i < 100 && t.hall.hub.clientCount > 0; i++) await new Promise((r) => setTimeout(r, 20));
  expect(t.hall.hub.clientCount).toBe(0);
}

function lanAddress(): string | undefined {
  return Object.values(networkInterfaces()).flat().find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
}

describe('size and connection limits', () => {
  let t: TestHall;
  let admin: string;
  const refused = (status: number, code: string, req: () => Promise<{ status: number; body: any }>) => expectRefused(t.config.databasePath, status, code, req);
  beforeAll(async () => {
    t = await startHall({ overrides: { host: '0.0.0.0', websocket: { maxConnections: 8, maxConnectionsPerAddress: 3 } } });
    admin = await t.login('admin');
  });
  afterAll(async () => t.stop());

  it('refuses a body over 64 KiB, junk bodies and odd encodings with a code, before any handler runs', async () => {
    await refused(413, 'PAYLOAD_TOO_LARGE', () => t.api('POST', '/api/areas', { cookie: admin, raw: JSON.stringify({ code: 'GA', name: { zh: 'x'.repeat(70_000), en: '' }, active: true }) }));
    await refused(400, 'BAD_REQUEST', () => t.api('POST', '/api/areas', { cookie: admin, raw: '{"code":"GA",' }));
    await refused(400, 'BAD_REQUEST', () => t.api('POST', '/api/areas', { cookie: admin, raw: '{"__proto__":{"admin":true},"code":"GA"}' }));
    await refused(400, 'BAD_REQUEST', () => t.api('POST', '/api/areas', { cookie: admin, raw: '{"constructor":{"prototype":{"admin":true}}}' }));
    await refused(400, 'VALIDATION_FAILED', () => t.api('POST', '/api/areas', { cookie: admin, raw: '['.repeat(30_000) + ']'.repeat(30_000) }));
    const formPost = await fetch(`${t.url}/api/windows/8/call-next`, { method: 'POST', headers: { cookie: admin, 'content-type': 'application/x-www-form-urlencoded' }, body: 'windowId=8' });
    expect({ status: formPost.status, code: (await formPost.json()).code }).toEqual({ status: 400, code: 'BAD_REQUEST' });
  });

  it('answers URLs the router cannot take, and oversized headers, with the usual error body', async () => {
    expect(await raw(t.url, '/api/visits/%E0%A4%A')).toMatchObject({ status: 400, body: { code: 'BAD_REQUEST', message: { zh: expect.any(String), en: expect.any(String) } } });
    expect(await raw(t.url, `/api/visits/${'a'.repeat(500)}`)).toMatchObject({ status: 414, body: { code: 'BAD_REQUEST' } });
    expect(await raw(t.url, '/api/public/hall', { 'x-filler': 'a'.repeat(20_000) })).toMatchObject({ status: 431, body: { code: 'HEADERS_TOO_LARGE', message: { zh: expect.any(String) } } });
  });

  it('closes a WebSocket that sends a frame over 64 KiB, and only that one', async () => {
    const big = await TestSocket.open(t.wsUrl, { token: t.boardToken, follow: { scope: 'hall' } });
    const other = await TestSocket.open(t.wsUrl, { token: t.boardToken, follow: { scope: 'hall' } });
    await Promise.all([big.next((m) => m.type === 'snapshot'), other.next((m) => m.type === 'snapshot')]);
    const closed = new Promise<number>((resolve) => big.ws.once('close', resolve));
    big.ws.send(JSON.stringify({ type: 'ping', pad: 'x'.repeat(65 * 1024) }));
    expect(await closed).toBe(1009);
    other.send({ type: 'ping' });
    expect((await other.next((m) => m.type === 'pong')).type).toBe('pong');
    other.close();
  });

  it('counts WebSocket connections per forwarded address behind a local proxy, and lets one in again when another leaves', async () => {
    await allGone(t);
    const opened: WebSocket[] = [];
    const from = async (address: string) => {
      const res = await handshake(t.wsUrl, { 'x-forwarded-for': address });
      if (res.ws) opened.push(res.ws);
      return res;
    };
    try {
      expect([(await from('10.9.8.7')).status, (await from('10.9.8.7')).status, (await from('10.9.8.7')).status]).toEqual([101, 101, 101]);
      expect(await from('10.9.8.7')).toMatchObject({ status: 429, body: { code: 'TOO_MANY_CONNECTIONS', message: { zh: expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) } } });
      expect((await from('10.9.8.8')).status).toBe(101);
      opened[0].terminate();
      for (let i = 0; i < 50 && t.hall.hub.clientCount > 3; i++) await new Promise((r) => setTimeout(r, 20));
      expect((await from('10.9.8.7')).status).toBe(101);
    } finally {
      for (const ws of opened) ws.terminate();
    }
  });

  it('believes no X-Forwarded-For from a client on the network', async () => {
    const lan = lanAddress();
    if (!lan) throw new Error('this machine has no non-loopback IPv4 address to test from');
    const url = `ws://${lan}:${new URL(t.url).port}/ws`;
    await allGone(t);
    const tries: { status: number; ws?: WebSocket }[] = [];
    try {
      for (let i = 0; i < 4; i++) tries.push(await handshake(url, { 'x-forwarded-for': `10.1.1.${i}` }));
      expect(tries.map((a) => a.status)).toEqual([101, 101, 101, 429]);
    } finally {
      for (const a of tries) a.ws?.terminate();
    }
  });

  it('refuses connections past the hall total with 503 HALL_BUSY', async () => {
    await allGone(t);
    const open: WebSocket[] = [];
    let refusal: { status: number; body: any } | null = null;
    try {
      for (let i = 0; i < 12 && !refusal; i++) {
        const res = await handshake(t.wsUrl);
        if (res.ws) open.push(res.ws);
        else refusal = res;
      }
      expect(open.length).toBe(8);
      expect(refusal).toMatchObject({ status: 503, body: { code: 'HALL_BUSY', message: { zh: expect.stringMatching(/\S/) } } });
    } finally {
      for (const ws of open) ws.terminate();
    }
  });
});
