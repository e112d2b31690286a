import type { Forecast } from '../../protocol/queue-entities.js';
import type { ArrivalKind } from '../core/forecast/arrivals.js';
import type { Quote } from '../core/forecast/forward-run.js';
import type { LastForecast } from '../core/forecast/interim.js';

/**
 * A forecast as the forecast thread sends it: rows of [ticket id, position, minutes or NaN], sorted by id, and the
 * ids of the tickets whose people ahead or whole minutes differ from the forecast before (see `changes`).
 */
export interface ForecastMessage { rows: Float64Array; changed: Float64Array; quotes: Quote[]; caseOverheadMs: number; asOf: number; computedAt: number; costMs: number }

/** The minutes a visitor is shown: whole minutes, so a phone hears of a new wait only when it shows differently. */
export function shownMinutes(etaMinutes: number): number {
  return Math.round(etaMinutes);
}

/**
 * One forecast of the whole hall, as the main thread keeps it: read by ticket id with a binary search over the rows
 * the forecast thread sent (a transferred buffer, so a forecast of thousands of tickets crosses threads for free
 * and is never rebuilt into objects that nobody asks for).
 */
export class ForecastTable implements LastForecast {
  static readonly empty = new ForecastTable(new Float64Array(0), [], 0, 0, -Infinity);

  constructor(
    private readonly rows: Float64Array,
    readonly quotes: Quote[],
    readonly caseOverheadMs: number,
    /** The last event seq the forecast has seen. */
    readonly asOf: number,
    /** Hall time the forecast was made at. */
    readonly computedAt: number,
  ) {}

  static from(message: ForecastMessage): ForecastTable {
    return new ForecastTable(message.rows, message.quotes, message.caseOverheadMs, message.asOf, message.computedAt);
  }

  /** Rows for a map of forecasts, for the trip across threads. */
  static rowsOf(forecasts: Map<number, Forecast>): Float64Array {
    const sorted = [...forecasts.values()].sort((a, b) => a.ticketId - b.ticketId);
    const rows = new Float64Array(sorted.length * 3);
    sorted.forEach((f, i) => {
      rows[i * 3] = f.ticketId;
      rows[i * 3 + 1] = f.position;
      rows[i * 3 + 2] = f.etaMinutes ?? Number.NaN;
    });
    return rows;
  }

  /**
   * The ids of the tickets whose forecast shows differently in `after` than in `before` (both as `rowsOf` gives):
   * people ahead, whole minutes, or a forecast where there was none or none where there was one. Phones look only at
   * these: at the peak a forecast moves a few hundred of 2,000 phones, and looking at every one took longer than
   * sending to those that changed.
   */
  static changes(before: Float64Array, after: Float64Array): Float64Array {
    const out: number[] = [];
    let i = 0;
    let j = 0;
    while (i < before.length || j < after.length) {
      const a = i < before.length ? before[i] : Infinity;
      const b = j < after.length ? after[j] : Infinity;
      if (a < b) {
        out.push(a);
        i += 3;
      } else if (b < a) {
        out.push(b);
        j += 3;
      } else {
        if (before[i + 1] !== after[j + 1] || !sameMinutes(before[i + 2], after[j + 2])) out.push(a);
        i += 3;
        j += 3;
      }
    }
    return Float64Array.from(out);
  }

  get size(): number {
    return this.rows.length / 3;
  }

  get(ticketId: number): Forecast | undefined {
    let lo = 0;
    let hi = this.size - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const id = this.rows[mid * 3];
      if (id < ticketId) lo = mid + 1;
      else if (id > ticketId) hi = mid - 1;
      else {
        const eta = this.rows[mid * 3 + 2];
        return { ticketId, position: this.rows[mid * 3 + 1], etaMinutes: Number.isNaN(eta) ? null : eta };
      }
    }
    return undefined;
  }

  quote(serviceId: number, kind: ArrivalKind): Quote | undefined {
    return this.quotes.find((q) => q.serviceId === serviceId && q.kind === kind);
  }
}

/** Minutes as rows hold them, NaN for none. */
function sameMinutes(a: number, b: number): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  return shownMinutes(a) === shownMinutes(b);
}
