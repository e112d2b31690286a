import { z } from 'zod';
import { CancelTicketBody, IssueTicketBody, TransferTicketBody } from '../../protocol/commands.js';
import { domainError, notFound, type DomainError } from '../core/errors.js';
import { isValidIdNumber } from '../core/identity.js';
import type { Person, Ticket } from '../core/types.js';
import { personOf, type FullIdentity } from '../privacy/identity-keys.js';
import { currentLeg, ticketView, visitSnapshot } from '../views.js';
import { actorOf as actorFor, type Caller } from './caller.js';
import { defineOperation, type OperationContext } from './operation.js';

const TicketIdParams = z.object({ ticketId: z.coerce.number().int().positive() }).strict();
const TokenParams = z.object({ ticketToken: z.string().min(16).max(100) }).strict();

/** The identity behind an issue or check-in: typed (phone), or held from the kiosk's card reader. */
export function resolveIdentity(ctx: OperationContext, caller: Caller, body: { identity?: FullIdentity; cardToken?: string }): { identity: FullIdentity | null; person: Person | null } | DomainError {
  let identity: FullIdentity | null = null;
  if (body.cardToken) {
    identity = ctx.cards.peek(body.cardToken, caller.kind === 'device' ? caller.deviceId ?? null : null);
    if (!identity) return domainError('ID_REQUIRED');
  } else if (body.identity) {
    identity = { name: body.identity.name, idNumber: body.identity.idNumber.toUpperCase() };
  }
  if (identity && !isValidIdNumber(identity.idNumber)) return domainError('ID_INVALID');
  return { identity, person: identity ? personOf(identity, ctx.secrets.idHashKey) : null };
}

export const issueTicketOp = defineOperation({
  operationId: 'issueTicket', method: 'POST', url: '/api/tickets', tag: 'tickets', successStatus: 201,
  summary: 'Take a ticket (kiosk, phone or staff). 取号',
  roles: ['public', 'phone', 'kiosk', 'staff'], body: IssueTicketBody, rateLimited: true, waitsForDisk: true,
  async handle(ctx, { body }, caller) {
    const channel = caller.kind === 'staff' ? 'staff' : caller.kind === 'device' ? 'kiosk' : 'online';
    if (channel === 'online' && !body.identity) return domainError('ID_REQUIRED');
    const resolved = resolveIdentity(ctx, caller, body);
    if ('ok' in resolved) return resolved;
    let token = '';
    const decision = ctx.runner.run('issueTicket', { serviceId: body.serviceId, channel, person: resolved.person, priorityClassId: body.priorityClassId ?? null }, actorFor(caller), (_db, ticket) => {
      token = ctx.access.createVisitToken(ticket.visitId);
      if (resolved.identity) ctx.vault.put(ticket.visitId, ticket.hallDay, resolved.identity);
    });
    if (!decision.ok) return decision;
    if (body.cardToken) ctx.cards.forget(body.cardToken);
    return answerNewTicket(ctx, caller, decision.result, token);
  },
});

/**
 * The answer to a kiosk for a ticket just committed (issue, appointment check-in), for operations that set
 * waitsForDisk: its wait, worked out while the disk confirms the ticket (the sync began at the commit), and the
 * reply built from the hall as it is then; nothing is printed or answered before all of it is on disk. A kiosk
 * prints here: only these operations know the phone URL. The ticket is kept whatever the printer does.
 */
export async function answerNewTicket(ctx: OperationContext, caller: Caller, ticket: Ticket, token: string) {
  const forecast = await ctx.forecaster.forTicket(ticket);
  const url = `${ctx.publicUrl}/m/t/${token}`;
  const reply = { ticket: ticketView(ctx.runner.state, ticket), token, url, forecast, hallName: ctx.runner.state.settings.name };
  await ctx.runner.durable();
  const print = await ctx.devices.printTicket(caller, ticket, url, forecast);
  return { ...reply, print };
}

/** The newest leg of the visit a phone's token stands for: transfers add legs, the phone follows the visit. */
function legOfToken(ctx: OperationContext, token: string) {
  const visitId = ctx.access.visitByToken(token);
  return visitId !== null ? currentLeg(ctx.runner.state, visitId) : null;
}

export const getTicketOp = defineOperation({
  operationId: 'getTicket', method: 'GET', url: '/api/visits/:ticketToken', tag: 'tickets',
  summary: 'A visitor\'s own ticket with position and estimated wait, by its token. 查询排队进度',
  roles: ['public'], params: TokenParams, rateLimited: true,
  handle(ctx, { params }) {
    // A ticket of a day the hall has closed is shown as the close left it (ended), not as unknown.
    const visitId = ctx.access.visitByToken(params.ticketToken);
    const leg = visitId !== null ? currentLeg(ctx.runner.state, visitId) ?? ctx.runner.storedLeg(visitId) : null;
    if (!leg) return notFound('ticket');
    return ctx.forecaster.forTicket(leg).then((forecast) => visitSnapshot(ctx.runner.state, leg, forecast));
  },
});

export const cancelMyTicketOp = defineOperation({
  operationId: 'cancelMyTicket', method: 'POST', url: '/api/visits/:ticketToken/cancel', tag: 'tickets',
  summary: 'A visitor cancels their own waiting ticket. 取消排队',
  roles: ['public'], params: TokenParams, body: CancelTicketBody.optional(), rateLimited: true,
  handle(ctx, { params }, caller) {
    const leg = legOfToken(ctx, params.ticketToken);
    if (!leg) return notFound('ticket');
    const decision = ctx.runner.run('cancelTicket', { ticketId: leg.id, reason: 'visitor' }, actorFor(caller));
    return decision.ok ? ticketView(ctx.runner.state, decision.result) : decision;
  },
});

export const cancelTicketOp = defineOperation({
  operationId: 'cancelTicket', method: 'POST', url: '/api/tickets/:ticketId/cancel', tag: 'tickets',
  summary: 'Staff cancel a waiting ticket. 取消票号',
  roles: ['staff'], params: TicketIdParams, body: CancelTicketBody.optional(),
  handle(ctx, { params, body }, caller) {
    const decision = ctx.runner.run('cancelTicket', { ticketId: params.ticketId, reason: body?.reason }, actorFor(caller));
    return decision.ok ? ticketView(ctx.runner.state, decision.result) : decision;
  },
});

export const requeueTicketOp = defineOperation({
  operationId: 'requeueTicket', method: 'POST', url: '/api/tickets/:ticketId/requeue', tag: 'tickets',
  summary: 'Put a no-show back in the queue a few places behind the head. 过号顺延',
  roles: ['staff', 'kiosk'], params: TicketIdParams,
  handle(ctx, { params }, caller) {
    const decision = ctx.runner.run('requeueTicket', { ticketId: params.ticketId }, actorFor(caller));
    return decision.ok ? ticketView(ctx.runner.state, decision.result) : decision;
  },
});

export const transferTicketOp = defineOperation({
  operationId: 'transferTicket', method: 'POST', url: '/api/tickets/:ticketId/transfer', tag: 'tickets',
  summary: 'Transfer a ticket to another service or window, keeping its number and arrival time. 转移',
  roles: ['staff', 'pad'], params: TicketIdParams, body: TransferTicketBody,
  handle(ctx, { params, body }, caller) {
    const ticket = ctx.runner.state.tickets.get(params.ticketId);
    if (caller.kind === 'device' && ticket?.windowId !== caller.windowId) return domainError('FORBIDDEN');
    const decision = ctx.runner.run('transferTicket', { ticketId: params.ticketId, serviceId: body.serviceId, windowId: body.windowId }, actorFor(caller));
    return decision.ok ? ticketView(ctx.runner.state, decision.result) : decision;
  },
});

export const ticketOperations = [issueTicketOp, getTicketOp, cancelMyTicketOp, cancelTicketOp, requeueTicketOp, transferTicketOp];
