import type { Forecast } from '../../protocol/queue-entities.js';
import type { ArrivalKind } from '../core/forecast/arrivals.js';
import type { Quote } from '../core/forecast/forward-run.js';
import type { LastForecast } from '../core/forecast/interim.js';

/** A forecast as the forecast thread sends it: rows of [ticket id, position, minutes or NaN], sorted by id. */
export interface ForecastMessage { rows: Float64Array; quotes: Quote[]; caseOverheadMs: number; asOf: number; computedAt: number; costMs: number }

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
