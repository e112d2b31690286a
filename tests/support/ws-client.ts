import WebSocket from 'ws';

/** A test WebSocket client that records every message and can wait for one matching a predicate. */
export class TestSocket {
  readonly messages: any[] = [];
  private waiters: { match: (m: any) => boolean; resolve: (m: any) => void }[] = [];
  readonly ws: WebSocket;
  readonly opened: Promise<void>;

  constructor(url: string, headers: Record<string, string> = {}) {
    this.ws = new WebSocket(url, { headers });
    this.opened = new Promise((resolve, reject) => { this.ws.once('open', () => resolve()); this.ws.once('error', reject); });
    this.ws.on('message', (data) => {
      const msg = JSON.parse(data.toString());
      msg.receivedAt = performance.now();
      this.messages.push(msg);
      this.waiters = this.waiters.filter((w) => (w.match(msg) ? (w.resolve(msg), false) : true));
    });
  }

  static async open(url: string, hello: Record<string, unknown>, headers: Record<string, string> = {}): Promise<TestSocket> {
    const s = new TestSocket(url, headers);
    await s.opened;
    s.send({ type: 'hello', ...hello });
    return s;
  }

  send(msg: unknown): void {
    this.ws.send(JSON.stringify(msg));
  }

  next(match: (m: any) => boolean, timeoutMs = 3000): Promise<any> {
    const found = this.messages.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching message within ${timeoutMs} ms; got ${this.messages.map((m) => m.type + (m.event ? ':' + m.event.type : '')).join(', ')}`)), timeoutMs);
      this.waiters.push({ match, resolve: (m) => { clearTimeout(timer); resolve(m); } });
    });
  }

  close(): void {
    this.ws.close();
  }
}
