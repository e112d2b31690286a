import type { TicketView } from '../../../protocol/queue-entities.js';
import type { PublicEvent } from '../../../protocol/realtime.js';

export interface TodayCounts { served: number; noShow: number; transferred: number }
type Category = keyof TodayCounts;
type Ids = Record<Category, number[]>;

/** Which of today's counts a ticket leaving this window's counter adds to, if any. */
export function categoryOf(t: TicketView, windowId: number): Category | null {
  if (t.windowId !== windowId) return null;
  if (t.status === 'done') return 'served';
  if (t.status === 'no_show') return 'noShow';
  if (t.status === 'transferred' && t.calledAt !== null) return 'transferred';
  return null;
}

/**
 * Today's counts for one window. The server offers no per-window statistics to staff yet, so the pad counts what it
 * sees: the recent calls of each snapshot and the events that follow. Counting ticket ids (not increments) lets a
 * reconnect or a reload see the same ticket twice without counting it twice; the ids live in localStorage per hall
 * day, so a reload keeps the day's figures.
 */
export class TodayTally {
  private ids: Ids;
  private readonly key: string;

  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'>, hallDay: string, private readonly windowId: number) {
    this.key = `pad.tally.${hallDay}.${windowId}`;
    this.ids = { served: [], noShow: [], transferred: [] };
    try {
      const saved = JSON.parse(storage.getItem(this.key) ?? 'null') as Ids | null;
      if (saved && Array.isArray(saved.served)) this.ids = saved;
    } catch {
      // A damaged entry only costs the day's figures, which the next snapshot partly restores.
    }
  }

  noteTickets(tickets: TicketView[]): void {
    let changed = false;
    for (const t of tickets) changed = this.note(t) || changed;
    if (changed) this.save();
  }

  noteEvent(event: PublicEvent): void {
    const t = event.type === 'ticket.transferred' ? event.previous : event.ticket;
    if (t && this.note(t)) this.save();
  }

  counts(): TodayCounts {
    return { served: this.ids.served.length, noShow: this.ids.noShow.length, transferred: this.ids.transferred.length };
  }

  private note(t: TicketView): boolean {
    const c = categoryOf(t, this.windowId);
    if (!c || this.ids[c].includes(t.id)) return false;
    this.ids[c] = [...this.ids[c], t.id];
    return true;
  }

  private save(): void {
    this.storage.setItem(this.key, JSON.stringify(this.ids));
  }
}
