import { describe, expect, it } from 'vitest';
import type { TicketView } from '../../../protocol/queue-entities.js';
import type { HallSnapshot } from '../../../protocol/realtime.js';
import { describeActor, describeEvent, type Lookups } from '../../../protocol/audit-sentences.js';
import { applyMonitorEvent, monitorFromSnapshot, serviceLoads } from '../../../admin-ui/src/pages/monitor/monitor-model.js';

const minute = 60_000;
const ticket = (over: Partial<TicketView>): TicketView => ({
  id: 1, visitId: 1, number: 'A001', status: 'waiting', channel: 'kiosk', serviceId: 1, serviceName: { zh: '社保', en: 'Pension' },
  areaId: 1, person: null, priorityClassId: null, windowId: null, windowNumber: null, targetWindowId: null, arrivedAt: 0,
  queueKey: 0, calledAt: null, startedAt: null, finishedAt: null, recalls: 0, requeues: 0, hallDay: '2025-01-06', ...over,
});
const service = (id: number, prefix: string) => ({
  id, code: `S${id}`, areaId: 1, name: { zh: prefix, en: prefix }, prefix, idRequired: false, onlineAllowed: true, active: true,
});
const window3 = { id: 3, number: 3, name: { zh: '3号窗口', en: 'Window 3' }, areaId: 1, status: 'open' as const, pauseReason: null, staffId: 1, staffName: '甲', currentTicket: null };
const snapshot = (waiting: TicketView[]): HallSnapshot => ({
  kind: 'hall',
  hall: { name: { zh: '厅', en: 'Hall' }, notice: { zh: '-', en: '' }, hallDay: '2025-01-06', timeZone: 'Asia/Shanghai', yellowWaitMinutes: 20, redWaitMinutes: 40 },
  areas: [], services: [service(1, 'A'), service(2, 'B'), service(3, 'C')], windows: [{ ...window3, lastTicket: null }],
  waiting, recentCalls: [], forecasts: [],
});

describe('the live hall monitor', () => {
  it('lights a service yellow or red from its longest wait against the hall thresholds', () => {
    const now = 100 * minute;
    const state = monitorFromSnapshot(snapshot([
      ticket({ id: 1, serviceId: 1, arrivedAt: now - 45 * minute }), ticket({ id: 2, serviceId: 1, arrivedAt: now - 5 * minute }),
      ticket({ id: 3, serviceId: 2, arrivedAt: now - 20 * minute }),
    ]), 1);
    const loads = serviceLoads(state, now).map((l) => [l.service.prefix, l.waiting, l.longestMinutes, l.level, l.overRed]);
    expect(loads).toEqual([['A', 2, 45, 'red', 1], ['B', 1, 20, 'yellow', 0], ['C', 0, 0, 'normal', 0]]);
  });

  it('moves a called ticket from the queue to its window', () => {
    let state = monitorFromSnapshot(snapshot([ticket({ id: 1 })]), 1);
    const called = ticket({ id: 1, status: 'called', windowId: 3 });
    state = applyMonitorEvent(state, { type: 'ticket.called', at: 1, ticket: called, window: { ...window3, currentTicket: called } }, 2);
    expect(state.waiting).toEqual([]);
    expect(state.windows[0].currentTicket?.number).toBe('A001');
    expect(state.windows[0].lastTicket?.id).toBe(1);
  });
});

describe('the audit log in words', () => {
  const lookups: Lookups = {
    staffName: (id) => (id === 7 ? '李红' : null), windowNumber: (id) => (id === 3 ? 3 : null),
    serviceName: (id) => (id === 1 ? { zh: '社保参保登记', en: 'Pension Enrolment' } : null), areaName: () => null,
  };

  it('says who acted, by name and role, or which device', () => {
    expect(describeActor({ kind: 'staff', staffId: 7, role: 'staff' }, lookups)).toEqual({ zh: '李红（工作人员）', en: '李红 (staff)' });
    expect(describeActor({ kind: 'device', deviceId: 2, role: 'kiosk' }, lookups)).toEqual({ zh: '取号机 设备#2', en: 'kiosk device #2' });
  });

  it('says what happened, with the out-of-order reason and only the masked name', () => {
    const person = { nameMasked: '张*', idHash: 'secret-hash', idMasked: '1101**' };
    const payload = { ticket: { number: 'A001', serviceId: 1, channel: 'kiosk', person }, runtime: { windowId: 3 }, outOfOrderReason: '预约到场' };
    const called = describeEvent({ seq: 1, at: 0, type: 'ticket.called', actor: { kind: 'system' }, payload }, lookups);
    expect(called).toEqual({ zh: '3号窗口 呼叫 A001（指定叫号，原因：预约到场）', en: 'Window 3 called A001 (out of turn, reason: 预约到场)' });
    const issued = describeEvent({ seq: 2, at: 0, type: 'ticket.issued', actor: { kind: 'system' }, payload }, lookups);
    expect(issued).toEqual({ zh: '取号 A001（张*）：社保参保登记，渠道：取号机', en: 'Ticket A001 (张*) issued: Pension Enrolment, channel: kiosk' });
    expect(JSON.stringify(issued)).not.toContain('secret-hash');
    const runtime = { windowId: 3, status: 'paused', pauseReason: 'lunch' };
    const paused = describeEvent({ seq: 3, at: 0, type: 'window.statusChanged', actor: { kind: 'system' }, payload: { runtime } }, lookups);
    expect(paused).toEqual({ zh: '3号窗口 暂停（午休）', en: 'Window 3 paused (lunch)' });
  });

  it('says who took a window over, and reads ratings, case numbers and follow-up steps out in words', () => {
    const lookupsWith = { ...lookups, staffName: (id: number) => ({ 7: '李红', 8: '王芳' } as Record<number, string>)[id] ?? null };
    const takeOver = { runtime: { windowId: 3, status: 'open', staffId: 8 }, takeOver: { fromStaffId: 7, ticket: { number: 'A002' } } };
    expect(describeEvent({ seq: 5, at: 0, type: 'window.statusChanged', actor: { kind: 'staff', staffId: 8, role: 'staff' }, payload: takeOver }, lookupsWith))
      .toEqual({ zh: '3号窗口 开放：王芳 接管（顶岗），原值守 李红，柜台前 A002 改由其办理', en: 'Window 3 open: taken over by 王芳 from 李红, who now serves A002 at the counter' });
    const rating = { rating: { number: 'A001', level: 1, reasons: ['attitude'] }, followUp: { id: 4 } };
    expect(describeEvent({ seq: 6, at: 0, type: 'rating.recorded', actor: { kind: 'public' }, payload: rating }, lookups))
      .toEqual({ zh: '评价 A001：非常不满意（服务态度），差评跟进 #4 立案', en: 'Rating of A001: Very dissatisfied (Attitude); follow-up case #4 opened' });
    expect(describeEvent({ seq: 7, at: 0, type: 'case.numbered', actor: { kind: 'system' }, payload: { caseNumber: 'SB-1', rating: null } }, lookups))
      .toEqual({ zh: '登记办件编号 SB-1', en: 'Case number SB-1 recorded' });
    const followUp = { followUp: { id: 4, number: 'A001', history: [{ action: 'open' }, { action: 'contact' }] }, voidedRatingId: null };
    expect(describeEvent({ seq: 8, at: 0, type: 'followUp.updated', actor: { kind: 'staff', staffId: 7, role: 'supervisor' }, payload: followUp }, lookups))
      .toEqual({ zh: '差评跟进 #4（A001）：回访', en: 'Follow-up case #4 (A001): Contacted' });
  });

  it('names the day a midnight close begins, not as the day it closed', () => {
    const close = describeEvent({ seq: 9, at: 0, type: 'day.closed', actor: { kind: 'system' }, payload: { hallDay: '2026-11-24', tickets: [], appointments: [], runtimes: [] } }, lookups);
    expect(close).toEqual({ zh: '新的营业日 2026-11-24 开始，此前未办结的号码已结束', en: 'Hall day 2026-11-24 began; tickets left from earlier days were ended' });
  });

  it('still shows an event type it does not know', () => {
    expect(describeEvent({ seq: 4, at: 0, type: 'rating.given', actor: { kind: 'public' }, payload: {} }, lookups)).toEqual({ zh: 'rating.given', en: 'rating.given' });
  });
});
