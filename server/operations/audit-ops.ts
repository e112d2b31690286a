import { AccessFilter, AccessQuery, EventsFilter, EventsQuery, maxAuditDays } from '../../protocol/audit-log.js';
import type { AccessSelection } from '../auth/access-log.js';
import { domainError, type DomainError } from '../core/errors.js';
import { addDays, hallTimeToEpoch } from '../core/hall-time.js';
import type { HallState } from '../core/types.js';
import type { EventSelection } from '../store/audit-events.js';
import { accessLine, auditCsv, eventLine, exportLookups, hallTimeText } from './audit-csv.js';
import { defineOperation } from './operation.js';
import { download } from './stats-ops.js';

const readers = ['supervisor', 'admin'] as const;
/** A file a spreadsheet opens in a moment; a selection holding more is refused with a word on how to narrow it. */
export const maxExportRows = 100_000;

/** The chosen hall days as epoch bounds on the hall's clock, or the reason they cannot be read. */
function hallDays(state: HallState, from: string, to: string): { start: number; end: number } | DomainError {
  const refuse = (reasonZh: string, reasonEn: string) => domainError('BAD_FILTER', { reasonZh, reasonEn });
  if (from > to) return refuse('开始日期晚于结束日期', 'the start is after the end');
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > maxAuditDays) return refuse(`一次最多查询 ${maxAuditDays} 天`, `at most ${maxAuditDays} days at a time`);
  const zone = state.settings.timeZone;
  return { start: hallTimeToEpoch(from, '00:00', zone), end: hallTimeToEpoch(addDays(to, 1), '00:00', zone) };
}

function eventSelection(state: HallState, q: EventsFilter): EventSelection | DomainError {
  const days = hallDays(state, q.from, q.to);
  if ('ok' in days) return days;
  return { ...days, kind: q.kind, staffId: q.staffId, windowId: q.windowId, ticketNumber: q.ticketNumber };
}

function accessSelection(state: HallState, q: AccessFilter): AccessSelection | DomainError {
  const days = hallDays(state, q.from, q.to);
  if ('ok' in days) return days;
  // A staff member's own failed sign-ins carry only the number they typed.
  const staff = q.staffId !== undefined ? { id: q.staffId, number: state.staff.get(q.staffId)?.number ?? null } : undefined;
  return { ...days, kind: q.kind, staff, windowId: q.windowId };
}

const tooMany = () => domainError('BAD_FILTER', {
  reasonZh: `超过 ${maxExportRows} 条，请缩短日期范围或增加筛选条件`, reasonEn: `more than ${maxExportRows} entries; choose fewer days or add a filter`,
});

export const listAuditEventsOp = defineOperation({
  operationId: 'listAuditEvents', method: 'GET', url: '/api/audit/events', tag: 'audit',
  summary: 'The operations log of chosen hall days, newest first, filtered by kind, operator, window or ticket number; before pages back. 业务操作日志',
  roles: [...readers], query: EventsQuery,
  async handle(ctx, { query }) {
    const selection = eventSelection(ctx.runner.state, query);
    if ('ok' in selection) return selection;
    return ctx.audit.events.page(selection, query.before ?? null, query.limit ?? 100);
  },
});

export const exportAuditEventsOp = defineOperation({
  operationId: 'exportAuditEvents', method: 'GET', url: '/api/audit/events/export', tag: 'audit',
  summary: 'The same selection of the operations log as a CSV file (UTF-8 with BOM, both languages). 业务操作日志导出',
  roles: [...readers], query: EventsFilter,
  async handle(ctx, { query }) {
    const state = ctx.runner.state;
    const selection = eventSelection(state, query);
    if ('ok' in selection) return selection;
    const lines = await ctx.audit.events.read(selection, null, maxExportRows + 1, eventLine(exportLookups(state), hallTimeText(state.settings.timeZone)));
    if (lines.length > maxExportRows) return tooMany();
    return download(await auditCsv('operations', query.from, query.to, lines));
  },
});

export const listAccessLogOp = defineOperation({
  operationId: 'listAccessLog', method: 'GET', url: '/api/audit/access', tag: 'audit',
  summary: 'Sign-ins, sign-outs, failed sign-ins, pairing codes, devices paired and revoked, newest first; before pages back. 登录与设备日志',
  roles: [...readers], query: AccessQuery,
  handle(ctx, { query }) {
    const selection = accessSelection(ctx.runner.state, query);
    if ('ok' in selection) return selection;
    return ctx.audit.access.page(selection, query.before ?? null, query.limit ?? 100);
  },
});

export const exportAccessLogOp = defineOperation({
  operationId: 'exportAccessLog', method: 'GET', url: '/api/audit/access/export', tag: 'audit',
  summary: 'The same selection of the access log as a CSV file (UTF-8 with BOM, both languages). 登录与设备日志导出',
  roles: [...readers], query: AccessFilter,
  async handle(ctx, { query }) {
    const state = ctx.runner.state;
    const selection = accessSelection(state, query);
    if ('ok' in selection) return selection;
    const entries = ctx.audit.access.read(selection, null, maxExportRows + 1);
    if (entries.length > maxExportRows) return tooMany();
    return download(await auditCsv('access', query.from, query.to, entries.map(accessLine(exportLookups(state), hallTimeText(state.settings.timeZone)))));
  },
});

export const auditOperations = [listAuditEventsOp, exportAuditEventsOp, listAccessLogOp, exportAccessLogOp];
