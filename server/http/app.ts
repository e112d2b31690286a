import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { Logger } from 'pino';
import { LoginThrottle, staffNumberOf } from '../auth/login-throttle.js';
import { resolveCaller, sessionCookie } from '../auth/resolve-caller.js';
import type { Role } from '../operations/caller.js';
import type { Operation, OperationContext } from '../operations/operation.js';
import { invoke, operations, type Outcome } from '../operations/registry.js';
import { registerApiDocs } from './api-docs.js';
import { openApiDocument } from './openapi.js';
import { registerScreens } from './screens.js';
import { hardenedServerOptions, registerSecurity } from './security.js';

function reply(res: FastifyReply, outcome: Outcome): FastifyReply {
  return outcome.ok ? res.code(outcome.status).send(outcome.result) : res.code(outcome.status).send(outcome.error);
}

/**
 * The HTTP side: every route is an operation from the registry; this file only turns requests into invocations
 * and invocations into responses, so no route can validate or authorise differently from the others.
 */
export async function buildHttp(ctx: OperationContext, log: Logger, registerExtras?: (app: FastifyInstance) => Promise<void>): Promise<FastifyInstance> {
  // X-Forwarded-For is believed only from a proxy on this machine: from anyone else it is forgeable, and a forged
  // address would slip past the per-address rate limit.
  const app = Fastify({ loggerInstance: log as FastifyBaseLogger, bodyLimit: 64 * 1024, trustProxy: 'loopback', ...hardenedServerOptions });
  await app.register(cookie);
  await registerSecurity(app, ctx);
  await app.register(rateLimit, {
    global: false,
    max: ctx.config.rateLimit.publicPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: () => ({ statusCode: 429, code: 'RATE_LIMITED', message: { zh: '请求过于频繁，请稍后再试', en: 'Too many requests; please wait a moment' } }),
  });

  // Worked out when first asked for, not at every start of the hall (about 8 ms).
  let document: ReturnType<typeof openApiDocument> | undefined;
  app.get('/openapi.json', async () => (document ??= openApiDocument(operations)));
  await registerApiDocs(app);
  // A hall whose disk failed refuses every command until restarted: the health check says so, for the watchdog.
  app.get('/healthz', async (_req, res) => {
    const failed = ctx.runner.wal.failed;
    if (failed) return res.code(503).send({ ok: false, code: failed.code, message: { zh: '数据无法写入磁盘，请检查磁盘后重启服务', en: 'The hall cannot write to its disk; check the disk and restart the server' } });
    return { ok: true, seq: ctx.runner.lastSeq() };
  });

  // Before the routes: Fastify binds a route to the error handler in place when the route is added.
  app.setNotFoundHandler((_req, res) => res.code(404).send({ code: 'NOT_FOUND', message: { zh: '请求的地址不存在', en: 'No such address' } }));
  app.setErrorHandler((err: { statusCode?: number; code?: string; message: string }, req, res) => {
    const status = err.statusCode ?? 500;
    if (status === 429) return res.code(429).send(err);
    if (status === 413) return res.code(413).send({ code: 'PAYLOAD_TOO_LARGE', message: { zh: '请求内容过大', en: 'The request is too large' } });
    if (status >= 400 && status < 500) {
      return res.code(400).send({ code: 'BAD_REQUEST', message: { zh: '请求格式错误', en: `Malformed request: ${err.code ?? 'invalid'}` } });
    }
    req.log.error({ err }, 'request failed');
    return res.code(500).send({ code: 'INTERNAL', message: { zh: '系统内部错误', en: 'Internal error' } });
  });

  const logins = new LoginThrottle(ctx.config.loginThrottle);
  for (const op of operations) registerOperation(app, ctx, op, logins);
  await registerScreens(app);
  if (registerExtras) await registerExtras(app);
  return app;
}

function registerOperation(app: FastifyInstance, ctx: OperationContext, op: Operation, logins: LoginThrottle): void {
  app.route({
    method: op.method,
    url: op.url,
    // Requests are not logged one by one (phones poll, kiosks burst); failures are.
    logLevel: 'warn',
    config: op.rateLimited ? { rateLimit: publicLimit(ctx, op) } : {},
    handler: async (req: FastifyRequest, res: FastifyReply) => {
      const caller = { ...resolveCaller(ctx.access, ctx.runner.state, ctx.runner.clock(), req.headers), address: req.ip };
      const staffNumber = op.operationId === 'login' ? staffNumberOf(req.body) : null;
      if (op.operationId === 'login') {
        const throttled = logins.refusal(staffNumber, req.ip, ctx.runner.clock());
        if (throttled) {
          ctx.audit.access.throttled(staffNumber, req.ip, ctx.runner.clock());
          return res.code(429).header('retry-after', String(throttled.retryAfterSeconds)).send(throttled.error);
        }
      }
      const outcome = await invoke(ctx, op, caller, { params: req.params, body: req.body, query: req.query });
      if (op.operationId === 'login' && !outcome.ok && outcome.error.code === 'BAD_CREDENTIALS') logins.failed(staffNumber, req.ip, ctx.runner.clock());
      if (outcome.ok && op.operationId === 'login') {
        logins.succeeded(staffNumber!);
        const { sessionToken, staff } = outcome.result as { sessionToken: string; staff: unknown };
        res.setCookie(sessionCookie, sessionToken, { httpOnly: true, sameSite: 'strict', path: '/', maxAge: ctx.config.sessionHours * 3600 });
        return res.code(200).send({ staff });
      }
      if (outcome.ok && op.operationId === 'logout') res.clearCookie(sessionCookie, { path: '/' });
      return reply(res, outcome);
    },
  });
}

/**
 * The limit guards the hall against the anonymous public. A kiosk or staff member using an operation in its own
 * role (a kiosk issuing tickets at the morning rush) is not limited; login and pairing stay limited for everyone,
 * so they are not asked who the caller is at all.
 */
function publicLimit(ctx: OperationContext, op: Operation) {
  const ownRoles: readonly Role[] = op.roles.filter((role) => role !== 'public');
  const limit = { max: ctx.config.rateLimit.publicPerMinute, timeWindow: 60_000 };
  if (ownRoles.length === 0) return limit;
  return { ...limit, allowList: (req: FastifyRequest) => resolveCaller(ctx.access, ctx.runner.state, ctx.runner.clock(), req.headers).roles.some((role) => ownRoles.includes(role)) };
}
