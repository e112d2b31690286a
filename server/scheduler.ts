import type { Logger } from 'pino';
import type { CommandRunner } from './command-runner.js';
import { addDays, hallDay } from './core/hall-time.js';
import type { IdentityVault } from './privacy/identity-vault.js';
import type { VisitRetention } from './privacy/visit-retention.js';

export interface RetentionSchedule { retention: VisitRetention; visitDays: number }

const minuteMs = 60_000;
/** Past the turn of the minute by this much, so a timer that fires a hair early still finds the new minute. */
const settleMs = 50;

/**
 * The hall's clock work, once at start and then at the turn of every minute of the hall's clock: when the hall day
 * turns, yesterday is closed through the same command runner as everything else; windows left open after the day's
 * hours are closed (after-hours.ts); the sealed identities of earlier days are purged, and visits older than the
 * retention period lose their personal data (a little each minute until caught up). Every zone's offset is whole
 * minutes, so the turn of a minute is also the hall's midnight: the day turns within moments of it, and nobody is
 * called from yesterday's queue meanwhile.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly runner: CommandRunner, private readonly vault: IdentityVault, private readonly log: Logger,
    private readonly retention?: RetentionSchedule,
  ) {}

  start(): void {
    this.tick();
    this.scheduleNext();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Timed afresh each minute from the hall's clock, so the ticks never drift off the turn of the minute. */
  private scheduleNext(): void {
    if (this.stopped) return;
    const now = this.runner.clock();
    this.timer = setTimeout(() => {
      this.tick();
      this.scheduleNext();
    }, minuteMs - (now % minuteMs) + settleMs);
    this.timer.unref();
  }

  tick(): void {
    // A full disk or a failing write must not take the hall down from a timer: the next minute tries again.
    try {
      const today = hallDay(this.runner.clock(), this.runner.state.settings.timeZone);
      const closed = this.runner.run('closeDay', {}, { kind: 'system' });
      const purged = this.vault.purgeBefore(today);
      if ((closed.ok && closed.result.ended > 0) || purged > 0) {
        this.log.info({ hallDay: today, ended: closed.ok ? closed.result.ended : 0, purged }, 'hall day closed');
      }
      const afterHours = this.runner.run('closeWindowsAfterHours', {}, { kind: 'system' });
      if (afterHours.ok && afterHours.result.closed > 0) this.log.info({ windows: afterHours.result.closed }, 'windows left open after hours closed');
      if (closed.ok) this.forgetExpiredVisits(today);
    } catch (err) {
      this.log.error({ err }, 'scheduled work failed');
    }
  }

  /** Never a day the live queue still holds: those records change in memory, and memory would write them back. */
  private forgetExpiredVisits(today: string): void {
    if (!this.retention) return;
    const state = this.runner.state;
    let before = addDays(today, -this.retention.visitDays);
    for (const t of state.tickets.values()) if (t.hallDay < before) before = t.hallDay;
    for (const a of state.appointments.values()) if (a.date < before) before = a.date;
    const pass = this.retention.retention.purge(before, state.settings.timeZone, this.runner.clock());
    if (pass.tickets > 0 || pass.appointments > 0) {
      this.log.info({ before, days: pass.days.length, tickets: pass.tickets, appointments: pass.appointments, events: pass.events }, 'expired visits anonymised');
    }
  }
}
