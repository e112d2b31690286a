import type { ErrorBody } from './i18n.js';
import type { Follow, HallSnapshot, PublicEvent, ServerMessage, VisitSnapshot } from './realtime.js';

export interface HallSocketOptions {
  /** ws:// or wss:// address of /ws. */
  url: string;
  token?: () => string | undefined;
  follow: Follow;
  onSnapshot?: (data: HallSnapshot, seq: number) => void;
  onEvent?: (event: PublicEvent, seq: number) => void;
  onVisit?: (data: VisitSnapshot) => void;
  onOther?: (message: ServerMessage & Record<string, unknown>) => void;
  onConnection?: (connected: boolean) => void;
  onRefused?: (error: ErrorBody) => void;
}

const minBackoffMs = 250;
const maxBackoffMs = 5000;
const pingEveryMs = 10_000;
const deadAfterMs = 25_000;

/**
 * The screens' side of the realtime protocol: hello, snapshot, events in order; a gap asks for a resync; a dead or
 * closed link reconnects with jittered backoff (250 ms to 5 s) and resumes, so a board comes back by itself after
 * a server restart or a network cut with nobody touching it.
 */
export class HallSocket {
  private ws: WebSocket | null = null;
  private lastSeq = 0;
  private backoff = minBackoffMs;
  private stopped = false;
  private lastHeard = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private nextId = 1;
  private readonly pending = new Map<string, { resolve: (r: unknown) => void; reject: (e: ErrorBody) => void }>();

  constructor(private readonly options: HallSocketOptions) {}

  start(): void {
    this.stopped = false;
    this.connect();
    this.timer = setInterval(() => this.watch(), pingEveryMs / 2);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.ws) this.drop(this.ws);
  }

  get connected(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  /** Runs an operation over the socket; rejects with the server's error (code + zh + en). */
  command<T = unknown>(name: string, args: Record<string, unknown> = {}): Promise<T> {
    const id = String(this.nextId++);
    return new Promise<T>((resolve, reject) => {
      if (!this.connected) return reject({ code: 'OFFLINE', message: { zh: '与服务器的连接已断开', en: 'Not connected to the hall server' } });
      this.pending.set(id, { resolve: resolve as (r: unknown) => void, reject });
      this.ws!.send(JSON.stringify({ type: 'command', id, name, args }));
    });
  }

  private connect(): void {
    if (this.stopped) return;
    const ws = new WebSocket(this.options.url);
    this.ws = ws;
    ws.onopen = () => {
      this.lastHeard = Date.now();
      ws.send(JSON.stringify({ type: 'hello', token: this.options.token?.(), follow: this.options.follow, lastSeq: this.lastSeq || undefined }));
    };
    ws.onmessage = (e) => this.receive(JSON.parse(String(e.data)) as ServerMessage);
    ws.onclose = () => this.drop(ws);
  }

  /** Forget a link (closed, or silent for too long) and try again after a jittered, growing delay. */
  private drop(ws: WebSocket): void {
    if (this.ws !== ws) return;
    this.ws = null;
    ws.onclose = null;
    ws.close();
    this.options.onConnection?.(false);
    for (const p of this.pending.values()) p.reject({ code: 'OFFLINE', message: { zh: '与服务器的连接已断开', en: 'Connection lost' } });
    this.pending.clear();
    if (this.stopped) return;
    const delay = this.backoff * (0.5 + Math.random() * 0.5);
    this.backoff = Math.min(maxBackoffMs, this.backoff * 2);
    setTimeout(() => this.connect(), delay);
  }

  private receive(msg: ServerMessage): void {
    this.lastHeard = Date.now();
    switch (msg.type) {
      case 'snapshot':
        this.backoff = minBackoffMs;
        this.lastSeq = msg.seq;
        this.options.onConnection?.(true);
        if (msg.data.kind === 'hall') this.options.onSnapshot?.(msg.data, msg.seq);
        else this.options.onVisit?.(msg.data);
        return;
      case 'event':
        if (msg.prev !== this.lastSeq) {
          // Something was missed: ask for the whole picture rather than draw a wrong one.
          this.ws?.send(JSON.stringify({ type: 'resync' }));
          return;
        }
        this.lastSeq = msg.seq;
        this.options.onEvent?.(msg.event, msg.seq);
        return;
      case 'visit':
        this.backoff = minBackoffMs;
        this.options.onConnection?.(true);
        this.options.onVisit?.(msg.data);
        return;
      case 'reply':
        this.pending.get(msg.id)?.resolve(msg.result);
        this.pending.delete(msg.id);
        return;
      case 'error':
        if (msg.id && this.pending.has(msg.id)) {
          this.pending.get(msg.id)!.reject(msg.error);
          this.pending.delete(msg.id);
        } else this.options.onRefused?.(msg.error);
        return;
      case 'pong':
        return;
      default:
        this.options.onOther?.(msg as ServerMessage & Record<string, unknown>);
    }
  }

  private watch(): void {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return;
    if (Date.now() - this.lastHeard > deadAfterMs) return this.drop(this.ws);
    this.ws.send(JSON.stringify({ type: 'ping' }));
  }
}

/** ws://host/ws for the page's own server. */
export function hallSocketUrl(loc: Location = location): string {
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws`;
}
