import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../../support/hall-server.js';
import { idNumber, startHall } from '../../server/test-hall.js';

/** The security headers of an answer, by name and in the order they were sent (as a browser sees them). */
function securityHeaders(url: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<{ status: number; headers: string[] }> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(url + path, { method: options.method ?? 'GET', headers: { ...options.headers, ...(payload ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      res.resume();
      res.on('end', () => {
        const headers: string[] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          if (/^(content-security-policy|cross-origin-|origin-agent-cluster|referrer-policy|x-|strict-transport-security)/i.test(res.rawHeaders[i])) {
            headers.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
          }
        }
        resolve({ status: res.statusCode ?? 0, headers });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}

const policy = (host: string) => "Content-Security-Policy: default-src 'self';base-uri 'self';script-src 'self';script-src-attr 'none';"
  + "style-src 'self' 'unsafe-inline';img-src 'self' data: blob:;font-src 'self' data:;media-src 'self' blob: data:;"
  + `connect-src 'self' ${host ? `ws://${host} wss://${host}` : ''};object-src 'none';frame-ancestors 'self';form-action 'self'`;

const hardening = [
  'Cross-Origin-Opener-Policy: same-origin', 'Cross-Origin-Resource-Policy: same-origin', 'Origin-Agent-Cluster: ?1',
  'Referrer-Policy: same-origin', 'X-Content-Type-Options: nosniff', 'X-DNS-Prefetch-Control: off', 'X-Download-Options: noopen',
  'X-Frame-Options: SAMEORIGIN', 'X-Permitted-Cross-Domain-Policies: none', 'X-XSS-Protection: 0',
];

/**
 * Every kind of answer carries the same full set of security headers, exactly, in the same order: a kiosk's ticket,
 * a refusal, a page, the API docs, an unknown address. The WebSocket address in the policy follows the Host the
 * request was sent to, and a Host that is no plain host name leaves it out (helmet still writes the space).
 */
describe('the full set of security headers', () => {
  let t: TestHall;
  let host: string;
  beforeAll(async () => {
    if (!existsSync('dist/kiosk-ui/index.html')) throw new Error('screens are not built: run `npx vite build` first');
    t = await startHall({ overrides: { rateLimit: { publicPerMinute: 1 } } });
    host = new URL(t.url).host;
  });
  afterAll(async () => t?.stop());

  it('sends them with API answers, refusals, pages and the docs alike', async () => {
    const kiosk = { authorization: `Bearer ${t.kioskToken}` };
    const answers = [
      await securityHeaders(t.url, '/api/tickets', { method: 'POST', headers: kiosk, body: { serviceId: 6, identity: { name: '张三', idNumber: idNumber('19800101', '123') } } }),
      await securityHeaders(t.url, '/api/hall', { headers: kiosk }),
      await securityHeaders(t.url, '/api/hall'),
      await securityHeaders(t.url, '/api/no-such-thing'),
      await securityHeaders(t.url, '/kiosk/'),
      await securityHeaders(t.url, '/docs'),
    ];
    expect(answers.map((a) => a.status)).toEqual([201, 200, 401, 404, 200, 200]);
    for (const answer of answers) expect(answer.headers).toEqual([policy(host), ...hardening]);
  });

  it('adds the rate-limit headers after them when the public passes its limit', async () => {
    await securityHeaders(t.url, '/api/visits/not-a-real-visit-token');
    const limited = await securityHeaders(t.url, '/api/visits/not-a-real-visit-token');
    expect(limited.status).toBe(429);
    expect(limited.headers).toEqual([policy(host), ...hardening, 'x-ratelimit-limit: 1', 'x-ratelimit-remaining: 0', 'x-ratelimit-reset: 60']);
  });

  it('puts the Host the request was sent to in the policy, and no address for a Host that is no host name', async () => {
    expect((await securityHeaders(t.url, '/kiosk/', { headers: { host: 'hall.example:8080' } })).headers[0]).toBe(policy('hall.example:8080'));
    expect((await securityHeaders(t.url, '/kiosk/', { headers: { host: 'bad host;' } })).headers[0]).toBe(policy(''));
  });
});
