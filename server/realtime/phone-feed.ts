import type { ServerMessage, VisitSnapshot } from '../../protocol/realtime.js';
import type { DomainEvent } from '../core/events.js';
import type { HallState } from '../core/types.js';
import type { Forecaster } from '../forecaster.js';
import { currentLeg, visitSnapshot } from '../views.js';
import type { Connection } from './hub.js';

interface Phone { visitId: number; lastKey: string }

/**
 * Phones get at most one update per interval, and only when what they show changed (status, window, people
 * ahead, minutes to wait), so 2,000 phones cost the boards nothing on the call path.
 */
export class PhoneFeed {
  private readonly phones = new Map<Connection, Phone>();
  private readonly latestLeg = new Map<number, number>();
  private changed = false;
  private quietTicks = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly state: HallState,
    private readonly forecaster: Forecaster,
    intervalMs: number,
    private readonly seq: () => number,
    private readonly send: (c: Connection, m: ServerMessage) => void,
  ) {
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
  }

  add(conn: Connection, visitId: number): void {
    this.phones.set(conn, { visitId, lastKey: '' });
    this.flushNow(conn);
  }

  remove(conn: Connection): void {
    this.phones.delete(conn);
  }

  close(): void {
    clearInterval(this.timer);
  }

  onEvent(event: DomainEvent): void {
    this.changed = true;
    if (event.type === 'ticket.transferred') this.latestLeg.set(event.next.visitId, event.next.id);
  }

  touchAll(): void {
    this.changed = true;
    for (const phone of this.phones.values()) phone.lastKey = '';
  }

  flushNow(conn: Connection): void {
    const phone = this.phones.get(conn);
    if (phone) this.push(conn, phone, true);
  }

  private tick(): void {
    // Even without events the minutes to wait drift, so a quiet hall still refreshes every 15 ticks.
    if (!this.changed && ++this.quietTicks < 15) return;
    this.changed = false;
    this.quietTicks = 0;
    for (const [conn, phone] of this.phones) this.push(conn, phone, false);
  }

  private push(conn: Connection, phone: Phone, always: boolean): void {
    const data = this.view(phone.visitId);
    if (!data) return;
    const f = data.forecast;
    const key = `${data.ticket.status}|${data.ticket.windowId}|${data.ticket.recalls}|${f?.position}|${f?.etaMinutes === null || f === null ? '' : Math.round(f.etaMinutes)}`;
    if (!always && key === phone.lastKey) return;
    phone.lastKey = key;
    this.send(conn, { type: 'visit', seq: this.seq(), data });
  }

  private view(visitId: number): VisitSnapshot | null {
    const legId = this.latestLeg.get(visitId);
    const leg = (legId !== undefined ? this.state.tickets.get(legId) : undefined) ?? currentLeg(this.state, visitId);
    if (!leg) return null;
    this.latestLeg.set(visitId, leg.id);
    return visitSnapshot(this.state, leg, leg.status === 'waiting' ? this.forecaster.get().get(leg.id) ?? null : null);
  }
}
