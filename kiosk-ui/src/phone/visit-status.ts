import type { Text } from '../../../protocol/i18n.js';
import type { VisitSnapshot } from '../../../protocol/realtime.js';
import { fill } from '../shared/bilingual.js';
import { words } from './phone-words.js';

/** The window a called or served visitor must go to, in both languages. */
export function windowName(visit: VisitSnapshot): Text {
  if (visit.window) return visit.window.name;
  const n = visit.ticket.windowNumber;
  return n === null ? { zh: '窗口', en: 'the window' } : { zh: `${n}号窗口`, en: `Window ${n}` };
}

const both = (template: Text, window: Text): Text => ({ zh: fill(template, { window: window.zh }).zh, en: fill(template, { window: window.en }).en });

/**
 * A ticket of a day the hall has closed that was never served (the close cancelled it, or it was cancelled or
 * missed before): it lapsed with its day, and the page says so rather than only "cancelled".
 */
export function lapsedWithDay(visit: VisitSnapshot): boolean {
  return visit.dayClosed && (visit.ticket.status === 'cancelled' || visit.ticket.status === 'no_show');
}

/** What the visitor should do now, under the status line, when there is something to do. */
export function nextStepText(visit: VisitSnapshot): Text | null {
  if (lapsedWithDay(visit)) return words.dayClosedNext;
  return visit.ticket.status === 'no_show' ? words.noShowNext : null;
}

/** The status line of the ticket page: what is happening, and where to go when it matters. */
export function statusText(visit: VisitSnapshot): Text {
  if (lapsedWithDay(visit)) return words.dayClosed;
  switch (visit.ticket.status) {
    case 'waiting': return words.waiting;
    case 'called': return both(words.calledAt, windowName(visit));
    case 'serving': return { zh: `${words.serving.zh}（${windowName(visit).zh}）`, en: `${words.serving.en} (${windowName(visit).en})` };
    case 'done': return words.done;
    case 'no_show': return words.noShow;
    // Called and never at the counter, then ended (by the hall closing the window after hours): missed, as the
    // audit log and the statistics count it, not cancelled by the visitor.
    case 'cancelled': return visit.ticket.calledAt !== null && visit.ticket.startedAt === null ? words.noShow : words.cancelled;
    case 'transferred': return words.transferred;
  }
}

/**
 * The banner that also rings: third in line (two ahead) or fewer, and called. Near the front of a queue no open
 * window calls from, the visitor's turn is not coming yet: no banner, no ring (the page says no window serves it).
 */
export function alertText(visit: VisitSnapshot): { text: Text; urgent: boolean } | null {
  const { ticket, forecast } = visit;
  if (ticket.status === 'called') return { text: both(words.calledAlert, windowName(visit)), urgent: true };
  if (ticket.status !== 'waiting' || !visit.anyWindowOpen || !forecast || forecast.position > 2) return null;
  return { text: forecast.position === 0 ? words.nextAlert : fill(words.nearAlert, { n: forecast.position }), urgent: false };
}
