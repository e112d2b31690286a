import type { FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { AccessStore } from './auth/access-store.js';
import { AccessLog } from './auth/access-log.js';
import { resolveCaller } from './auth/resolve-caller.js';
import { socketGuard } from './auth/socket-guard.js';
import { HallBackups } from './backup/hall-backups.js';
import { CommandRunner } from './command-runner.js';
import { DeviceLayer } from './devices/device-layer.js';
import type { Config } from './config.js';
import { domainError } from './core/errors.js';
import { Forecaster } from './forecaster.js';
import { buildHttp } from './http/app.js';
import type { Caller } from './operations/caller.js';
import type { OperationContext } from './operations/operation.js';
import { invoke, operationById } from './operations/registry.js';
import { CardInbox } from './privacy/card-inbox.js';
import { IdentityVault } from './privacy/identity-vault.js';
import { PersonData } from './privacy/person-records.js';
import { VisitRetention } from './privacy/visit-retention.js';
import { RealtimeHub } from './realtime/hub.js';
import { Scheduler } from './scheduler.js';
import { HallStatistics } from './stats/hall-statistics.js';
import { loadSecrets } from './secrets.js';
import { defaultSettings, seedDemoHall, type SeedReport } from './seed/demo-hall.js';
import { AuditEvents } from './store/audit-events.js';
import { openDatabase, walSyncFor, type Db } from './store/database.js';
import type { SyncFile } from './store/wal-sync.js';
import { Checkpointer } from './store/checkpointer.js';
import { lockDatabase, type InstanceLock } from './store/instance-lock.js';
import { loadState, loadWindowChanges } from './store/load-state.js';
import { redact } from './log-redaction.js';

export interface Hall {
  app: FastifyInstance;
  db: Db;
  ctx: OperationContext;
  hub: RealtimeHub;
  seed: SeedReport | null;
  /** Scheduled online backups; runNow() takes one at once. */
  backups: HallBackups;
  /** Copies the journal into the database file off the main thread. */
  checkpoints: Checkpointer;
  listen(): Promise<string>;
  /** Stops the hall; requests still unfinished after stopGraceMs (a client not reading, or trickling a body) are cut off. */
  close(): Promise<void>;
}

/** How long a stopping hall lets requests in flight finish: a browser still fetching a page's script finishes well inside it. */
export const stopGraceMs = 3000;

export interface HallOptions {
  clock?: () => number;
  log?: Logger;
  extras?: (app: FastifyInstance, ctx: OperationContext) => Promise<void>;
  /** How the journal reaches the disk (fdatasync); the tests slow it down to see who waits for it. */
  syncFile?: SyncFile;
}

/** Puts the hall together: database, state, command runner, HTTP, WebSocket hub and scheduler. */
export async function createHall(config: Config, options: HallOptions = {}): Promise<Hall> {
  // Before anything touches the database or the devices: a second server on the file would number tickets from its
  // own memory and take over the first one's simulated devices.
  const lock = lockDatabase(config.databasePath);
  try {
    return await assembleHall(config, options, lock);
  } catch (err) {
    // A hall that failed to start (a migration refused, a device config wrong) does not keep the file from the next try.
    lock.release();
    throw err;
  }
}

async function assembleHall(config: Config, options: HallOptions, lock: InstanceLock): Promise<Hall> {
  const clock = options.clock ?? Date.now;
  const log = options.log ?? pino({ level: config.logLevel, redact });
  const db = openDatabase(config.databasePath);
  const wal = walSyncFor(db, config.synchronous, options.syncFile);
  const checkpoints = new Checkpointer(db, log);
  const secrets = loadSecrets(config);
  const settings = defaultSettings(config);
  const state = loadState(db, clock(), settings);
  const runner = new CommandRunner(db, state, clock, log, wal);
  const access = new AccessStore(db);
  const vault = new IdentityVault(db, secrets.vaultKey);
  const forecaster = new Forecaster(state, clock, runner.lastSeq(), log, (now) => loadWindowChanges(db, now));
  runner.onApplied((batch) => forecaster.tookBatch(batch));
  runner.onCommitted((batch) => forecaster.committed(batch));
  forecaster.start();
  let hub: RealtimeHub | null = null;
  const cards = new CardInbox(clock);
  const devices = new DeviceLayer({
    config: config.devices, runner, access, cards, vault, log, simulationDir: join(dirname(config.databasePath), 'simulated-devices'),
    push: (to, message) => hub?.notify(to, message) ?? 0,
  });
  const stats = new HallStatistics(db, runner, (to, message) => hub?.notify(to, message) ?? 0);
  const ctx: OperationContext = {
    config, runner, access, secrets, forecaster, vault, log, cards, devices, stats, privacy: new PersonData(db),
    audit: { events: new AuditEvents(db), access: new AccessLog(db) },
    publicUrl: config.publicUrl ?? `http://localhost:${config.port}`,
    disconnect: (predicate) => hub?.disconnectWhere(predicate),
  };
  const seed = config.seedDemo && state.areas.size === 0 ? await seedDemoHall(ctx) : null;

  const app = await buildHttp(ctx, log, options.extras ? (a) => options.extras!(a, ctx) : undefined);
  hub = new RealtimeHub(
    runner, forecaster,
    (req, token, follow) => authenticateSocket(ctx, req.headers, token, follow),
    async (caller, name, args) => {
      const op = operationById(name);
      if (!op || op.method === 'GET') return { ok: false, error: { code: 'UNKNOWN_COMMAND', message: { zh: `未知命令 ${name}`, en: `Unknown command ${name}` } } };
      const outcome = await invoke(ctx, op, caller, splitArgs(op.params, args));
      return outcome.ok ? { ok: true, result: outcome.result } : { ok: false, error: outcome.error };
    },
    {
      pingMs: 10_000, phoneUpdateMs: config.phoneUpdateMs, maxBufferedBytes: config.websocket.maxBufferedKiB * 1024,
      guard: socketGuard(config, () => ctx.publicUrl),
    },
    log,
  );
  hub.attach(app.server);
  hub.onHello((caller) => devices.greet(caller));
  const scheduler = new Scheduler(runner, vault, log, { retention: new VisitRetention(db), visitDays: config.retention.visitDays });
  scheduler.start();
  const backups = new HallBackups(db, { databasePath: config.databasePath, ...config.backup }, log);
  backups.start();
  checkpoints.start();
  stats.start();
  // After seeding: a simulated hall gives the demo kiosk its reader and printer.
  await devices.start();

  return {
    app, db, ctx, hub, seed, backups, checkpoints,
    async listen() {
      await app.listen({ host: config.host, port: config.port });
      const { port } = app.server.address() as AddressInfo;
      if (!config.publicUrl) ctx.publicUrl = `http://localhost:${port}`;
      return `http://localhost:${port}`;
    },
    async close() {
      scheduler.stop();
      await stats.stop();
      await devices.stop();
      hub?.close();
      // Fastify's close waits for every request in flight, and a client that stops reading holds one without end.
      const cutOff = setTimeout(() => app.server.closeAllConnections(), stopGraceMs);
      await app.close();
      clearTimeout(cutOff);
      await backups.stop();
      // Whatever was committed reaches the disk before the hall lets go of it.
      await runner.durable().catch(() => undefined);
      await checkpoints.close();
      await forecaster.close();
      wal.close();
      db.close();
      lock.release();
    },
  };
}

/** WebSocket args are flat; the operation's path parameters are picked out of them by the params schema's keys. */
function splitArgs(params: unknown, args: Record<string, unknown>): { params: unknown; body: unknown } {
  const keys = params && typeof params === 'object' && 'shape' in params ? Object.keys((params as { shape: object }).shape) : [];
  const p: Record<string, unknown> = {};
  const b: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(args)) (keys.includes(k) ? p : b)[k] = v;
  return { params: p, body: b };
}

function authenticateSocket(ctx: OperationContext, headers: import('node:http').IncomingHttpHeaders, token: string | undefined, follow: import('../protocol/realtime.js').Follow): Caller | import('../protocol/i18n.js').ErrorBody {
  const refuse = (code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND') => {
    const e = code === 'NOT_FOUND' ? { code, message: { zh: '票号不存在', en: 'Ticket not found' } } : domainError(code);
    return { code: e.code, message: e.message };
  };
  if (follow.scope === 'ticket') {
    const visitId = ctx.access.visitByToken(follow.ticketToken);
    return visitId === null ? refuse('NOT_FOUND') : { kind: 'phone', roles: ['phone'], visitId };
  }
  const caller = resolveCaller(ctx.access, ctx.runner.state, ctx.runner.clock(), headers, token);
  if (caller.kind === 'public') return refuse('UNAUTHENTICATED');
  if (caller.kind === 'device') {
    // A device sees the place it was paired to: a pad or bridge its window, an area board its area.
    if (caller.windowId != null && !(follow.scope === 'window' && follow.windowId === caller.windowId)) return refuse('FORBIDDEN');
    if (caller.areaId != null && follow.scope === 'hall') return refuse('FORBIDDEN');
    if (caller.areaId != null && follow.scope === 'area' && follow.areaId !== caller.areaId) return refuse('FORBIDDEN');
  }
  return caller;
}
