import type { HallSettings, Service } from '../../protocol/config-entities.js';
import type { ExportFormat, StatsDimension, StatsReport, WindowReport } from '../../protocol/stats.js';
import { emptyState } from '../core/state.js';
import type { Db } from '../store/database.js';
import { statsColumns, windowReportColumns } from './columns.js';
import { toCsv, toXlsx, type ExportSheet } from './export-files.js';
import { statisticsReport } from './report.js';
import { windowReport } from './window-report.js';

export type PeriodQuery = { from: string; to: string; by: StatsDimension };

/** What a client can ask the statistics for: plain data, so it can be posted to the statistics thread. */
export type StatsRequest =
  | { kind: 'report'; query: PeriodQuery }
  | { kind: 'windowReport'; month: string }
  | { kind: 'exportReport'; query: PeriodQuery; format: ExportFormat }
  | { kind: 'exportWindowReport'; month: string; format: ExportFormat };

export interface ExportFile { filename: string; contentType: string; body: Buffer }

export interface StatsAnswers { report: StatsReport; windowReport: WindowReport; exportReport: ExportFile; exportWindowReport: ExportFile }

/**
 * The part of the hall's memory the figures depend on, taken when the request is made: the time zone and the
 * opening hours of the hall and of each service (for lunch-break and extended-hours counts), and the hall's clock.
 */
export interface StatsFacts { settings: HallSettings; services: Map<number, Service>; now: number }

const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Answers one request from the database. The queries run in one read transaction, so a report made while the hall
 * keeps writing adds up: every figure comes from the same moment of the hall.
 */
export async function answer(db: Db, facts: StatsFacts, request: StatsRequest): Promise<StatsAnswers[StatsRequest['kind']]> {
  const state = { ...emptyState(facts.settings), services: facts.services };
  const read = <T>(fn: () => T): T => db.transaction(fn)();
  switch (request.kind) {
    case 'report':
      return read(() => statisticsReport(db, state, request.query, facts.now));
    case 'windowReport':
      return read(() => windowReport(db, state, request.month, facts.now));
    case 'exportReport': {
      const { query, format } = request;
      const report = read(() => statisticsReport(db, state, query, facts.now));
      const sheet: ExportSheet<StatsReport['total']> = { title: `${query.from}~${query.to} ${query.by}`, columns: statsColumns, rows: report.rows, total: report.total };
      return file(`statistics-${query.from}-${query.to}-${query.by}`, sheet, format);
    }
    case 'exportWindowReport': {
      const { month, format } = request;
      const report = read(() => windowReport(db, state, month, facts.now));
      // The total row has no window (id 0): its rank and window number cells stay blank.
      const total = { ...report.total, windowId: 0, windowNumber: 0, servedPerOpenHour: null, rank: null };
      return file(`window-report-${month}`, { title: `${month} 窗口效能`, columns: windowReportColumns, rows: report.rows, total }, format);
    }
  }
}

async function file<R>(name: string, sheet: ExportSheet<R>, format: ExportFormat): Promise<ExportFile> {
  const body = format === 'csv' ? toCsv(sheet) : await toXlsx(sheet);
  return { filename: `${name}.${format}`, contentType: contentTypes[format], body };
}
