import { domainError, invalidTransition, notFound } from '../errors.js';
import { countCall, dispatchContext, pickNext, tiersOf } from '../dispatch.js';
import { hallDay } from '../hall-time.js';
import { pastDayRefusal } from '../past-day.js';
import type { Ticket, WindowRuntime } from '../types.js';
import { accept, type Handler } from './decision.js';
import { creditedStaff, windowReadyToCall, windowWithTicket } from './window-access.js';

export const callNext: Handler<{ windowId: number }, Ticket> = (state, args, ctx) => {
  const at = windowReadyToCall(state, args.windowId, ctx.actor);
  if ('ok' in at) return at;
  const dctx = { ...dispatchContext(state, at.window, at.runtime, ctx.now), today: hallDay(ctx.now, state.settings.timeZone) };
  const pick = pickNext(dctx, state.active.values());
  if (!pick) return domainError('QUEUE_EMPTY');
  const ticket: Ticket = { ...pick.ticket, status: 'called', windowId: at.window.id, staffId: creditedStaff(at.runtime, ctx.actor), calledAt: ctx.now };
  const runtime: WindowRuntime = { ...at.runtime, currentTicketId: ticket.id, ratio: countCall(dctx.rule, at.runtime.ratio, pick.reason), lastActionAt: ctx.now };
  return accept([{ type: 'ticket.called', ticket, runtime, outOfOrderReason: null }], ticket);
};

/** Calling a specific ticket out of order: allowed with a reason, which the event keeps for the audit log. */
export const callTicket: Handler<{ windowId: number; ticketId: number; reason: string }, Ticket> = (state, args, ctx) => {
  const at = windowReadyToCall(state, args.windowId, ctx.actor);
  if ('ok' in at) return at;
  const target = state.tickets.get(args.ticketId);
  if (!target) return notFound('ticket', args.ticketId);
  if (target.status !== 'waiting') return invalidTransition(target.status, 'call', { number: target.number });
  const pastDay = pastDayRefusal(state, target, ctx.now);
  if (pastDay) return pastDay;
  if (target.targetWindowId !== null && target.targetWindowId !== at.window.id) return domainError('NOT_SERVED_HERE');
  // Out of order, not out of scope: a ticket for a service this window does not handle must be transferred here.
  if (target.targetWindowId === null && !tiersOf(state, at.window).has(target.serviceId)) return domainError('NOT_SERVED_HERE');
  const ticket: Ticket = { ...target, status: 'called', windowId: at.window.id, staffId: creditedStaff(at.runtime, ctx.actor), calledAt: ctx.now };
  const runtime: WindowRuntime = { ...at.runtime, currentTicketId: ticket.id, lastActionAt: ctx.now };
  return accept([{ type: 'ticket.called', ticket, runtime, outOfOrderReason: args.reason }], ticket);
};

export const recall: Handler<{ windowId: number }, Ticket> = (state, args, ctx) => {
  const at = windowWithTicket(state, args.windowId, ctx.actor);
  if ('ok' in at) return at;
  if (at.ticket.status !== 'called') return invalidTransition(at.ticket.status, 'recall', { number: at.ticket.number });
  const ticket: Ticket = { ...at.ticket, recalls: at.ticket.recalls + 1 };
  return accept([{ type: 'ticket.recalled', ticket, runtime: { ...at.runtime, lastActionAt: ctx.now } }], ticket);
};

export const startService: Handler<{ windowId: number }, Ticket> = (state, args, ctx) => {
  const at = windowWithTicket(state, args.windowId, ctx.actor);
  if ('ok' in at) return at;
  if (at.ticket.status !== 'called') return invalidTransition(at.ticket.status, 'start', { number: at.ticket.number });
  const ticket: Ticket = { ...at.ticket, status: 'serving', startedAt: ctx.now };
  return accept([{ type: 'ticket.started', ticket, runtime: { ...at.runtime, lastActionAt: ctx.now } }], ticket);
};

export const finishService: Handler<{ windowId: number }, Ticket> = (state, args, ctx) => {
  const at = windowWithTicket(state, args.windowId, ctx.actor);
  if ('ok' in at) return at;
  if (at.ticket.status !== 'serving') return invalidTransition(at.ticket.status, 'finish', { number: at.ticket.number });
  const ticket: Ticket = { ...at.ticket, status: 'done', finishedAt: ctx.now };
  return accept([{ type: 'ticket.finished', ticket, runtime: { ...at.runtime, currentTicketId: null, lastActionAt: ctx.now } }], ticket);
};

export const markNoShow: Handler<{ windowId: number }, Ticket> = (state, args, ctx) => {
  const at = windowWithTicket(state, args.windowId, ctx.actor);
  if ('ok' in at) return at;
  if (at.ticket.status !== 'called') return invalidTransition(at.ticket.status, 'noShow', { number: at.ticket.number });
  const ticket: Ticket = { ...at.ticket, status: 'no_show', finishedAt: ctx.now };
  return accept([{ type: 'ticket.noShow', ticket, runtime: { ...at.runtime, currentTicketId: null, lastActionAt: ctx.now } }], ticket);
};
