import { z } from 'zod';
import { ExportFormat, StatsDimension } from '../../protocol/stats.js';
import { DayDate } from '../../protocol/config-entities.js';
import { domainError, type DomainError } from '../core/errors.js';
import type { ExportFile } from '../stats/hall-statistics.js';
import { maxPeriodDays } from '../stats/period.js';
import { defineOperation } from './operation.js';

const Period = { from: DayDate, to: DayDate, by: StatsDimension.default('day') };
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'YYYY-MM');
const readers = ['supervisor', 'admin'] as const;

function periodError(from: string, to: string): DomainError | null {
  if (from > to) return domainError('BAD_PERIOD', { reasonZh: '开始日期晚于结束日期', reasonEn: 'the start is after the end' });
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;
  if (days > maxPeriodDays) return domainError('BAD_PERIOD', { reasonZh: `最长 ${maxPeriodDays} 天`, reasonEn: `at most ${maxPeriodDays} days` });
  return null;
}

/** A download goes out as a fetch Response with its own type and file name; the HTTP layer passes it through. */
export function download(file: ExportFile): Response {
  return new Response(new Uint8Array(file.body), {
    status: 200,
    headers: {
      'content-type': file.contentType, 'content-length': String(file.body.length), 'cache-control': 'no-store',
      'content-disposition': `attachment; filename="${file.filename}"`,
    },
  });
}

export const getStatisticsOp = defineOperation({
  operationId: 'getStatistics', method: 'GET', url: '/api/stats', tag: 'stats',
  summary: 'Figures of a period by hour, day, month, service, window, staff or area, with the total. 统计',
  roles: [...readers], query: z.object(Period).strict(),
  async handle(ctx, { query }) {
    return periodError(query.from, query.to) ?? await ctx.stats.report({ from: query.from, to: query.to, by: query.by ?? 'day' });
  },
});

export const exportStatisticsOp = defineOperation({
  operationId: 'exportStatistics', method: 'GET', url: '/api/stats/export', tag: 'stats',
  summary: 'The same figures as a CSV or XLSX file. 统计导出',
  roles: [...readers], query: z.object({ ...Period, format: ExportFormat.default('xlsx') }).strict(),
  async handle(ctx, { query }) {
    const refused = periodError(query.from, query.to);
    if (refused) return refused;
    return download(await ctx.stats.exportReport({ from: query.from, to: query.to, by: query.by ?? 'day' }, query.format ?? 'xlsx'));
  },
});

export const getWindowReportOp = defineOperation({
  operationId: 'getWindowReport', method: 'GET', url: '/api/stats/window-report', tag: 'stats',
  summary: 'The monthly window efficiency report, ranked by visitors served per open hour. 窗口效能月报',
  roles: [...readers], query: z.object({ month: Month }).strict(),
  handle: (ctx, { query }) => ctx.stats.windowReport(query.month),
});

export const exportWindowReportOp = defineOperation({
  operationId: 'exportWindowReport', method: 'GET', url: '/api/stats/window-report/export', tag: 'stats',
  summary: 'The monthly window efficiency report as a CSV or XLSX file. 窗口效能月报导出',
  roles: [...readers], query: z.object({ month: Month, format: ExportFormat.default('xlsx') }).strict(),
  async handle(ctx, { query }) {
    return download(await ctx.stats.exportWindowReport(query.month, query.format ?? 'xlsx'));
  },
});

export const listLiveWarningsOp = defineOperation({
  operationId: 'listLiveWarnings', method: 'GET', url: '/api/stats/warnings', tag: 'stats',
  summary: 'The yellow and red lights now (waits, service times, overdue follow-ups); pushed as "warnings" when they change. 预警',
  roles: ['staff'],
  handle: (ctx) => ({ at: ctx.runner.clock(), warnings: ctx.stats.warnings.current() }),
});

export const statsOperations = [getStatisticsOp, exportStatisticsOp, getWindowReportOp, exportWindowReportOp, listLiveWarningsOp];
