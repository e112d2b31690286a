import { domainError, invalidTransition, notFound } from '../errors.js';
import { requeueKey } from '../numbering.js';
import { pastDayRefusal } from '../past-day.js';
import { heldTicket } from './issue.js';
import type { Ticket, WindowRuntime } from '../types.js';
import { accept, type Handler } from './decision.js';
import { findWindow, staffedByOther } from './window-access.js';

export const cancelTicket: Handler<{ ticketId: number; reason?: string }, Ticket> = (state, args, ctx) => {
  const found = state.tickets.get(args.ticketId);
  if (!found) return notFound('ticket', args.ticketId);
  if (found.status !== 'waiting') return invalidTransition(found.status, 'cancel', { number: found.number });
  const ticket: Ticket = { ...found, status: 'cancelled', finishedAt: ctx.now };
  return accept([{ type: 'ticket.cancelled', ticket, runtime: null, reason: args.reason ?? null }], ticket);
};

/** 过号顺延: a no-show who comes back goes a few places behind the head, a limited number of times. */
export const requeueTicket: Handler<{ ticketId: number }, Ticket> = (state, args, ctx) => {
  const found = state.tickets.get(args.ticketId);
  if (!found) return notFound('ticket', args.ticketId);
  if (found.status !== 'no_show') return invalidTransition(found.status, 'requeue', { number: found.number });
  const pastDay = pastDayRefusal(state, found, ctx.now);
  if (pastDay) return pastDay;
  if (found.requeues >= state.settings.maxRequeues) return domainError('REQUEUE_LIMIT', { max: state.settings.maxRequeues });
  // A no-show who took a new ticket meanwhile must not end up holding two.
  const holding = found.person ? heldTicket(state, found.person, found.serviceId) : null;
  if (holding) return domainError('ALREADY_HOLDING', { number: holding.number });
  const queueKey = requeueKey(state, found.serviceId, state.settings.requeueOffset, ctx.now);
  const ticket: Ticket = {
    ...found, status: 'waiting', queueKey, requeues: found.requeues + 1, windowId: null, staffId: null,
    calledAt: null, finishedAt: null, appointmentStartsAt: null,
  };
  return accept([{ type: 'ticket.requeued', ticket }], ticket);
};

export interface TransferArgs { ticketId: number; serviceId?: number; windowId?: number }

/**
 * A transfer ends this leg and opens a new one for the same visit: same number, same arrival time, so the
 * visitor does not lose their place for having been sent elsewhere. A visitor at a counter is moved on by whoever
 * may work that window (see staffedByOther). The target may be closed now, or served by no open window: it may open
 * soon, and the pad warns before sending anyone there; a deactivated window is not offered anywhere and never opens,
 * so it is not found.
 */
export const transferTicket: Handler<TransferArgs, Ticket> = (state, args, ctx) => {
  const found = state.tickets.get(args.ticketId);
  if (!found) return notFound('ticket', args.ticketId);
  if (found.status !== 'waiting' && found.status !== 'called' && found.status !== 'serving') {
    return invalidTransition(found.status, 'transfer', { number: found.number });
  }
  const pastDay = pastDayRefusal(state, found, ctx.now);
  if (pastDay) return pastDay;
  if (found.windowId !== null && (found.status === 'called' || found.status === 'serving')) {
    const at = findWindow(state, found.windowId);
    const refused = 'ok' in at ? null : staffedByOther(state, at, ctx.actor);
    if (refused) return refused;
  }
  const serviceId = args.serviceId ?? found.serviceId;
  const service = state.services.get(serviceId);
  if (!service) return notFound('service', serviceId);
  if (!service.active) return domainError('SERVICE_INACTIVE');
  if (args.windowId !== undefined && !state.windows.get(args.windowId)?.active) return notFound('window', args.windowId);
  if (args.windowId === undefined && serviceId === found.serviceId) return domainError('TRANSFER_SAME');

  const ended: Ticket = { ...found, status: 'transferred', finishedAt: ctx.now };
  const next: Ticket = {
    ...found, id: state.lastId.ticket + 1, status: 'waiting', channel: 'transfer', serviceId,
    targetWindowId: args.windowId ?? null, windowId: null, staffId: null, issuedAt: ctx.now, queueKey: found.arrivedAt,
    calledAt: null, startedAt: null, finishedAt: null, recalls: 0, appointmentStartsAt: null, transferredFromId: found.id,
  };
  let runtime: WindowRuntime | null = null;
  if (found.windowId !== null && (found.status === 'called' || found.status === 'serving')) {
    const current = state.runtime.get(found.windowId);
    if (current && current.currentTicketId === found.id) runtime = { ...current, currentTicketId: null, lastActionAt: ctx.now };
  }
  return accept([{ type: 'ticket.transferred', ticket: ended, next, runtime }], next);
};
