import { CallTicketBody, SetWindowStatusBody } from '../../protocol/commands.js';
import type { CommandName } from '../core/commands/index.js';
import { notFound } from '../core/errors.js';
import { hallDay } from '../core/hall-time.js';
import type { Ticket } from '../core/types.js';
import { windowDayCounts } from '../core/window-day.js';
import { ticketView, windowView } from '../views.js';
import { mayOperateWindow, WindowParams } from './access-rules.js';
import { actorOf } from './caller.js';
import { defineOperation, type Operation } from './operation.js';


type WindowCommand = Extract<CommandName, 'callNext' | 'recall' | 'startService' | 'finishService' | 'markNoShow'>;

/** The caller pad's buttons: each acts on the ticket at the window's counter. */
function windowButton(operationId: WindowCommand, path: string, summary: string): Operation {
  return defineOperation({
    operationId, method: 'POST', url: `/api/windows/:windowId/${path}`, tag: 'windows', summary,
    roles: ['staff', 'pad'], params: WindowParams,
    handle(ctx, { params }, caller) {
      const denied = mayOperateWindow(caller, params.windowId);
      if (denied) return denied;
      const decision = ctx.runner.run(operationId, { windowId: params.windowId }, actorOf(caller));
      return decision.ok ? ticketView(ctx.runner.state, decision.result as Ticket) : decision;
    },
  });
}

export const callTicketOp = defineOperation({
  operationId: 'callTicket', method: 'POST', url: '/api/windows/:windowId/call', tag: 'windows',
  summary: 'Call a specific ticket out of order, with a reason kept in the audit log. 指定叫号',
  roles: ['staff', 'pad'], params: WindowParams, body: CallTicketBody,
  handle(ctx, { params, body }, caller) {
    const denied = mayOperateWindow(caller, params.windowId);
    if (denied) return denied;
    const decision = ctx.runner.run('callTicket', { windowId: params.windowId, ticketId: body.ticketId, reason: body.reason }, actorOf(caller));
    return decision.ok ? ticketView(ctx.runner.state, decision.result) : decision;
  },
});

export const setWindowStatusOp = defineOperation({
  operationId: 'setWindowStatus', method: 'POST', url: '/api/windows/:windowId/status', tag: 'windows',
  summary: 'Open, pause (with a reason) or close a window; open with takeOver to take over a window a colleague staffs (顶岗). 窗口开放/暂停/关闭/接管',
  roles: ['staff', 'pad'], params: WindowParams, body: SetWindowStatusBody,
  handle(ctx, { params, body }, caller) {
    const denied = mayOperateWindow(caller, params.windowId);
    if (denied) return denied;
    const decision = ctx.runner.run('setWindowStatus', { windowId: params.windowId, ...body }, actorOf(caller));
    return decision.ok ? windowView(ctx.runner.state, decision.result) : decision;
  },
});

/**
 * Today's counts at one window, for its caller pad: read from the hall, so a pad opened mid-day on another device
 * shows the same figures as the one the clerk used all morning, and as the day's report will.
 */
export const getWindowTodayOp = defineOperation({
  operationId: 'getWindowToday', method: 'GET', url: '/api/windows/:windowId/today', tag: 'windows',
  summary: 'A window\'s counts so far today: served, no-show, transferred, as the statistics count them. 窗口今日统计',
  roles: ['staff', 'pad'], params: WindowParams,
  handle(ctx, { params }, caller) {
    const denied = mayOperateWindow(caller, params.windowId);
    if (denied) return denied;
    const state = ctx.runner.state;
    if (!state.windows.has(params.windowId)) return notFound('window', params.windowId);
    const day = hallDay(ctx.runner.clock(), state.settings.timeZone);
    return { hallDay: day, ...windowDayCounts(state, params.windowId, day) };
  },
});

export const windowOperations: Operation[] = [
  windowButton('callNext', 'call-next', 'Call the next visitor by the dispatch rule. 叫号'),
  windowButton('recall', 'recall', 'Call the current visitor again. 重呼'),
  windowButton('startService', 'start', 'The visitor is at the counter: start serving. 开始办理'),
  windowButton('finishService', 'finish', 'Finish serving the current visitor. 办结'),
  windowButton('markNoShow', 'no-show', 'The called visitor did not come. 过号'),
  callTicketOp,
  setWindowStatusOp,
  getWindowTodayOp,
];
