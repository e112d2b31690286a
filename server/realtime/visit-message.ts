import type { Forecast } from '../../protocol/queue-entities.js';
import type { HallState, Ticket } from '../core/types.js';
import { ticketView, visitDayClosed, visitHall, visitWindow } from '../views.js';
import { frameFor } from './text-frame.js';

/**
 * What a phone is sent, `{"type":"visit","seq":…,"data":{"kind":"visit","hall":…,"ticket":…,"forecast":…,
 * "anyWindowOpen":…,"window":…,"dayClosed":…}}`, as the bytes JSON.stringify would give, written from parts. Of a
 * visit's view only the seq, the forecast and whether a window is open to call it change from one update to the
 * next while the ticket stays the same (tickets are replaced, never changed in place), so the rest is encoded once
 * per ticket and copied: most of the work of a phone update was building and serialising the same view again.
 */
export interface EncodedVisit {
  readonly ticket: Ticket;
  /** The encoder's generation when encoded: the hall's names and windows as they were then. */
  readonly generation: number;
  /** Whether the ticket had left the hall's memory (its day closed) when encoded. */
  readonly dayClosed: boolean;
  /** From `,"data":` up to `"forecast":`. */
  readonly head: Buffer;
  /** From `,"window":` to the end, with `"dayClosed"`. */
  readonly tail: Buffer;
}

const opening = Buffer.from('{"type":"visit","seq":');

export class VisitEncoder {
  private current = 0;
  private hall: string | null = null;

  constructor(private readonly state: HallState) {}

  get generation(): number {
    return this.current;
  }

  /** The hall's settings, services or windows changed: every view is encoded again. */
  reset(): void {
    this.current++;
    this.hall = null;
  }

  /** The encoded view of `leg`, reusing `last` when it shows the same ticket of the same generation. */
  view(leg: Ticket, last: EncodedVisit | null): EncodedVisit {
    const dayClosed = visitDayClosed(this.state, leg);
    if (last !== null && last.ticket === leg && last.generation === this.current && last.dayClosed === dayClosed) return last;
    this.hall ??= JSON.stringify(visitHall(this.state));
    const head = `,"data":{"kind":"visit","hall":${this.hall},"ticket":${JSON.stringify(ticketView(this.state, leg))},"forecast":`;
    const tail = `,"window":${JSON.stringify(visitWindow(this.state, leg))},"dayClosed":${dayClosed}}}`;
    return { ticket: leg, generation: this.current, dayClosed, head: kept(head), tail: kept(tail) };
  }

  /** The phone's message as a whole text frame, ready for its socket. */
  message(view: EncodedVisit, seq: number, forecast: Forecast | null, anyWindowOpen: boolean): Buffer {
    const seqText = jsonNumber(seq);
    const forecastText = forecast === null ? 'null'
      : `{"ticketId":${jsonNumber(forecast.ticketId)},"position":${jsonNumber(forecast.position)},"etaMinutes":${forecast.etaMinutes === null ? 'null' : jsonNumber(forecast.etaMinutes)}}`;
    // What changes between updates of the same ticket, from the forecast to the window's part.
    const changing = `${forecastText},"anyWindowOpen":${anyWindowOpen}`;
    // Both texts are ASCII, so their lengths are their sizes in bytes.
    const bytes = opening.length + seqText.length + view.head.length + changing.length + view.tail.length;
    const out = frameFor(bytes);
    let at = out.length - bytes;
    out.set(opening, at);
    at += opening.length;
    at += out.write(seqText, at, 'latin1');
    out.set(view.head, at);
    at += view.head.length;
    at += out.write(changing, at, 'latin1');
    out.set(view.tail, at);
    return out;
  }
}

/**
 * Bytes kept for as long as a ticket stays the same: outside Node's shared buffer pool, where a small buffer kept
 * would hold on to the whole pool slab, with the messages long sent in it.
 */
function kept(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text, 0);
  return bytes;
}

/** A number as JSON writes it: as JavaScript does, but NaN and the infinities become null. */
function jsonNumber(n: number): string {
  return Number.isFinite(n) ? `${n}` : 'null';
}
