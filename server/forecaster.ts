import type { Forecast } from '../protocol/queue-entities.js';
import { forecastQueue } from './core/forecast.js';
import { extendForecast, oneCaseBehind } from './core/forecast/extend.js';
import { PaceLearner } from './core/forecast/pace.js';
import type { HallState, Ticket } from './core/types.js';

/** Forecasting may take at most about this share of the server's time; past it, answers may be a moment old. */
const cpuShare = 0.1;

/**
 * Positions and waits, never on the call path (a call only marks them stale). They are recomputed when asked for
 * after a change, so a ticket just issued gets its own wait printed, unless forecasting would take more than a
 * tenth of the server (thousands waiting and hundreds of tickets a second): then the previous answer stands,
 * and is refreshed within maxAgeMs at the latest. The kiosk's reply, the printed ticket, boards and phones all
 * read their waits from here.
 */
export class Forecaster {
  private current = new Map<number, Forecast>();
  private computedAt = -Infinity;
  private computedCpuAt = -Infinity;
  private lastCostMs = 0;
  private dirty = true;
  private readonly pace = new PaceLearner();
  /** Per service, the last wait extended since the forecast: a rush of tickets goes one behind the other. */
  private readonly extended = new Map<number, Forecast>();

  constructor(
    private readonly state: HallState,
    private readonly clock: () => number,
    private readonly maxAgeMs: number,
    /** Real time for the CPU budget; a simulation on a virtual clock passes that clock. */
    private readonly cpuClock: () => number = () => performance.now(),
  ) {}

  /** After every change: the learner looks at the windows now, as it is the only way to see a pause end. */
  invalidate(): void {
    this.dirty = true;
    this.pace.watch(this.state, this.clock());
  }

  get(): Map<number, Forecast> {
    const now = this.clock();
    const withinBudget = this.cpuClock() - this.computedCpuAt >= this.lastCostMs / cpuShare;
    // Waits move with the clock as well as with events, so even a quiet hall is refreshed now and then.
    const due = (this.dirty && (withinBudget || now - this.computedAt >= this.maxAgeMs)) || now - this.computedAt >= 30_000;
    if (due) this.compute(now);
    return this.current;
  }

  /**
   * The wait of one waiting ticket, for the reply and the print of a ticket just issued: from the forecast when it
   * knows the ticket, else extended from it, else (nobody ahead in the service is known) worked out now whatever
   * the budget says, which only happens when the service's queue was empty.
   */
  forTicket(ticket: Ticket): Forecast | null {
    if (ticket.status !== 'waiting') return null;
    const all = this.get();
    const forecast = all.get(ticket.id);
    if (forecast) return forecast;
    const last = this.extended.get(ticket.serviceId);
    if (last?.ticketId === ticket.id) return last;
    if (last && ticket.id > last.ticketId) {
      const next = oneCaseBehind(this.state, last, ticket);
      this.extended.set(ticket.serviceId, next);
      return next;
    }
    const extended = extendForecast(this.state, all, ticket);
    if (extended) {
      if (!last) this.extended.set(ticket.serviceId, extended);
      return extended;
    }
    this.compute(this.clock());
    return this.current.get(ticket.id) ?? null;
  }

  private compute(now: number): void {
    const cpuNow = this.cpuClock();
    this.current = forecastQueue(this.state, now, this.pace.pace(this.state, now));
    this.computedAt = now;
    this.lastCostMs = this.cpuClock() - cpuNow;
    this.computedCpuAt = cpuNow;
    this.dirty = false;
    this.extended.clear();
  }
}
