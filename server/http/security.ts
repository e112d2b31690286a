import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import helmet from 'helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { ErrorBody } from '../../protocol/i18n.js';
import { fromOwnPages } from '../auth/same-origin.js';
import type { OperationContext } from '../operations/operation.js';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const crossSiteRefusal: ErrorBody = {
  code: 'CROSS_SITE_REQUEST',
  message: { zh: '请求来自其他网站，已拒绝', en: 'The request comes from another site and was refused' },
};

const malformed = (what: string): ErrorBody => ({ code: 'BAD_REQUEST', message: { zh: '请求格式错误', en: `Malformed request: ${what}` } });

/**
 * Answers for what the HTTP parser and the router refuse before any route runs (bad URL encoding, a path segment
 * past the router's limit, oversized headers, a request that arrives too slowly): the same {code, message} body
 * as every other refusal, never the framework's own wording.
 */
export const hardenedServerOptions: Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler' | 'requestTimeout'> = {
  // A request must have arrived whole within this time: a client trickling its body cannot hold a socket forever.
  requestTimeout: 30_000,
  frameworkErrors(error: { code?: string }, _req: FastifyRequest, res: FastifyReply) {
    const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
    res.code(status).send(malformed(error.code ?? 'invalid'));
  },
  clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket) {
    if (err.code === 'ECONNRESET' || socket.destroyed) return;
    const [status, reason, code] = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'Request Timeout', 'REQUEST_TIMEOUT']
      : err.code === 'HPE_HEADER_OVERFLOW' ? [431, 'Request Header Fields Too Large', 'HEADERS_TOO_LARGE'] : [400, 'Bad Request', 'BAD_REQUEST'];
    const body = JSON.stringify({ code, message: { zh: '请求格式错误或超时', en: `Malformed or too slow request (${reason})` } });
    if (socket.writable) {
      socket.write(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    }
    socket.destroy();
  },
};

/** ws:// and wss:// of the host a page was loaded from, for connect-src (not every browser lets 'self' cover them). */
function ownSockets(req: IncomingMessage, _res: ServerResponse): string {
  const host = req.headers.host ?? '';
  return /^[A-Za-z0-9.:[\]-]{1,300}$/.test(host) ? `ws://${host} wss://${host}` : '';
}

/**
 * Security headers on every answer, a content security policy the screens live within (own scripts only, inline
 * SVG QR codes, Web Audio fed by fetch, the WebSocket to this host, the API docs at /docs).
 */
const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      baseUri: ["'self'"],
      scriptSrc: ["'self'"],
      scriptSrcAttr: ["'none'"],
      // Style attributes come with markup the screens build (and the /docs page); scripts stay locked down.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'", 'data:'],
      mediaSrc: ["'self'", 'blob:', 'data:'],
      connectSrc: ["'self'", ownSockets],
      objectSrc: ["'none'"],
      frameAncestors: ["'self'"],
      formAction: ["'self'"],
    },
  },
  // Halls run on plain http in their own network; a TLS proxy in front decides about HSTS itself.
  strictTransportSecurity: false,
  // Not no-referrer: with it, browsers send "Origin: null" even on the screens' own POSTs.
  referrerPolicy: { policy: 'same-origin' },
  crossOriginResourcePolicy: { policy: 'same-origin' },
});

/**
 * The security headers, and a refusal of state-changing requests made by other sites' pages.
 *
 * The headers come from helmet's middleware built once, here: the Fastify plugin would rebuild it (parsing every
 * directive again) on each request, which the kiosks' morning rush pays for on every ticket.
 */
export async function registerSecurity(app: FastifyInstance, ctx: OperationContext): Promise<void> {
  app.addHook('onRequest', (req, res, done) => securityHeaders(req.raw, res.raw, done as (err?: unknown) => void));

  // Cookies are SameSite=Strict already; this also covers older browsers and a login forced on from elsewhere.
  app.addHook('onRequest', async (req, res) => {
    if (!unsafeMethods.has(req.method)) return;
    if (fromOwnPages(req.headers, [ctx.publicUrl, ...ctx.config.allowedOrigins])) return;
    return res.code(403).send(crossSiteRefusal);
  });
}
