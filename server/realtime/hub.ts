import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { ClientMessage, type Follow, type PublicEvent, type ServerMessage } from '../../protocol/realtime.js';
import type { ErrorBody } from '../../protocol/i18n.js';
import type { CommandRunner, CommittedEvent } from '../command-runner.js';
import type { DomainEvent } from '../core/events.js';
import type { Forecaster } from '../forecaster.js';
import { hallSnapshot, publicEvent } from '../views.js';
import { scopeOf, type Scope } from './scopes.js';
import { PhoneFeed } from './phone-feed.js';
import { textFrame } from './text-frame.js';
import type { Caller } from '../operations/caller.js';
import { commandIdOf, helloFirst, refuseHandshake, tooManyMessages, type MessageBudget, type SocketGuard } from '../auth/socket-guard.js';

export interface HubOptions {
  pingMs: number;
  phoneUpdateMs: number;
  /** A client this far behind is cut off and reconnects with a fresh snapshot, so it never holds up the rest. */
  maxBufferedBytes: number;
  /** Origin and connection limits at the handshake, a message budget per connection, which commands may come. */
  guard: SocketGuard;
}

export interface Connection {
  ws: WebSocket;
  /** The connection's socket, which messages are written to as whole frames (text-frame.ts); ws reads from it. */
  socket: Duplex;
  caller: Caller;
  scope: Scope | null;
  lastSent: number;
  alive: boolean;
  /** The handshake: its headers carry the staff cookie, its socket the address. */
  req: IncomingMessage;
  budget: MessageBudget;
  /** What the client said in its hello, so its credentials can be checked again later (sessions expire). */
  hello: { token: string | undefined; follow: Follow } | null;
}

export type Authenticate = (req: IncomingMessage, token: string | undefined, follow: Follow) => Caller | ErrorBody;
export type Execute = (caller: Caller, name: string, args: Record<string, unknown>) => Promise<{ ok: true; result: unknown } | { ok: false; error: ErrorBody }>;

/** The longest a heartbeat's pings hold the event loop at a time. */
const pingSliceMs = 1;

/** An event serialised at commit, written to screens a moment later. */
interface Outgoing { seq: number; pub: PublicEvent; body: string; event: DomainEvent }

/**
 * One WebSocket per screen at /ws. A client says who it is and what it follows, gets a snapshot tagged with seq,
 * then events in order. An event is serialised when its command commits and written to boards and pads on the
 * next turn of the event loop, so the command's own reply goes first and never waits for the fan-out; phones
 * follow through PhoneFeed.
 */
export class RealtimeHub {
  /** No compression: frames are written whole to the socket (write), which a compressing sender would reorder. */
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024, perMessageDeflate: false });
  private readonly connections = new Set<Connection>();
  /** Boards, pads and admin screens: the connections events fan out to, kept apart so 2,000 phones cost nothing per event. */
  private readonly screens = new Set<Connection>();
  private readonly phones: PhoneFeed;
  private seq: number;
  private outbox: Outgoing[] = [];
  private flushing: NodeJS.Immediate | null = null;
  private pinger: NodeJS.Timeout | null = null;
  private pinging: NodeJS.Immediate | null = null;
  private readonly helloListeners: ((caller: Caller) => void)[] = [];

  constructor(
    private readonly runner: CommandRunner,
    private readonly forecaster: Forecaster,
    private readonly authenticate: Authenticate,
    private readonly execute: Execute,
    private readonly options: HubOptions,
    private readonly log: Logger,
  ) {
    this.seq = runner.lastSeq();
    this.phones = new PhoneFeed(runner.state, forecaster, options.phoneUpdateMs, () => this.seq, (c, frame) => this.write(c, frame),
      (visitId) => runner.storedLeg(visitId));
    runner.onCommitted((batch) => this.publish(batch));
    // Forecasts come from their own thread a moment after the events: phones look again when one arrives.
    forecaster.onForecast((changed) => this.phones.forecastChanged(changed));
  }

  attach(server: Server): void {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (new URL(req.url ?? '/', 'http://x').pathname !== '/ws') return socket.destroy();
      const admission = this.options.guard.admit(req);
      if (!admission.ok) return refuseHandshake(socket, admission.status, admission.error);
      socket.once('close', admission.release);
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, socket, req));
    });
    this.pinger = setInterval(() => this.heartbeat(), this.options.pingMs);
    this.pinger.unref();
  }

  close(): void {
    if (this.pinger) clearInterval(this.pinger);
    if (this.flushing) clearImmediate(this.flushing);
    if (this.pinging) clearImmediate(this.pinging);
    this.phones.close();
    for (const c of this.connections) c.ws.terminate();
    this.wss.close();
  }

  get clientCount(): number {
    return this.connections.size;
  }

  /**
   * Called after a screen's hello and snapshot. Device news is pushed only on change and never replayed, so a screen
   * that (re)connects learns the current state of its hardware from here.
   */
  onHello(listener: (caller: Caller) => void): void {
    this.helloListeners.push(listener);
  }

  /** Drops every connection of a revoked device or ended session at once. */
  disconnectWhere(predicate: (caller: Caller) => boolean): void {
    for (const c of this.connections) if (predicate(c.caller)) c.ws.close(4001, 'revoked');
  }

  /**
   * Sends one message to the live connections that said hello and match: a kiosk's own device, the supervisors,
   * the followers of one window. Device messages are not events: they carry no seq and are never replayed.
   */
  notify(to: (caller: Caller, follow: Follow | null) => boolean, message: ServerMessage): number {
    let sent = 0;
    const frame = textFrame(JSON.stringify(message));
    for (const c of this.connections) {
      if (c.caller.kind === 'public' || c.ws.readyState !== c.ws.OPEN || !to(c.caller, c.scope?.follow ?? null)) continue;
      this.write(c, frame);
      sent++;
    }
    return sent;
  }

  private accept(ws: WebSocket, socket: Duplex, req: IncomingMessage): void {
    const conn: Connection = { ws, socket, caller: { kind: 'public', roles: ['public'] }, scope: null, lastSent: 0, alive: true, req, budget: this.options.guard.budget(), hello: null };
    this.connections.add(conn);
    ws.on('pong', () => { conn.alive = true; });
    ws.on('close', () => { this.connections.delete(conn); this.screens.delete(conn); this.phones.remove(conn); });
    ws.on('error', () => ws.terminate());
    ws.on('message', (data, isBinary) => {
      if (ws.readyState !== ws.OPEN) return;
      // Counted before parsing: a flood costs the hall as little as possible.
      const verdict = conn.budget.take(performance.now());
      if (verdict !== 'ok') return this.overBudget(conn, verdict, isBinary ? '' : data.toString());
      let parsed;
      try {
        parsed = ClientMessage.safeParse(JSON.parse(isBinary ? '' : data.toString()));
      } catch {
        parsed = null;
      }
      if (!parsed?.success) {
        return this.send(conn, { type: 'error', error: { code: 'BAD_MESSAGE', message: { zh: '消息格式错误', en: 'Malformed message' } } });
      }
      const msg = parsed.data;
      if (msg.type === 'hello') return this.hello(conn, req, msg.token, msg.follow);
      if (msg.type === 'resync') return conn.hello ? this.sendSnapshot(conn) : this.send(conn, { type: 'error', error: helloFirst });
      if (msg.type === 'ping') return this.send(conn, { type: 'pong' });
      this.command(conn, msg.id, msg.name, msg.args).catch((err: unknown) => {
        this.log.error({ err }, 'command failed');
        this.send(conn, { type: 'error', id: msg.id, error: { code: 'INTERNAL', message: { zh: '系统内部错误', en: 'Internal error' } } });
      });
    });
  }

  private hello(conn: Connection, req: IncomingMessage, token: string | undefined, follow: Follow): void {
    conn.hello = { token, follow };
    const caller = this.authenticate(req, token, follow);
    if ('code' in caller) {
      this.send(conn, { type: 'error', error: caller });
      conn.ws.close(4003, caller.code);
      return;
    }
    conn.caller = caller;
    if (follow.scope === 'ticket') {
      conn.scope = null;
      this.screens.delete(conn);
      this.phones.add(conn, caller.visitId!);
      return;
    }
    conn.scope = scopeOf(this.runner.state, follow);
    this.screens.add(conn);
    this.sendSnapshot(conn);
    for (const listener of this.helloListeners) listener(caller);
  }

  private async command(conn: Connection, id: string, name: string, args: Record<string, unknown>): Promise<void> {
    if (!this.stillAllowed(conn, id)) return;
    const refusal = this.options.guard.commandRefusal(conn.caller, name, conn.req);
    if (refusal) return this.send(conn, { type: 'error', id, error: refusal });
    const outcome = await this.execute(conn.caller, name, args);
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    this.send(conn, outcome.ok ? { type: 'reply', id, result: outcome.result } : { type: 'error', id, error: outcome.error });
  }

  /**
   * The snapshot is memory now, tagged with the last seq published. Memory may be a few commands ahead, still
   * waiting for the disk; their events follow with higher seqs and, carrying whole tickets and windows, set what
   * the snapshot already shows.
   */
  private sendSnapshot(conn: Connection): void {
    if (conn.scope === null) return this.phones.flushNow(conn);
    const state = this.runner.state;
    conn.scope = scopeOf(state, conn.scope.follow);
    const data = hallSnapshot(state, this.runner.clock(), this.forecaster.get(), conn.scope.includes);
    this.send(conn, { type: 'snapshot', seq: this.seq, data });
    conn.lastSent = this.seq;
  }

  private publish(batch: CommittedEvent[]): void {
    const state = this.runner.state;
    for (const { seq, at, event } of batch) {
      this.seq = seq;
      if (event.type.startsWith('config.') || event.type === 'settings.saved' || event.type === 'day.closed') {
        this.flushOutbox();
        for (const c of this.screens) this.sendSnapshot(c);
        this.phones.touchAll();
        // The tickets a day's close ends leave memory with it: their phones are told from the event.
        this.phones.onEvent(event);
        continue;
      }
      // Views are taken now, from the state this event left; later commands must not show through.
      const pub = publicEvent(state, event, at);
      // Serialised once per event; only the per-connection prev is spliced in.
      this.outbox.push({ seq, pub, body: `,"event":${JSON.stringify(pub)}}`, event });
    }
    this.flushing ??= setImmediate(() => this.flushOutbox());
  }

  private flushOutbox(): void {
    if (this.flushing) clearImmediate(this.flushing);
    this.flushing = null;
    const outgoing = this.outbox;
    this.outbox = [];
    for (const { seq, pub, body, event } of outgoing) {
      // Screens that follow the same things share their prev, so each distinct message is encoded once.
      const encoded = new Map<number, Buffer>();
      for (const c of this.screens) {
        // A snapshot sent since the commit already holds this event.
        if (!c.scope || c.lastSent >= seq || !c.scope.wantsEvent(pub)) continue;
        let frame = encoded.get(c.lastSent);
        if (!frame) {
          frame = textFrame(`{"type":"event","seq":${seq},"prev":${c.lastSent}${body}`);
          encoded.set(c.lastSent, frame);
        }
        this.write(c, frame);
        c.lastSent = seq;
      }
      this.phones.onEvent(event);
    }
  }

  private send(conn: Connection, message: ServerMessage): void {
    this.write(conn, textFrame(JSON.stringify(message)));
  }

  /**
   * Every message a client gets goes through here, as a whole frame in one write. ws writes its own frames (pings,
   * the closing handshake) to the same socket at once, never queued (no compression), so the order holds.
   */
  private write(conn: Connection, frame: Buffer): void {
    if (conn.ws.readyState !== conn.ws.OPEN || !conn.socket.writable) return;
    if (conn.socket.writableLength > this.options.maxBufferedBytes) {
      this.log.warn({ role: conn.caller.roles[0] }, 'slow client cut off; it will reconnect and resync');
      conn.ws.terminate();
      return;
    }
    conn.socket.write(frame);
  }

  /**
   * Checks the credentials of every connection that said hello again: an expired session or a revoked device is
   * cut off within one heartbeat even when nobody logged out or revoked anything by hand.
   */
  revalidate(): void {
    for (const c of this.connections) this.stillAllowed(c);
  }

  /** Re-runs the hello's authentication (roles may have changed too); on refusal says why and closes. */
  private stillAllowed(conn: Connection, id?: string): boolean {
    if (!conn.hello || (conn.caller.kind !== 'staff' && conn.caller.kind !== 'device')) return true;
    const caller = this.authenticate(conn.req, conn.hello.token, conn.hello.follow);
    if (!('code' in caller)) {
      conn.caller = caller;
      return true;
    }
    this.send(conn, { type: 'error', ...(id ? { id } : {}), error: caller });
    conn.ws.close(4001, caller.code);
    return false;
  }

  private overBudget(conn: Connection, verdict: 'refused' | 'close', text: string): void {
    const id = commandIdOf(text);
    this.send(conn, { type: 'error', ...(id ? { id } : {}), error: tooManyMessages });
    if (verdict === 'close') {
      this.log.warn({ role: conn.caller.roles[0] }, 'flooding client cut off');
      conn.ws.close(4029, 'too many messages');
    }
  }

  private heartbeat(): void {
    this.revalidate();
    if (!this.pinging) this.pingSlice([...this.connections], 0);
  }

  /**
   * Pings go out in slices of the event loop, as phone updates do: with thousands of phones connected, pinging all
   * at once held the loop for tens of milliseconds every heartbeat, and a call made then waited for it.
   */
  private pingSlice(queue: Connection[], from: number): void {
    const until = performance.now() + pingSliceMs;
    let i = from;
    while (i < queue.length) {
      const c = queue[i++];
      if (!this.connections.has(c)) continue;
      if (!c.alive) {
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      c.ws.ping();
      if ((i & 15) === 0 && performance.now() >= until) break;
    }
    this.pinging = i < queue.length ? setImmediate(() => this.pingSlice(queue, i)) : null;
  }
}

