import type { LiveWarning } from '../../protocol/stats.js';
import { ratingLevelNames, ratingReasonNames } from '../../protocol/ratings.js';
import type { CommandRunner, CommittedEvent } from '../command-runner.js';
import type { Push } from '../devices/notifier.js';
import type { Caller } from '../operations/caller.js';
import { liveWarnings, nextWarningChange } from './live-warnings.js';

const hallScreens = (caller: Caller, follow: { scope: string } | null) => caller.kind === 'staff' && follow?.scope === 'hall';
const supervisors = (caller: Caller) => caller.kind === 'staff' && caller.roles.includes('supervisor');

/**
 * Pushes the hall's yellow and red lights to the staff screens that follow the whole hall, whenever the set of
 * lights changes: at the moment the next wait, service or deadline crosses its threshold (they do with nobody doing
 * anything), and soon after each command, because a call or a finish clears one. A bad rating goes to the
 * supervisors at once.
 */
export class WarningWatcher {
  private timer: NodeJS.Timeout | null = null;
  private soon: NodeJS.Timeout | null = null;
  private lastSignature = '';
  private running = false;

  /** `intervalMs`: the longest the watcher sleeps, so a clock set forward is noticed too. */
  constructor(private readonly runner: CommandRunner, private readonly push: Push, private readonly intervalMs = 15_000) {
    runner.onCommitted((batch) => this.committed(batch));
  }

  start(): void {
    this.running = true;
    this.tick();
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    if (this.soon) clearTimeout(this.soon);
  }

  current(): LiveWarning[] {
    return liveWarnings(this.runner.state, this.runner.clock());
  }

  /** Sends the whole list when it differs from the last one sent; returns how many screens got it. */
  tick(): number {
    const now = this.runner.clock();
    this.wakeAtNextChange(now);
    const warnings = liveWarnings(this.runner.state, now);
    const signature = warnings.map((w) => `${w.key}:${w.level}`).join('|');
    if (signature === this.lastSignature) return 0;
    this.lastSignature = signature;
    return this.push(hallScreens, { type: 'warnings', at: now, warnings });
  }

  private wakeAtNextChange(now: number): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    const next = nextWarningChange(this.runner.state, now);
    const delay = next === null ? this.intervalMs : Math.min(this.intervalMs, Math.max(0, next - now));
    this.timer = setTimeout(() => this.tick(), delay);
    this.timer.unref();
  }

  private committed(batch: CommittedEvent[]): void {
    if (!this.running) return;
    for (const { event, at } of batch) {
      if (event.type !== 'rating.recorded' || !event.followUp) continue;
      const r = event.rating;
      const reasons = r.reasons.map((x) => ratingReasonNames[x]);
      this.push(supervisors, {
        type: 'alert',
        alert: {
          code: 'BAD_RATING', deviceId: null, at,
          message: {
            zh: `差评：${r.number} ${ratingLevelNames[r.level].zh}（${reasons.map((x) => x.zh).join('、')}），请在时限内回访`,
            en: `Bad rating: ${r.number} ${ratingLevelNames[r.level].en} (${reasons.map((x) => x.en).join(', ')}); call the visitor back in time`,
          },
        },
      });
    }
    // Many commands come in bursts (a morning rush): one look at the lights after the burst is enough.
    if (!this.soon) {
      this.soon = setTimeout(() => { this.soon = null; if (this.running) this.tick(); }, 250);
      this.soon.unref();
    }
  }
}
