import type { ExportFormat, StatsReport, WindowReport } from '../../protocol/stats.js';
import type { CommandRunner } from '../command-runner.js';
import type { Push } from '../devices/notifier.js';
import type { Db } from '../store/database.js';
import { answer, type ExportFile, type PeriodQuery, type StatsAnswers, type StatsFacts, type StatsRequest } from './stats-requests.js';
import { StatsThread } from './stats-thread.js';
import { WarningWatcher } from './warning-watcher.js';

export type { ExportFile } from './stats-requests.js';

/**
 * The hall's figures: statistics reports, the monthly window report, their exports, and the live warnings watcher.
 * A month's report of a busy hall is seconds of work; on the event loop every ticket issued and every call would
 * wait behind it, so reports run on a statistics thread with its own read-only connection to the database file.
 * An in-memory database cannot be opened twice: there the reports run here, as they did before the thread.
 * The live warnings stay here: they read the hall's memory, not SQL, and cost next to nothing.
 */
export class HallStatistics {
  readonly warnings: WarningWatcher;
  /** The statistics thread, or null where reports run in this thread (an in-memory database). */
  readonly thread: StatsThread | null;

  constructor(readonly db: Db, private readonly runner: CommandRunner, push: Push) {
    this.warnings = new WarningWatcher(runner, push);
    this.thread = db.memory ? null : new StatsThread(db.name);
  }

  start(): void {
    this.warnings.start();
  }

  /** Synchronous in effect: the thread is told to end at once; the promise is for those who wait for it to be gone. */
  stop(): Promise<void> {
    this.warnings.stop();
    return this.thread?.close() ?? Promise.resolve();
  }

  report(query: PeriodQuery): Promise<StatsReport> {
    return this.ask({ kind: 'report', query });
  }

  windowReport(month: string): Promise<WindowReport> {
    return this.ask({ kind: 'windowReport', month });
  }

  exportReport(query: PeriodQuery, format: ExportFormat): Promise<ExportFile> {
    return this.ask({ kind: 'exportReport', query, format });
  }

  exportWindowReport(month: string, format: ExportFormat): Promise<ExportFile> {
    return this.ask({ kind: 'exportWindowReport', month, format });
  }

  private ask<K extends StatsRequest['kind']>(request: Extract<StatsRequest, { kind: K }>): Promise<StatsAnswers[K]> {
    const state = this.runner.state;
    const facts: StatsFacts = { settings: state.settings, services: state.services, now: this.runner.clock() };
    if (this.thread) return this.thread.ask(request, facts);
    return answer(this.db, facts, request) as Promise<StatsAnswers[K]>;
  }
}
