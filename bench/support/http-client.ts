import http from 'node:http';

export interface HttpReply { status: number; body: any; ms: number; headers: http.IncomingHttpHeaders }

/**
 * A small keep-alive JSON client. Kiosks and the bench's own setup talk to the hall through it; it is lighter
 * than fetch, so the load generator spends less of the shared CPU than the server it measures.
 */
export class HttpClient {
  private readonly agent: http.Agent;
  private readonly host: string;
  private readonly port: number;

  constructor(baseUrl: string, maxSockets = 64, private readonly defaults: Record<string, string> = {}) {
    const url = new URL(baseUrl);
    this.host = url.hostname;
    this.port = Number(url.port);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpReply> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = http.request({
        host: this.host, port: this.port, method, path, agent: this.agent,
        headers: { ...this.defaults, ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
      }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try { parsed = text ? JSON.parse(text) : null; } catch { /* not JSON: keep the text */ }
          resolve({ status: res.statusCode ?? 0, body: parsed, ms: performance.now() - started, headers: res.headers });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Logs in and returns the session cookie ("hall_session=..."). */
export async function login(client: HttpClient, staffNumber: string, password: string): Promise<string> {
  const res = await client.request('POST', '/api/auth/login', { staffNumber, password });
  const cookie = res.headers['set-cookie']?.[0]?.split(';')[0];
  if (res.status !== 200 || !cookie) throw new Error(`login ${staffNumber} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return cookie;
}
