import { describe, expect, it } from 'vitest';
import type { TicketView, WindowView } from '../../../protocol/queue-entities.js';
import type { HallSnapshot } from '../../../protocol/realtime.js';
import { enabledActions } from '../../../caller-pad/src/desk/action-rules.js';
import { applyDeskEvent, deskFromSnapshot } from '../../../caller-pad/src/desk/desk-state.js';
import { actionForKey } from '../../../caller-pad/src/desk/shortcuts.js';
import { tierMap, tierOf } from '../../../caller-pad/src/desk/tiers.js';

const ticket = (over: Partial<TicketView>): TicketView => ({
  id: 1, visitId: 1, number: 'A001', status: 'waiting', channel: 'kiosk', serviceId: 1, serviceName: { zh: '社保', en: 'Pension' },
  areaId: 1, person: null, priorityClassId: null, windowId: null, windowNumber: null, targetWindowId: null, arrivedAt: 0,
  queueKey: 0, calledAt: null, startedAt: null, finishedAt: null, recalls: 0, requeues: 0, hallDay: '2025-01-06', ...over,
});
const windowView = (over: Partial<WindowView>): WindowView => ({
  id: 3, number: 3, name: { zh: '3号窗口', en: 'Window 3' }, areaId: 1, status: 'open', pauseReason: null, staffId: 1, staffName: 'x',
  currentTicket: null, ...over,
});
const snapshot = (waiting: TicketView[], recentCalls: TicketView[] = []): HallSnapshot => ({
  kind: 'hall', hall: { name: { zh: '厅', en: 'Hall' }, notice: { zh: '-', en: '' }, hallDay: '2025-01-06', timeZone: 'Asia/Shanghai', yellowWaitMinutes: 20, redWaitMinutes: 40 },
  areas: [], services: [], windows: [{ ...windowView({}), lastTicket: null }], waiting, recentCalls, forecasts: [],
});
const servedHere = (t: TicketView) => t.serviceId === 1 || t.targetWindowId === 3;

describe('the desk state of a caller pad', () => {
  it('keeps the waiting list in queue order as tickets are issued, called and re-queued', () => {
    let s = deskFromSnapshot(snapshot([ticket({ id: 2, number: 'A002', queueKey: 20 })]), 5, 3);
    s = applyDeskEvent(s, { type: 'ticket.issued', at: 1, ticket: ticket({ id: 1, number: 'A001', queueKey: 10 }) }, 6, 3, servedHere);
    s = applyDeskEvent(s, { type: 'ticket.issued', at: 1, ticket: ticket({ id: 9, serviceId: 7, queueKey: 5 }) }, 7, 3, servedHere);
    expect(s.waiting.map((t) => t.number)).toEqual(['A001', 'A002']);
    const called = ticket({ id: 1, status: 'called', windowId: 3 });
    s = applyDeskEvent(s, { type: 'ticket.called', at: 2, ticket: called, window: windowView({ currentTicket: called }) }, 8, 3, servedHere);
    expect(s.waiting.map((t) => t.id)).toEqual([2]);
    expect(s.window?.currentTicket?.id).toBe(1);
    expect(s.seq).toBe(8);
  });

  it('drops a transferred ticket that leaves this window and adds one sent to it', () => {
    let s = deskFromSnapshot(snapshot([ticket({ id: 2 })]), 1, 3);
    const away = ticket({ id: 5, serviceId: 7 });
    s = applyDeskEvent(s, { type: 'ticket.transferred', at: 1, previous: ticket({ id: 2, status: 'transferred' }), ticket: away }, 2, 3, servedHere);
    expect(s.waiting).toEqual([]);
    const here = ticket({ id: 6, serviceId: 7, targetWindowId: 3 });
    s = applyDeskEvent(s, { type: 'ticket.transferred', at: 1, previous: ticket({ id: 4, serviceId: 7, status: 'transferred' }), ticket: here }, 3, 3, servedHere);
    expect(s.waiting.map((t) => t.id)).toEqual([6]);
  });

  it('remembers this window\'s no-shows until they are re-queued', () => {
    let s = deskFromSnapshot(snapshot([]), 1, 3);
    const gone = ticket({ id: 4, status: 'no_show', windowId: 3 });
    s = applyDeskEvent(s, { type: 'ticket.noShow', at: 1, ticket: gone, window: windowView({}) }, 2, 3, servedHere);
    expect(s.noShows.map((t) => t.id)).toEqual([4]);
    s = applyDeskEvent(s, { type: 'ticket.requeued', at: 2, ticket: ticket({ id: 4, queueKey: 3 }) }, 3, 3, servedHere);
    expect(s.noShows).toEqual([]);
    expect(s.waiting.map((t) => t.id)).toEqual([4]);
  });
});

describe('tiers of a window', () => {
  it('puts transfers to the window first, then main and backup services; a comprehensive window serves all as main', () => {
    const win = {
      id: 3, number: 3, name: { zh: '3', en: '3' }, areaId: 1, comprehensive: false, priorityRule: 'hall' as const, ledAddress: null, active: true,
      services: [{ serviceId: 1, tier: 1 as const }, { serviceId: 2, tier: 2 as const }],
    };
    const tiers = tierMap(win, []);
    expect(tierOf(ticket({ serviceId: 2 }), 3, tiers)).toBe(2);
    expect(tierOf(ticket({ serviceId: 9, targetWindowId: 3 }), 3, tiers)).toBe('transfer');
    expect(tierOf(ticket({ serviceId: 1, targetWindowId: 4 }), 3, tiers)).toBeNull();
    const all = tierMap({ ...win, comprehensive: true, services: [] }, [{ id: 1, active: true }, { id: 5, active: true }, { id: 6, active: false }]);
    expect([...all.entries()]).toEqual([[1, 1], [5, 1]]);
  });
});

describe('which buttons are enabled', () => {
  const base = { windowStatus: 'open' as const, current: null, waitingCount: 2, hasIdentity: true, online: true };

  it('offers call next only with nobody at the counter and somebody waiting', () => {
    expect([...enabledActions(base)].sort()).toEqual(['callNext', 'callTicket', 'close', 'pause']);
    expect(enabledActions({ ...base, waitingCount: 0 }).has('callNext')).toBe(false);
  });

  it('follows the ticket at the counter: called, then serving', () => {
    expect([...enabledActions({ ...base, current: 'called' })].sort()).toEqual(['fill', 'noShow', 'recall', 'start', 'transfer']);
    expect([...enabledActions({ ...base, current: 'serving', hasIdentity: false })].sort()).toEqual(['finish', 'transfer']);
  });

  it('offers only opening on a closed window, only resuming or closing on a paused one, and nothing offline', () => {
    expect([...enabledActions({ ...base, windowStatus: 'closed' })]).toEqual(['open']);
    expect([...enabledActions({ ...base, windowStatus: 'paused' })].sort()).toEqual(['close', 'resume']);
    expect(enabledActions({ ...base, online: false }).size).toBe(0);
  });

  it('maps function keys to enabled actions only', () => {
    expect(actionForKey('F1', new Set(['callNext']))).toBe('callNext');
    expect(actionForKey('F1', new Set(['recall']))).toBeNull();
    expect(actionForKey('F7', new Set(['resume']))).toBe('resume');
  });
});
