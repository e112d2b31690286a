import type { Forecast } from '../../protocol/queue-entities.js';
import type { HallState } from '../../server/core/types.js';

/** Recent tickets whose first estimate is compared with their real wait. */
const calibrationWindow = 200;
/** Estimates this short say little about the ratio (the walk-up is most of them). */
const minPredictedMs = 3 * 60_000;
const limits = { low: 0.6, high: 2.5 };

/**
 * PROPOSAL, measured by the benchmark: learn from the day how real waits compare with the estimates given at
 * issue. The hall keeps the first estimate of each ticket and, when it is called, the real wait; later estimates
 * are scaled by real / estimated over the last few hundred tickets (as sums). It corrects whatever the forward
 * run cannot see, but it lags: a ratio learned across a lunch hour overshoots once lunch is over.
 */
export class WaitCalibration {
  private readonly pending = new Map<number, { at: number; predictedMs: number }>();
  private readonly samples: { predictedMs: number; actualMs: number }[] = [];

  observe(state: HallState, now: number, raw: Map<number, Forecast>): void {
    for (const [id, p] of this.pending) {
      const t = state.tickets.get(id);
      if (t?.status === 'waiting') continue;
      this.pending.delete(id);
      if (!t || t.calledAt === null || t.calledAt < p.at) continue;
      this.samples.push({ predictedMs: p.predictedMs, actualMs: t.calledAt - p.at });
      if (this.samples.length > calibrationWindow) this.samples.shift();
    }
    for (const f of raw.values()) {
      if (f.etaMinutes === null || this.pending.has(f.ticketId)) continue;
      const t = state.tickets.get(f.ticketId);
      if (!t || now - t.issuedAt > 60_000 || f.etaMinutes * 60_000 < minPredictedMs) continue;
      this.pending.set(f.ticketId, { at: now, predictedMs: f.etaMinutes * 60_000 });
    }
  }

  get factor(): number {
    if (this.samples.length < 20) return 1;
    let predicted = 0;
    let actual = 0;
    for (const s of this.samples) {
      predicted += s.predictedMs;
      actual += s.actualMs;
    }
    return Math.min(limits.high, Math.max(limits.low, actual / predicted));
  }

  apply(raw: Map<number, Forecast>): Map<number, Forecast> {
    const factor = this.factor;
    if (factor === 1) return raw;
    const out = new Map<number, Forecast>();
    for (const [id, f] of raw) out.set(id, f.etaMinutes === null ? f : { ...f, etaMinutes: f.etaMinutes * factor });
    return out;
  }
}

export type ForecastFn = (state: HallState, now: number) => Map<number, Forecast>;

/** A forecast variant asked the way the server asks its Forecaster: marked stale on change, fresh when asked. */
export class VariantForecaster {
  private current = new Map<number, Forecast>();
  private dirty = true;
  private readonly calibration: WaitCalibration | null;
  readonly costMs: number[] = [];

  constructor(private readonly state: HallState, private readonly clock: () => number, private readonly fn: ForecastFn, calibrate: boolean) {
    this.calibration = calibrate ? new WaitCalibration() : null;
  }

  invalidate(): void {
    this.dirty = true;
  }

  get(): Map<number, Forecast> {
    if (!this.dirty) return this.current;
    const started = performance.now();
    const now = this.clock();
    const raw = this.fn(this.state, now);
    this.calibration?.observe(this.state, now, raw);
    this.current = this.calibration ? this.calibration.apply(raw) : raw;
    this.dirty = false;
    this.costMs.push(performance.now() - started);
    return this.current;
  }
}
