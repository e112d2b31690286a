import WebSocket from 'ws';

/** When each ticket.called event reached a screen, by ticket id: joined with the calls afterwards. */
export type Arrivals = Map<number, number[]>;

function record(arrivals: Arrivals, ticketId: number, at: number): void {
  const list = arrivals.get(ticketId);
  if (list) list.push(at);
  else arrivals.set(ticketId, [at]);
}

export function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/**
 * A board or caller pad: one WebSocket following the hall, an area or a window, noting when each call arrives and
 * whether the seq chain ever broke. A pad also sends commands and notes how long each reply took.
 */
export class ScreenClient {
  readonly called: Arrivals = new Map();
  /** seq of each ticket.called event by ticket id (the phones' visit messages carry the hub's seq). */
  readonly calledSeq = new Map<number, number>();
  gaps = 0;
  events = 0;
  private lastSeq = -1;
  private nextId = 1;
  private readonly pending = new Map<string, (m: any) => void>();
  private ws!: WebSocket;

  static async open(wsUrl: string, token: string, follow: Record<string, unknown>): Promise<ScreenClient> {
    const client = new ScreenClient();
    client.ws = await openSocket(wsUrl);
    const snapshot = new Promise<void>((resolve, reject) => {
      client.ws.on('message', (data) => {
        const at = performance.now();
        const m = JSON.parse(data.toString());
        if (m.type === 'snapshot') { client.lastSeq = m.seq; resolve(); return; }
        if (m.type === 'error' && !m.id) reject(new Error(`screen refused: ${m.error.code}`));
        client.onMessage(m, at);
      });
    });
    client.ws.send(JSON.stringify({ type: 'hello', token, follow }));
    await snapshot;
    return client;
  }

  private onMessage(m: any, at: number): void {
    if (m.type === 'event') {
      this.events++;
      if (this.lastSeq >= 0 && m.prev !== this.lastSeq) this.gaps++;
      this.lastSeq = m.seq;
      if (m.event.type === 'ticket.called' && m.event.ticket) {
        record(this.called, m.event.ticket.id, at);
        this.calledSeq.set(m.event.ticket.id, m.seq);
      }
    } else if ((m.type === 'reply' || m.type === 'error') && m.id) {
      this.pending.get(m.id)?.(m);
      this.pending.delete(m.id);
    }
  }

  /** Sends a command; resolves with the reply (or error) and the times it was sent and answered. */
  command(name: string, args: Record<string, unknown>): Promise<{ ok: boolean; result?: any; code?: string; sentAt: number; repliedAt: number }> {
    const id = String(this.nextId++);
    return new Promise((resolve) => {
      const sentAt = performance.now();
      this.pending.set(id, (m) => {
        const repliedAt = performance.now();
        resolve(m.type === 'reply' ? { ok: true, result: m.result, sentAt, repliedAt } : { ok: false, code: m.error.code, sentAt, repliedAt });
      });
      this.ws.send(JSON.stringify({ type: 'command', id, name, args }));
    });
  }

  close(): void {
    this.ws.close();
  }
}

interface Phone { ws: WebSocket; ticketId: number; status: string; openedAt: number }

/**
 * The visitors' phones: each follows its own ticket. At most `max` are connected at once; past that, the phone of
 * a finished visit is closed for a new one (a visitor who has been served leaves the page sooner or later).
 */
export class PhoneFleet {
  private readonly phones: Phone[] = [];
  /** Every ticket token followed so far. */
  readonly tokens: string[] = [];
  /** When each ticket's own phone learnt it was called. */
  readonly calledSeen = new Map<number, number>();
  /** Arrival time and seq of every visit message since the last mark(). */
  private log: { at: number; seq: number }[] = [];
  messages = 0;
  bytes = 0;
  refused = 0;

  constructor(private readonly wsUrl: string, private readonly max: number) {}

  get connected(): number {
    return this.phones.length;
  }

  async follow(ticketToken: string, ticketId: number): Promise<void> {
    this.tokens.push(ticketToken);
    if (this.phones.length >= this.max) {
      const i = this.phones.findIndex((p) => p.status !== 'waiting' && p.status !== 'called' && p.status !== 'serving');
      if (i < 0) return;
      this.phones.splice(i, 1)[0].ws.close();
    }
    let ws: WebSocket;
    try {
      ws = await openSocket(this.wsUrl);
    } catch {
      this.refused++;
      return;
    }
    const phone: Phone = { ws, ticketId, status: 'waiting', openedAt: performance.now() };
    this.phones.push(phone);
    ws.on('message', (data) => {
      const at = performance.now();
      this.messages++;
      this.bytes += (data as Buffer).length;
      const m = JSON.parse(data.toString());
      if (m.type !== 'visit') return;
      this.log.push({ at, seq: m.seq });
      phone.status = m.data.ticket.status;
      phone.ticketId = m.data.ticket.id;
      if (m.data.ticket.status === 'called' && !this.calledSeen.has(m.data.ticket.id)) this.calledSeen.set(m.data.ticket.id, at);
    });
    ws.on('error', () => undefined);
    ws.send(JSON.stringify({ type: 'hello', follow: { scope: 'ticket', ticketToken } }));
  }

  /** Forgets the message log; returns the messages since the previous mark. */
  mark(): { at: number; seq: number }[] {
    const out = this.log;
    this.log = [];
    return out;
  }

  closeAll(): void {
    for (const p of this.phones) p.ws.terminate();
    this.phones.length = 0;
  }
}
