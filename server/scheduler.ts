import type { Logger } from 'pino';
import type { CommandRunner } from './command-runner.js';
import { hallDay } from './core/hall-time.js';
import type { IdentityVault } from './privacy/identity-vault.js';

/**
 * The hall's clock work: when the hall day turns (checked each minute, and once at start), yesterday is closed
 * through the same command runner as everything else, and the sealed identities of earlier days are purged.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly runner: CommandRunner, private readonly vault: IdentityVault, private readonly log: Logger) {}

  start(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), 60_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  tick(): void {
    const today = hallDay(this.runner.clock(), this.runner.state.settings.timeZone);
    const closed = this.runner.run('closeDay', {}, { kind: 'system' });
    const purged = this.vault.purgeBefore(today);
    if ((closed.ok && closed.result.ended > 0) || purged > 0) {
      this.log.info({ hallDay: today, ended: closed.ok ? closed.result.ended : 0, purged }, 'hall day closed');
    }
  }
}
