import type { Forecast } from '../../protocol/queue-entities.js';
import type { ServerMessage } from '../../protocol/realtime.js';
import type { DomainEvent } from '../core/events.js';
import type { HallState, Ticket } from '../core/types.js';
import type { Forecaster } from '../forecaster.js';
import { currentLeg, visitSnapshot } from '../views.js';
import type { Connection } from './hub.js';

interface Phone { visitId: number; lastKey: string }

/**
 * Time spent writing to phones per turn of the event loop: between slices, calls reach boards and pads get their
 * replies. Counted in time, not phones, because a phone costs five times more on a busy machine than on a quiet one.
 */
const sliceMs = 2;
/** Even without events the minutes to wait drift, so phones are looked at again this often. */
const driftRefreshMs = 15_000;

/**
 * Phones get at most one update per interval, and only when what they show changed (status, window, people
 * ahead, minutes to wait). A pass over the phones starts as soon as something changed and the previous pass is an
 * interval old, and runs in slices, so 2,000 phones never hold up a call on its way to the boards. The one phone
 * that matters at once, the visitor whose number is called, is written right after the boards.
 */
export class PhoneFeed {
  private readonly phones = new Map<Connection, Phone>();
  private readonly latestLeg = new Map<number, number>();
  private changed = false;
  private lastPassAt = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  private passing = false;
  private readonly drift: NodeJS.Timeout;

  constructor(
    private readonly state: HallState,
    private readonly forecaster: Forecaster,
    private readonly intervalMs: number,
    private readonly seq: () => number,
    private readonly send: (c: Connection, m: ServerMessage) => void,
  ) {
    this.drift = setInterval(() => { this.changed = true; this.schedule(); }, driftRefreshMs);
    this.drift.unref();
  }

  add(conn: Connection, visitId: number): void {
    this.phones.set(conn, { visitId, lastKey: '' });
    this.flushNow(conn);
  }

  remove(conn: Connection): void {
    this.phones.delete(conn);
  }

  close(): void {
    clearInterval(this.drift);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  onEvent(event: DomainEvent): void {
    if (event.type === 'ticket.transferred') this.latestLeg.set(event.next.visitId, event.next.id);
    if (event.type === 'ticket.called' || event.type === 'ticket.recalled') this.pushNow(event.ticket.visitId);
    this.changed = true;
    this.schedule();
  }

  touchAll(): void {
    for (const phone of this.phones.values()) phone.lastKey = '';
    this.changed = true;
    this.schedule();
  }

  flushNow(conn: Connection): void {
    const phone = this.phones.get(conn);
    if (phone) this.push(conn, phone, true, () => this.forecaster.get());
  }

  /**
   * The phones of a visit whose number was just called (or called again). A called ticket shows no wait, so no
   * forecast is worked out on the way: the call is on its way to the boards and pads.
   */
  private pushNow(visitId: number): void {
    for (const [conn, phone] of this.phones) {
      if (phone.visitId === visitId) this.push(conn, phone, false, () => this.forecaster.get());
    }
  }

  private schedule(): void {
    if (this.timer || this.passing || !this.changed) return;
    const wait = Math.max(0, this.lastPassAt + this.intervalMs - Date.now());
    this.timer = setTimeout(() => this.startPass(), wait);
    this.timer.unref();
  }

  private startPass(): void {
    this.timer = null;
    this.changed = false;
    this.passing = true;
    this.lastPassAt = Date.now();
    const queue = [...this.phones];
    const forecasts = this.forecaster.get();
    setImmediate(() => this.flushSlice(queue, 0, forecasts));
  }

  private flushSlice(queue: [Connection, Phone][], from: number, forecasts: Map<number, Forecast>): void {
    const until = performance.now() + sliceMs;
    let i = from;
    const pass = () => forecasts;
    while (i < queue.length) {
      const [conn, phone] = queue[i++];
      if (this.phones.get(conn) === phone) this.push(conn, phone, false, pass);
      // Reading the clock costs about as much as deciding that a phone has nothing new: every 8th phone will do.
      if ((i & 7) === 0 && performance.now() >= until) break;
    }
    if (i < queue.length) {
      setImmediate(() => this.flushSlice(queue, i, forecasts));
      return;
    }
    this.passing = false;
    this.schedule();
  }

  private push(conn: Connection, phone: Phone, always: boolean, forecasts: () => Map<number, Forecast>): void {
    const leg = this.leg(phone.visitId);
    if (!leg) return;
    const f = leg.status === 'waiting' ? forecasts().get(leg.id) ?? null : null;
    // The key is read off the ticket before any view is built: most phones have nothing new.
    const key = `${leg.status}|${leg.windowId}|${leg.recalls}|${f?.position}|${f?.etaMinutes === null || f === null ? '' : Math.round(f.etaMinutes)}`;
    if (!always && key === phone.lastKey) return;
    phone.lastKey = key;
    this.send(conn, { type: 'visit', seq: this.seq(), data: visitSnapshot(this.state, leg, f) });
  }

  private leg(visitId: number): Ticket | null {
    const legId = this.latestLeg.get(visitId);
    const leg = (legId !== undefined ? this.state.tickets.get(legId) : undefined) ?? currentLeg(this.state, visitId);
    if (leg) this.latestLeg.set(visitId, leg.id);
    return leg;
  }
}
