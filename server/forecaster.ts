import type { Forecast } from '../protocol/queue-entities.js';
import { forecastQueue } from './core/forecast.js';
import type { HallState } from './core/types.js';

/**
 * Positions and waits are recomputed at most once per interval, never on the call path: a call reaches the boards
 * first, and phones learn their new position within the second.
 */
export class Forecaster {
  private current = new Map<number, Forecast>();
  private computedAt = -Infinity;
  private dirty = true;

  constructor(private readonly state: HallState, private readonly clock: () => number, private readonly maxAgeMs: number) {}

  invalidate(): void {
    this.dirty = true;
  }

  get(): Map<number, Forecast> {
    const now = this.clock();
    // Waits move with the clock as well as with events, so even a quiet hall is refreshed now and then.
    if ((this.dirty && now - this.computedAt >= this.maxAgeMs) || now - this.computedAt >= 30_000) {
      this.current = forecastQueue(this.state, now);
      this.computedAt = now;
      this.dirty = false;
    }
    return this.current;
  }
}
