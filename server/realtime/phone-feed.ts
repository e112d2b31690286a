import type { Forecast, TicketStatus } from '../../protocol/queue-entities.js';
import type { DomainEvent } from '../core/events.js';
import type { Forecasts } from '../core/forecast.js';
import type { HallState, Ticket } from '../core/types.js';
import { callableNow } from '../core/dispatch.js';
import { currentLeg, visitDayClosed } from '../views.js';
import { shownMinutes } from '../forecast/forecast-table.js';
import { CallersNow } from './callers-now.js';
import type { Connection } from './hub.js';
import { ticketsIn } from './event-tickets.js';
import { VisitEncoder, type EncodedVisit } from './visit-message.js';

/** Where the latest forecast of the hall is read. */
export interface ForecastSource { get(): Forecasts }

/** A visit's newest leg as stored, for a visit the hall's close has let go from memory. */
export type StoredLeg = (visitId: number) => Ticket | null;

/**
 * A phone, and what it was last sent of what it shows (status, window, recalls, people ahead, minutes to wait,
 * whether a window is open to call it, whether its day closed), kept field by field: a pass compares them for every
 * phone it looks at, and most have nothing new, so nothing is built for them (a key string per phone per pass used
 * to be).
 */
interface Phone {
  readonly conn: Connection;
  readonly visitId: number;
  /** The visit's newest leg; transfers add legs, the phone follows the visit. */
  legId: number;
  /**
   * The leg as the hall left it once its close let the visit go from memory: from the event that ended it, or as
   * stored. Nothing changes a ticket out of memory, so it is looked up once.
   */
  final: Ticket | null;
  gone: boolean;
  /** null: nothing sent yet, or the hall's config changed; the next look sends. */
  status: TicketStatus | null;
  windowId: number | null;
  recalls: number;
  position: number;
  eta: number;
  anyWindowOpen: boolean;
  view: EncodedVisit | null;
}

/** Position or minutes of a phone without them; both are never negative. */
const none = -1;

/**
 * Time spent writing to phones per turn of the event loop: between slices, calls reach boards and pads get their
 * replies. Counted in time, not phones, because a phone costs five times more on a busy machine than on a quiet one.
 * A pad's command that arrives during a slice waits for it, and its reply, once the disk has the call, may wait for
 * another: at 2 ms that was about 1 ms of the callNext reply's p99 at the peak, for no gain to the phones.
 */
const sliceMs = 0.5;
/** Phones written between two looks at the clock: reading it costs about as much as a phone with nothing new. */
const phonesPerClockRead = 8;
/**
 * Even without events the minutes to wait drift: this often a pass asks for the latest forecast, which has the
 * forecast thread work out a new one when the last is older (Forecaster.get), and the phones it moves are looked at.
 */
const driftRefreshMs = 15_000;

/**
 * Phones get at most one update per interval, and only when what they show changed (status, window, people
 * ahead, minutes to wait, a window open to call it). What a phone shows changes with an event carrying its visit's
 * ticket, a forecast that moves its ticket, or windows opening or closing; such a phone is due, and a pass looks at
 * the phones due, no others. A pass starts as soon as something changed and the previous pass is an interval old,
 * and runs in slices, so 2,000 phones never hold up a call on its way to the boards. The one phone that matters at
 * once, the visitor whose number is called, is written right after the boards.
 */
export class PhoneFeed {
  private readonly phones = new Map<Connection, Phone>();
  private readonly byVisit = new Map<number, Phone[]>();
  /** Phones whose view may have changed since their last look, in the order they became due. */
  private due = new Set<Phone>();
  private readonly encoder: VisitEncoder;
  private changed = false;
  private lastPassAt = -Infinity;
  private timer: NodeJS.Timeout | null = null;
  private passing = false;
  private readonly drift: NodeJS.Timeout;
  private readonly callers: CallersNow;

  constructor(
    private readonly state: HallState,
    private readonly forecaster: ForecastSource,
    private readonly intervalMs: number,
    private readonly seq: () => number,
    /** Writes a visit message, encoded as a whole text frame, to one connection. */
    private readonly send: (c: Connection, frame: Buffer) => void,
    private readonly stored: StoredLeg,
  ) {
    this.encoder = new VisitEncoder(state);
    this.callers = new CallersNow(state);
    this.drift = setInterval(() => this.lookAgain(), driftRefreshMs);
    this.drift.unref();
  }

  add(conn: Connection, visitId: number): void {
    this.remove(conn);
    const siblings = this.byVisit.get(visitId);
    const phone: Phone = {
      conn, visitId, legId: siblings?.[0].legId ?? none, final: siblings?.[0].final ?? null, gone: false,
      status: null, windowId: null, recalls: 0, position: none, eta: none, anyWindowOpen: false, view: null,
    };
    this.phones.set(conn, phone);
    if (siblings) siblings.push(phone);
    else this.byVisit.set(visitId, [phone]);
    this.flushNow(conn);
  }

  remove(conn: Connection): void {
    const phone = this.phones.get(conn);
    if (!phone) return;
    phone.gone = true;
    this.due.delete(phone);
    this.phones.delete(conn);
    const siblings = this.byVisit.get(phone.visitId)!.filter((p) => p !== phone);
    if (siblings.length > 0) this.byVisit.set(phone.visitId, siblings);
    else this.byVisit.delete(phone.visitId);
  }

  close(): void {
    clearInterval(this.drift);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /**
   * Any event: the phones of every ticket it carries are due, whatever its type (a call, a transfer's two legs, the
   * leftovers a day's close ends), so an ending added to the hall later reaches the phones without this knowing it.
   */
  onEvent(event: DomainEvent): void {
    this.callers.stale();
    for (const ticket of ticketsIn(event)) this.ticketChanged(ticket);
    if (event.type === 'ticket.called' || event.type === 'ticket.recalled') this.pushNow(event.ticket.visitId);
    // No pass yet: every batch of events is followed, a few milliseconds later, by a forecast that has seen it, and
    // its arrival starts the pass (lookAgain). A pass started now would send the people ahead from before the event.
  }

  /**
   * A new forecast, and the tickets it shows differently: their phones are due. Every batch of events is followed
   * by such a forecast, so this is also when the phones of the events' visits get their pass.
   */
  forecastChanged(ticketIds: Float64Array): void {
    for (const id of ticketIds) {
      const ticket = this.state.tickets.get(id);
      if (ticket) this.markVisit(ticket.visitId);
    }
    this.lookAgain();
  }

  /** The next pass looks at the phones due, and takes the latest forecast. */
  lookAgain(): void {
    this.changed = true;
    this.schedule();
  }

  /** The hall's names, services or windows changed: every phone is sent its view again. */
  touchAll(): void {
    this.encoder.reset();
    this.callers.reset();
    for (const phone of this.phones.values()) {
      phone.status = null;
      this.due.add(phone);
    }
    this.lookAgain();
  }

  private markVisit(visitId: number): void {
    const phones = this.byVisit.get(visitId);
    if (phones) for (const phone of phones) this.due.add(phone);
  }

  /** A ticket in an event: its phones are due, and follow it when it is the visit's newest leg. */
  private ticketChanged(ticket: Ticket): void {
    const phones = this.byVisit.get(ticket.visitId);
    if (!phones) return;
    // Already applied to memory: a ticket not there any more was ended and let go (the day's close), for good.
    const letGo = !this.state.tickets.has(ticket.id);
    for (const phone of phones) {
      this.due.add(phone);
      // A later leg has a higher id (a transfer's next leg).
      if (ticket.id < phone.legId) continue;
      phone.legId = ticket.id;
      if (letGo) phone.final = ticket;
    }
  }

  flushNow(conn: Connection): void {
    const phone = this.phones.get(conn);
    if (phone) this.push(phone, true, null);
  }

  /**
   * The phones of a visit whose number was just called (or called again). A called ticket shows no wait, so no
   * forecast is worked out on the way: the call is on its way to the boards and pads.
   */
  private pushNow(visitId: number): void {
    const phones = this.byVisit.get(visitId);
    if (phones) for (const phone of phones) this.push(phone, false, null);
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
    // A window opened or closed for some service: its waiting phones may be told they can (or cannot) be called.
    if (this.callers.changedSinceLastLook()) for (const phone of this.phones.values()) this.due.add(phone);
    // Phones that become due during the pass wait for the next.
    const queue = [...this.due];
    this.due.clear();
    const forecasts = this.forecaster.get();
    setImmediate(() => this.flushSlice(queue, 0, forecasts));
  }

  private flushSlice(queue: Phone[], from: number, forecasts: Forecasts): void {
    const until = performance.now() + sliceMs;
    let i = from;
    while (i < queue.length) {
      const phone = queue[i++];
      if (!phone.gone) this.push(phone, false, forecasts);
      if (i % phonesPerClockRead === 0 && performance.now() >= until) break;
    }
    if (i < queue.length) {
      setImmediate(() => this.flushSlice(queue, i, forecasts));
      return;
    }
    this.passing = false;
    this.schedule();
  }

  /** Sends the phone its view if what it shows changed (or `always`); `forecasts` is asked for only when needed. */
  private push(phone: Phone, always: boolean, forecasts: Forecasts | null): void {
    const leg = this.leg(phone);
    if (!leg) return;
    let forecast: Forecast | null = null;
    let position = none;
    let eta = none;
    if (leg.status === 'waiting') {
      forecast = (forecasts ?? this.forecaster.get()).get(leg.id) ?? null;
      if (forecast !== null) {
        position = forecast.position;
        if (forecast.etaMinutes !== null) eta = shownMinutes(forecast.etaMinutes);
      }
    }
    const anyWindowOpen = callableNow(this.callers.get(), leg);
    if (!always && phone.status === leg.status && phone.windowId === leg.windowId && phone.recalls === leg.recalls
      && phone.position === position && phone.eta === eta && phone.anyWindowOpen === anyWindowOpen
      && phone.view?.dayClosed === visitDayClosed(this.state, leg)) return;
    phone.status = leg.status;
    phone.windowId = leg.windowId;
    phone.recalls = leg.recalls;
    phone.position = position;
    phone.eta = eta;
    phone.anyWindowOpen = anyWindowOpen;
    phone.view = this.encoder.view(leg, phone.view);
    this.send(phone.conn, this.encoder.message(phone.view, this.seq(), forecast, anyWindowOpen));
  }

  private leg(phone: Phone): Ticket | null {
    const known = this.state.tickets.get(phone.legId);
    if (known) return known;
    if (phone.final) return phone.final;
    const leg = currentLeg(this.state, phone.visitId);
    if (leg) {
      phone.legId = leg.id;
      return leg;
    }
    // Opened after the hall's close (or a restart) let the visit go: shown as the hall left it.
    phone.final = this.stored(phone.visitId);
    if (phone.final) phone.legId = phone.final.id;
    return phone.final;
  }
}
