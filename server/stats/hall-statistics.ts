import type { ExportFormat, StatsDimension, StatsReport, WindowReport } from '../../protocol/stats.js';
import type { CommandRunner } from '../command-runner.js';
import type { Push } from '../devices/notifier.js';
import type { Db } from '../store/database.js';
import { statsColumns, windowReportColumns } from './columns.js';
import { toCsv, toXlsx, type ExportSheet } from './export-files.js';
import { statisticsReport } from './report.js';
import { WarningWatcher } from './warning-watcher.js';
import { windowReport } from './window-report.js';

export interface ExportFile { filename: string; contentType: string; body: Buffer }

const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * The hall's figures: statistics reports, the monthly window report, their exports, and the live warnings watcher.
 * Reads go to the same SQLite connection as the commands: better-sqlite3 is synchronous, so a report runs between
 * two commands and always sees a consistent hall.
 */
export class HallStatistics {
  readonly warnings: WarningWatcher;

  constructor(readonly db: Db, private readonly runner: CommandRunner, push: Push) {
    this.warnings = new WarningWatcher(runner, push);
  }

  start(): void {
    this.warnings.start();
  }

  stop(): void {
    this.warnings.stop();
  }

  report(query: { from: string; to: string; by: StatsDimension }): StatsReport {
    return statisticsReport(this.db, this.runner.state, query, this.runner.clock());
  }

  windowReport(month: string): WindowReport {
    return windowReport(this.db, this.runner.state, month, this.runner.clock());
  }

  async exportReport(query: { from: string; to: string; by: StatsDimension }, format: ExportFormat): Promise<ExportFile> {
    const report = this.report(query);
    const sheet: ExportSheet<StatsReport['total']> = { title: `${query.from}~${query.to} ${query.by}`, columns: statsColumns, rows: report.rows, total: report.total };
    return file(`statistics-${query.from}-${query.to}-${query.by}`, sheet, format);
  }

  async exportWindowReport(month: string, format: ExportFormat): Promise<ExportFile> {
    const report = this.windowReport(month);
    // The total row has no window (id 0): its rank and window number cells stay blank.
    const total = { ...report.total, windowId: 0, windowNumber: 0, servedPerOpenHour: null, rank: null };
    return file(`window-report-${month}`, { title: `${month} 窗口效能`, columns: windowReportColumns, rows: report.rows, total }, format);
  }
}

async function file<R>(name: string, sheet: ExportSheet<R>, format: ExportFormat): Promise<ExportFile> {
  const body = format === 'csv' ? toCsv(sheet) : await toXlsx(sheet);
  return { filename: `${name}.${format}`, contentType: contentTypes[format], body };
}
