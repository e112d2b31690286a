import { EventEmitter } from 'node:events';
import { pino, type Logger } from 'pino';
import WebSocket from 'ws';
import { FillRequest, type FillReport } from '../../protocol/device-messages.js';
import type { FillProfileInput } from './fill-profile.js';
import type { Typist } from './typist.js';

export interface BridgeAgentOptions {
  /** The hall server's address, e.g. http://10.0.0.2:8080. */
  server: string;
  /** The device token this window PC got when it was paired as the window's bridge. */
  token: string;
  /** How this PC's business system takes an identity (see README, "Fill profile"). */
  profile: FillProfileInput;
  typist: Pick<Typist, 'fill'>;
  /** The window the bridge was paired to; asked from the server when omitted. */
  windowId?: number;
  log?: Logger;
  minBackoffMs?: number;
  maxBackoffMs?: number;
  /** Silence after which the link is presumed dead; the server pings every 10 s. */
  deadAfterMs?: number;
}

export interface BridgeAgentEvents {
  /** The server accepted the bridge and sent its window's snapshot. */
  connected: [windowId: number];
  disconnected: [];
  /** A fill was performed (or refused) and reported back. */
  filled: [report: FillReport];
}

/**
 * The window PC's side of the desktop bridge: keeps one WebSocket to the hall (reconnecting with jittered backoff,
 * 250 ms to 5 s), types each identity the hall sends into the business system, and reports how it went. The
 * identity is never logged; logs name the request and the ticket number only.
 */
export class BridgeAgent extends EventEmitter<BridgeAgentEvents> {
  private readonly log: Logger;
  private readonly minBackoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly deadAfterMs: number;
  private backoffMs: number;
  private windowId: number | undefined;
  private ws: WebSocket | null = null;
  private stopped = true;
  private retry: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private lastHeard = 0;
  private lastProblem = '';
  private nextId = 1;

  constructor(private readonly opts: BridgeAgentOptions) {
    super();
    this.log = (opts.log ?? pino({ level: 'silent' })).child({ component: 'bridge-agent' });
    this.minBackoffMs = opts.minBackoffMs ?? 250;
    this.maxBackoffMs = opts.maxBackoffMs ?? 5_000;
    this.deadAfterMs = opts.deadAfterMs ?? 25_000;
    this.backoffMs = this.minBackoffMs;
    this.windowId = opts.windowId;
  }

  get connected(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
    this.watchdog = setInterval(() => this.checkAlive(), Math.max(50, this.deadAfterMs / 2));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    if (this.watchdog) clearInterval(this.watchdog);
    const ws = this.ws;
    this.ws = null;
    if (!ws || ws.readyState === WebSocket.CLOSED) return;
    await new Promise<void>((resolve) => {
      ws.once('close', () => resolve());
      ws.terminate();
    });
  }

  private async connect(): Promise<void> {
    this.retry = null;
    if (this.stopped) return;
    let windowId: number;
    try {
      windowId = this.windowId ??= await this.askWindow();
    } catch (err) {
      this.problem(err instanceof Error ? err.message : String(err));
      return this.scheduleReconnect();
    }
    const ws = new WebSocket(`${this.opts.server.replace(/^http/, 'ws').replace(/\/$/, '')}/ws`);
    this.ws = ws;
    this.lastHeard = Date.now();
    ws.on('open', () => ws.send(JSON.stringify({ type: 'hello', token: this.opts.token, follow: { scope: 'window', windowId } })));
    ws.on('ping', () => { this.lastHeard = Date.now(); });
    ws.on('message', (data) => {
      this.lastHeard = Date.now();
      this.receive(ws, windowId, data.toString());
    });
    ws.on('error', (err) => this.problem(`connection error: ${err.message}`));
    ws.on('close', (code) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.emit('disconnected');
      if (code >= 4000) this.problem(`the hall closed the connection (${code})`);
      this.scheduleReconnect();
    });
  }

  private receive(ws: WebSocket, windowId: number, text: string): void {
    let msg: { type?: string; fill?: unknown; error?: { code?: string }; id?: string };
    try {
      msg = JSON.parse(text) as typeof msg;
    } catch {
      return;
    }
    if (msg.type === 'snapshot') {
      this.backoffMs = this.minBackoffMs;
      this.lastProblem = '';
      this.log.info({ windowId }, 'connected to the hall');
      this.emit('connected', windowId);
    } else if (msg.type === 'fill') {
      const fill = FillRequest.safeParse(msg.fill);
      if (fill.success) void this.fill(ws, windowId, fill.data);
    } else if (msg.type === 'error') {
      this.problem(`the hall refused ${msg.id ? `report ${msg.id}` : 'the bridge'}: ${msg.error?.code ?? 'unknown'}`);
    }
  }

  private async fill(ws: WebSocket, windowId: number, fill: FillRequest): Promise<void> {
    const { requestId, ticketNumber } = fill;
    if (fill.windowId !== windowId) return this.log.warn({ requestId, windowId: fill.windowId }, 'fill for another window ignored');
    this.log.info({ requestId, ticketNumber }, 'filling the business system');
    const result = await this.opts.typist.fill(fill.identity, this.opts.profile);
    const report: FillReport = result.ok
      ? { requestId, ok: true, fields: result.fields.length, elapsedMs: result.elapsedMs }
      : { requestId, ok: false, code: result.error.code, message: { zh: result.error.zh, en: result.error.en }, started: result.error.started, fields: 0, elapsedMs: result.elapsedMs };
    this.log.info({ requestId, ticketNumber, ok: report.ok, code: report.code, fields: report.fields, elapsedMs: report.elapsedMs }, 'fill done');
    this.emit('filled', report);
    if (ws.readyState !== WebSocket.OPEN) return this.log.warn({ requestId }, 'connection lost before the fill could be reported');
    ws.send(JSON.stringify({ type: 'command', id: `fill-${this.nextId++}`, name: 'reportFill', args: { windowId, ...report } }));
  }

  /** A bridge is paired to one window; the server says which. */
  private async askWindow(): Promise<number> {
    const res = await fetch(`${this.opts.server.replace(/\/$/, '')}/api/auth/me`, { headers: { authorization: `Bearer ${this.opts.token}` } });
    if (res.status === 401 || res.status === 403) throw new Error('the hall does not accept this bridge token (not paired, or revoked)');
    if (!res.ok) throw new Error(`the hall answered ${res.status} when asked for this bridge's window`);
    const me = (await res.json()) as { roles?: string[]; windowId?: number | null };
    if (!me.roles?.includes('bridge') || typeof me.windowId !== 'number') throw new Error('this token does not belong to a bridge paired to a window');
    return me.windowId;
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retry) return;
    // Jitter spreads the bridges of a whole hall after a server restart instead of reconnecting all at once.
    const delay = this.backoffMs * (0.5 + Math.random() * 0.5);
    this.backoffMs = Math.min(this.maxBackoffMs, this.backoffMs * 2);
    this.retry = setTimeout(() => void this.connect(), delay);
  }

  private checkAlive(): void {
    if (this.ws?.readyState === WebSocket.OPEN && Date.now() - this.lastHeard > this.deadAfterMs) {
      this.log.warn('no word from the hall; reconnecting');
      this.ws.terminate();
    }
  }

  /** The same trouble repeats on every retry; say it once until things change. */
  private problem(text: string): void {
    if (text === this.lastProblem) return;
    this.lastProblem = text;
    this.log.warn(text);
  }
}
