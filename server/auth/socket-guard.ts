import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ErrorBody } from '../../protocol/i18n.js';
import type { Config } from '../config.js';
import { domainError } from '../core/errors.js';
import type { Caller } from '../operations/caller.js';
import { operationById } from '../operations/registry.js';
import { fromOwnPages } from './same-origin.js';

export type Admission = { ok: true; release(): void } | { ok: false; status: number; error: ErrorBody };
export type BudgetVerdict = 'ok' | 'refused' | 'close';

/** What the hub asks before it lets a client in, and before it acts on what a client sends. */
export interface SocketGuard {
  /** A WebSocket handshake: from the hall's own pages, and within the connection limits. */
  admit(req: IncomingMessage): Admission;
  /** A fresh message budget for a new connection. */
  budget(): MessageBudget;
  /** Why a command may not run over the socket, or null to let the operation decide. */
  commandRefusal(caller: Caller, name: string, req: IncomingMessage): ErrorBody | null;
}

export const helloFirst: ErrorBody = { code: 'UNAUTHENTICATED', message: { zh: '请先发送 hello 说明身份', en: 'Say hello (who you are and what you follow) first' } };
export const tooManyMessages: ErrorBody = { code: 'RATE_LIMITED', message: { zh: '消息过于频繁，请稍后再试', en: 'Too many messages; please slow down' } };

/**
 * A token bucket per connection: `burst` messages at once, `perSecond` after that. Messages beyond it are refused,
 * and still drain the bucket, so a client that keeps flooding sinks another `burst` below empty and is cut off.
 */
export class MessageBudget {
  private tokens: number;
  private last: number;

  constructor(private readonly perSecond: number, private readonly burst: number, now: number) {
    this.tokens = burst;
    this.last = now;
  }

  take(now: number): BudgetVerdict {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    this.tokens -= 1;
    if (this.tokens >= 0) return 'ok';
    return this.tokens >= -this.burst ? 'refused' : 'close';
  }
}

export function isLoopback(address: string): boolean {
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/**
 * The address a handshake comes from. Like the HTTP side (trustProxy 'loopback'), X-Forwarded-For is believed only
 * from this machine, walking back past local proxies to the first address that is not one.
 */
export function clientAddress(req: IncomingMessage): string {
  const peer = req.socket.remoteAddress ?? 'unknown';
  const forwarded = req.headers['x-forwarded-for'];
  if (!isLoopback(peer) || typeof forwarded !== 'string') return peer;
  const hops = forwarded.split(',').map((h) => h.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!isLoopback(hops[i])) return hops[i];
  return peer;
}

/** Builds the guard from the config; trusted origins are read at each handshake, since publicUrl is known late. */
export function socketGuard(config: Config, publicUrl: () => string): SocketGuard {
  const limits = config.websocket;
  const perAddress = new Map<string, number>();
  let total = 0;
  const phoneLimit = new MinuteCounter(config.rateLimit.publicPerMinute);
  const refuse = (status: number, code: string, zh: string, en: string): Admission => ({ ok: false, status, error: { code, message: { zh, en } } });
  return {
    admit(req) {
      if (!fromOwnPages(req.headers, [publicUrl(), ...config.allowedOrigins])) {
        return refuse(403, 'CROSS_SITE_REQUEST', '请求来自其他网站，已拒绝', 'The request comes from another site and was refused');
      }
      if (total >= limits.maxConnections) return refuse(503, 'HALL_BUSY', '连接数已满，请稍后再试', 'The hall has too many connections; please try again shortly');
      const address = clientAddress(req);
      const counted = !isLoopback(address);
      if (counted && (perAddress.get(address) ?? 0) >= limits.maxConnectionsPerAddress) {
        return refuse(429, 'TOO_MANY_CONNECTIONS', '该地址的连接数过多', 'Too many connections from this address');
      }
      total++;
      if (counted) perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
      let released = false;
      return {
        ok: true,
        release() {
          if (released) return;
          released = true;
          total--;
          if (!counted) return;
          const left = (perAddress.get(address) ?? 1) - 1;
          if (left > 0) perAddress.set(address, left);
          else perAddress.delete(address);
        },
      };
    },
    budget: () => new MessageBudget(limits.messagesPerSecond, limits.messageBurst, performance.now()),
    commandRefusal(caller, name, req) {
      const refusal = roleRefusal(caller, name);
      if (refusal || caller.kind !== 'phone' || !operationById(name)?.rateLimited) return refusal;
      // A phone is anonymous: what HTTP limits per address, its socket does too.
      return phoneLimit.take(clientAddress(req), Date.now()) ? null : publicLimitReached;
    },
  };
}

const publicLimitReached: ErrorBody = { code: 'RATE_LIMITED', message: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; please wait a moment' } };

/**
 * The socket is for screens acting in their role: a device, a staff member or a phone may send the commands one of
 * its own roles names. Operations open only to the public are HTTP-only, where they are rate-limited and logins
 * are throttled; a connection that has not said who it is may send nothing.
 */
export function roleRefusal(caller: Caller, name: string): ErrorBody | null {
  const op = operationById(name);
  if (!op || op.method === 'GET') return null;
  if (caller.kind === 'public') return body(domainError('UNAUTHENTICATED'));
  return op.roles.some((r) => r !== 'public' && caller.roles.includes(r)) ? null : body(domainError('FORBIDDEN'));
}

/** At most `limit` per key per minute, in fixed one-minute windows, as the HTTP rate limit counts. */
class MinuteCounter {
  private windowStart = 0;
  private counts = new Map<string, number>();

  constructor(private readonly limit: number) {}

  take(key: string, now: number): boolean {
    if (now - this.windowStart >= 60_000) {
      this.windowStart = now;
      this.counts = new Map();
    }
    const n = (this.counts.get(key) ?? 0) + 1;
    this.counts.set(key, n);
    return n <= this.limit;
  }
}

function body(e: { code: string; message: { zh: string; en: string } }): ErrorBody {
  return { code: e.code, message: e.message };
}

/** Refuses a handshake in plain HTTP, with the usual error body, before any WebSocket exists. */
export function refuseHandshake(socket: Duplex, status: number, error: ErrorBody): void {
  const text = JSON.stringify(error);
  const reason = status === 403 ? 'Forbidden' : status === 429 ? 'Too Many Requests' : 'Service Unavailable';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`);
}

/** The id of a command a refused message carried, so the client's waiting call gets its answer. */
export function commandIdOf(text: string): string | undefined {
  try {
    const msg = JSON.parse(text) as { id?: unknown } | null;
    return typeof msg?.id === 'string' && msg.id.length <= 64 ? msg.id : undefined;
  } catch {
    return undefined;
  }
}
