import { z } from 'zod';
import type { ErrorBody } from '../../protocol/i18n.js';
import { StorageError } from '../store/storage-error.js';
import { domainError, isDomainError } from '../core/errors.js';
import { appointmentOperations } from './appointment-ops.js';
import { appointmentListOperations } from './appointment-list-ops.js';
import { auditOperations } from './audit-ops.js';
import { authOperations } from './auth-ops.js';
import type { Caller } from './caller.js';
import { configOperations } from './config-ops.js';
import { deviceOperations } from '../devices/device-ops.js';
import { followUpOperations } from './followup-ops.js';
import { hallOperations } from './hall-ops.js';
import type { Operation, OperationContext } from './operation.js';
import { privacyOperations } from './privacy-ops.js';
import { ratingOperations } from './rating-ops.js';
import { statsOperations } from './stats-ops.js';
import { ticketOperations } from './ticket-ops.js';
import { validationMessage } from './validation-message.js';
import { voiceOperations } from './voice-ops.js';
import { windowOperations } from './window-ops.js';

export const operations: Operation[] = [...ticketOperations, ...windowOperations, ...hallOperations, ...appointmentOperations, ...appointmentListOperations, ...authOperations, ...configOperations, ...voiceOperations, ...deviceOperations,
  ...ratingOperations, ...followUpOperations, ...statsOperations, ...privacyOperations, ...auditOperations];

const byId = new Map<string, Operation>();
for (const op of operations) {
  if (byId.has(op.operationId)) throw new Error(`duplicate operationId ${op.operationId}`);
  byId.set(op.operationId, op);
}
export const operationById = (id: string) => byId.get(id);

export type Outcome = { ok: true; status: number; result: unknown } | { ok: false; status: number; error: ErrorBody };

export function allowed(op: Operation, caller: Caller): boolean {
  return op.roles.some((r) => caller.roles.includes(r) || (r === 'public'));
}

export function validationError(error: z.ZodError, where: string, operationId = ''): Outcome {
  return {
    ok: false, status: 400,
    error: {
      code: 'VALIDATION_FAILED',
      message: validationMessage(error.issues[0], operationId),
      details: { issues: error.issues.slice(0, 10).map((i) => ({ path: [where, ...i.path].join('.'), message: i.message })) },
    },
  };
}

/**
 * Runs an operation for a caller: role check, schema validation, then the handler. HTTP and WebSocket commands
 * both come through here, so they answer the same way to the same request.
 */
export async function invoke(ctx: OperationContext, op: Operation, caller: Caller, raw: { params?: unknown; body?: unknown; query?: unknown }): Promise<Outcome> {
  if (!allowed(op, caller)) {
    const e = domainError(caller.kind === 'public' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    return { ok: false, status: e.status, error: { code: e.code, message: e.message } };
  }
  const input: Record<string, unknown> = {};
  for (const part of ['params', 'body', 'query'] as const) {
    const schema = op[part];
    if (!schema) continue;
    const parsed = schema.safeParse(raw[part] ?? (part === 'body' ? undefined : {}));
    if (!parsed.success) return validationError(parsed.error, part, op.operationId);
    input[part] = parsed.data;
  }
  try {
    const result = await op.handle(ctx, input as never, caller);
    // Nobody is answered before what they did (or saw) is on disk, writes outside the command runner included.
    // A waitsForDisk handler has waited itself, but only when it succeeded: a refusal can name what is not yet on
    // disk (the ticket a visitor already holds, committed a moment ago), so it waits here like any other answer.
    if (!op.waitsForDisk || isDomainError(result)) await ctx.runner.durable();
    if (isDomainError(result)) return { ok: false, status: result.status, error: { code: result.code, message: result.message, ...(result.details ? { details: result.details } : {}) } };
    return { ok: true, status: op.successStatus ?? 200, result };
  } catch (err) {
    if (err instanceof StorageError || storageFailure(err)) {
      if (!(err instanceof StorageError)) ctx.log.error({ err, operation: op.operationId }, 'operation could not be stored');
      return { ok: false, status: 503, error: { code: 'STORAGE_ERROR', message: op.method === 'GET' ? couldNotRead : couldNotStore } };
    }
    ctx.log.error({ err, operation: op.operationId }, 'operation failed');
    return { ok: false, status: 500, error: { code: 'INTERNAL', message: { zh: '系统内部错误', en: 'Internal error' } } };
  }
}

/**
 * SQLite's codes for a disk that is full, failing or read-only, or a file held too long by another program: the hall
 * could not store, whoever was writing (the command runner, or a session or pairing code), so the client is told
 * to try again rather than shown an internal error.
 */
/** The disk failed: a change is refused and changes nothing; a read (a report, a list) is simply not answered. */
const couldNotStore = { zh: '数据保存失败，请稍后重试', en: 'The hall could not store this; please try again' };
const couldNotRead = { zh: '数据读取失败，请稍后重试', en: 'The hall could not read its records; please try again' };

function storageFailure(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(FULL|IOERR|READONLY|CANTOPEN|BUSY)/.test(code);
}
