import type { ErrorBody } from '../../../protocol/i18n.js';
import type { PauseReason } from '../../../protocol/queue-entities.js';
import type { HallSocket } from '../../../protocol/realtime-client.js';

/**
 * Every change the pad makes goes over its HallSocket as a named operation (the same names as the HTTP
 * operationIds), so one link carries both what the pad does and what it sees.
 */
export type DeskCommand =
  | { name: 'callNext' | 'recall' | 'startService' | 'finishService' | 'markNoShow' | 'fillBusinessSystem'; args: { windowId: number } }
  | { name: 'setWindowStatus'; args: { windowId: number; status: 'open' | 'closed' } | { windowId: number; status: 'paused'; reason: PauseReason } }
  | { name: 'callTicket'; args: { windowId: number; ticketId: number; reason: string } }
  | { name: 'transferTicket'; args: { ticketId: number; serviceId?: number; windowId?: number } }
  | { name: 'requeueTicket'; args: { ticketId: number } };

const offline: ErrorBody = { code: 'OFFLINE', message: { zh: '与服务器的连接已断开', en: 'Not connected to the hall server' } };

export type CommandOutcome = { ok: true; result: unknown } | { ok: false; error: ErrorBody };

/** Runs a command; resolves to the server's answer or its refusal (zh + en), never throws. */
export async function runDeskCommand(socket: HallSocket | null, command: DeskCommand): Promise<CommandOutcome> {
  if (!socket) return { ok: false, error: offline };
  try {
    return { ok: true, result: await socket.command(command.name, command.args) };
  } catch (e) {
    const err = e as Partial<ErrorBody>;
    return { ok: false, error: err && err.message && typeof err.code === 'string' ? (err as ErrorBody) : offline };
  }
}
