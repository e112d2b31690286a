import type { Logger } from 'pino';
import type { Forecast } from '../protocol/queue-entities.js';
import type { CommittedEvent } from './command-runner.js';
import { InterimWaits } from './core/forecast/interim.js';
import type { WindowChange } from './core/forecast/pause-lengths.js';
import type { HallState, Ticket } from './core/types.js';
import { ForecastTable, type ForecastMessage } from './forecast/forecast-table.js';
import type { SeqEvent, ToForecastThread } from './forecast/forecast-messages.js';
import { ForecastThread } from './forecast/forecast-thread.js';

/** With nothing known of its service at all, a ticket waits for the forecast, but never longer than this. */
const slowWaitMs = 1_000;
/** Waits drift with the clock: a hall without changes for this long is forecast again. */
const refreshMs = 15_000;
/**
 * Batches committed within this of the first one still unsent go to the thread together. Each message wakes the
 * thread, and waking a thread cost the main thread about 80 µs of a ticket's 1.4 ms at 200 tickets a second; phones
 * take one forecast a second, and a ticket issued meanwhile is told its wait without one (InterimWaits).
 */
const sendEveryMs = 10;

interface Waiter { seq: number; done(): void }

/**
 * Positions and waits, worked out on the forecast thread and never on the way of a call or a ticket. The thread
 * gets every batch of events once it is on disk, as the screens do, and sends back a forecast of the whole hall.
 * Boards, phones and a visitor's page read the latest; a ticket just issued is told its wait from it at once (see
 * forTicket).
 */
export class Forecaster {
  private table = ForecastTable.empty;
  private readonly interim = new InterimWaits();
  private readonly thread: ForecastThread;
  private readonly waiters = new Set<Waiter>();
  private readonly listeners: ((changed: Float64Array) => void)[] = [];
  /** The seq of the last batch memory took. */
  private applied: number;
  private tickAt = -Infinity;
  /** Committed events not yet sent to the thread, each with its seq. */
  private unsent: SeqEvent[] = [];
  private sendTimer: NodeJS.Timeout | null = null;

  /** `windowChanges` reads the day's window changes back from the hall's record, for each thread that starts. */
  constructor(private readonly state: HallState, private readonly clock: () => number, seq: number, log: Logger, windowChanges: (now: number) => WindowChange[]) {
    this.applied = seq;
    this.thread = new ForecastThread(
      // Memory as it is, with what is not yet on disk: the thread skips those batches when they are committed.
      () => {
        const now = this.clock();
        return { type: 'start', state: this.state, seq: this.applied, now, windowChanges: windowChanges(now) };
      },
      (m) => this.received(m),
      log,
    );
  }

  start(): void {
    this.thread.start();
  }

  async close(): Promise<void> {
    if (this.sendTimer) clearTimeout(this.sendTimer);
    for (const w of this.waiters) w.done();
    await this.thread.close();
  }

  /** Threads started: a restart after a crash shows here. */
  get threadStarts(): number {
    return this.thread.starts;
  }

  /** Ends the thread as a crash would, for the tests. */
  killThread(): Promise<void> {
    return this.thread.kill();
  }

  /** Each new forecast, with the ids of the tickets it shows differently from the one before: phones look again. */
  onForecast(listener: (changed: Float64Array) => void): void {
    this.listeners.push(listener);
  }

  /** Memory took a batch: a ticket in it is known to a forecast only once one has seen this seq. */
  tookBatch(batch: CommittedEvent[]): void {
    if (batch.length > 0) this.applied = batch[batch.length - 1].seq;
  }

  /**
   * A batch is on disk and published: the thread gets it, as the screens do, so no forecast (and no phone pass it
   * starts) ever shows what a power cut could undo, and a forecast always comes after the events it saw. Batches
   * go together, `sendEveryMs` after the first of them.
   */
  committed(batch: CommittedEvent[]): void {
    if (batch.length === 0) return;
    for (const { seq, event } of batch) this.unsent.push({ seq, event });
    // A ticket waiting for a forecast that includes it is not kept waiting longer.
    if (this.waiters.size > 0) return this.sendEvents();
    if (this.sendTimer) return;
    this.sendTimer = setTimeout(() => this.sendEvents(), sendEveryMs);
    this.sendTimer.unref();
  }

  /** Sends the events committed so far. */
  private sendEvents(): void {
    if (this.sendTimer) clearTimeout(this.sendTimer);
    this.sendTimer = null;
    if (this.unsent.length === 0) return;
    this.thread.post({ type: 'events', events: this.unsent, now: this.clock() });
    this.unsent = [];
  }

  /** Anything but events goes after the events committed before it. */
  private postAfterEvents(message: Extract<ToForecastThread, { type: 'want' | 'tick' }>): void {
    this.sendEvents();
    this.thread.post(message);
  }

  /** The latest forecast of every waiting ticket. */
  get(): ForecastTable {
    const now = this.clock();
    if (now - this.table.computedAt >= refreshMs && now - this.tickAt >= refreshMs) {
      this.tickAt = now;
      this.postAfterEvents({ type: 'tick', now });
    }
    return this.table;
  }

  /**
   * The wait of one waiting ticket: for the reply and the print of a ticket just issued, and a visitor's page. A
   * ticket the last forecast does not know yet is told the turn that forecast gave a shadow ticket of its service
   * and kind (InterimWaits), which is the turn a forecast with the ticket in it gives; only a ticket of a service
   * the forecast knows nothing about (no open window serves it, or the hall has just started) waits for one.
   */
  async forTicket(ticket: Ticket): Promise<Forecast | null> {
    if (ticket.status !== 'waiting') return null;
    const told = this.interim.tell(this.state, ticket, this.clock());
    if (told) return told;
    const seq = this.applied;
    this.postAfterEvents({ type: 'want', now: this.clock() });
    await this.covering(seq, slowWaitMs);
    // Called while its wait was being worked out (a window was free): no wait at all.
    if (this.state.tickets.get(ticket.id)?.status !== 'waiting') return { ticketId: ticket.id, position: 0, etaMinutes: 0 };
    return this.interim.tell(this.state, ticket, this.clock());
  }

  private received(m: ForecastMessage): void {
    this.table = ForecastTable.from(m);
    this.interim.reset(this.table);
    for (const w of this.waiters) if (m.asOf >= w.seq) w.done();
    for (const listener of this.listeners) listener(m.changed);
  }

  /** Resolves once a forecast has seen the events up to `seq`, or after `ms`. */
  private covering(seq: number, ms: number): Promise<void> {
    if (this.table.asOf >= seq) return Promise.resolve();
    return new Promise((resolve) => {
      const waiter: Waiter = {
        seq,
        done: () => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve();
        },
      };
      const timer = setTimeout(waiter.done, ms);
      this.waiters.add(waiter);
    });
  }
}
