import type { z } from 'zod';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { CommandRunner } from '../command-runner.js';
import type { AccessStore } from '../auth/access-store.js';
import type { AccessLog } from '../auth/access-log.js';
import type { AuditEvents } from '../store/audit-events.js';
import type { HallSecrets } from '../secrets.js';
import type { Forecaster } from '../forecaster.js';
import type { DomainError } from '../core/errors.js';
import type { CardInbox } from '../privacy/card-inbox.js';
import type { IdentityVault } from '../privacy/identity-vault.js';
import type { PersonData } from '../privacy/person-records.js';
import type { DeviceLayer } from '../devices/device-layer.js';
import type { HallStatistics } from '../stats/hall-statistics.js';
import type { Caller, Role } from './caller.js';

/** What every operation may use. Built once at start; no module-level state anywhere. */
export interface OperationContext {
  config: Config;
  runner: CommandRunner;
  access: AccessStore;
  secrets: HallSecrets;
  forecaster: Forecaster;
  cards: CardInbox;
  vault: IdentityVault;
  /** One person's records, for an admin's export or erasure. */
  privacy: PersonData;
  /** The hall's hardware: kiosk printers, window signs, desktop bridges. */
  devices: DeviceLayer;
  /** Figures, exports and live warnings; ratings and follow-up lists. */
  stats: HallStatistics;
  /** The audit page's reading of the event log, and the access log the sign-in and device operations write. */
  audit: { events: AuditEvents; access: AccessLog };
  log: Logger;
  publicUrl: string;
  /** Cuts the live connections of a revoked device or an ended session. */
  disconnect(predicate: (caller: Caller) => boolean): void;
}

export interface OperationInput<P, B, Q> { params: P; body: B; query: Q }

/**
 * One operation = one thing a client can ask for, with its roles and schemas. HTTP routes, the OpenAPI document
 * and WebSocket commands are all generated from this list, so they cannot drift apart.
 */
export interface Operation<P = any, B = any, Q = any, R = unknown> {
  operationId: string;
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tag: string;
  /** Callers holding any of these roles may run it. */
  roles: Role[];
  params?: z.ZodType<P>;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  /** Public operations that cost the hall something are rate-limited per address. */
  rateLimited?: boolean;
  /** Set where success is not 200. */
  successStatus?: 200 | 201;
  /**
   * On success the handler has waited for the disk itself, once it had read all its reply shows (issue and
   * check-in: the kiosk prints only then). The invoker does not wait again: under a rush that second wait was for
   * the next visitor's ticket too, committed while this one's sync ran, and a slow sync made a ticket wait for two.
   * A refusal the invoker still holds until the disk has everything committed so far.
   */
  waitsForDisk?: true;
  handle(ctx: OperationContext, input: OperationInput<P, B, Q>, caller: Caller): R | DomainError | Promise<R | DomainError>;
}

export function defineOperation<P, B, Q, R>(op: Operation<P, B, Q, R>): Operation<P, B, Q, R> {
  return op;
}
