import { Bi, fill, pick, useLang } from '../shared/bilingual.js';
import { QrCode } from '../shared/qr-code.js';
import { waitText } from '../shared/wait-text.js';
import type { IssuedTicket } from './kiosk-api.js';
import { words } from './kiosk-words.js';


/**
 * The visitor's number, people ahead, the estimated wait and the QR of the live page. When the printer fails the
 * QR grows large and the screen says to photograph or scan it, so the number is never lost.
 */
export function TicketScreen({ issued, title, onDone }: { issued: IssuedTicket; title?: typeof words.checkedIn; onDone: () => void }) {
  const lang = useLang();
  const { ticket, forecast } = issued;
  const eta = forecast?.etaMinutes;
  const print = issued.print ?? null;
  const failed = print !== null && !print.ok;
  return (
    <section class={failed ? 'screen ticket printer-failed' : 'screen ticket'} aria-labelledby="ticket-title">
      {title ? <p class="ticket-kind"><Bi text={title} /></p> : null}
      <div class="ticket-main">
        <div class="ticket-facts">
          <h1 id="ticket-title" class="ticket-label"><Bi text={words.yourNumber} /></h1>
          <p class="ticket-number" data-testid="kiosk-ticket-number">{ticket.number}</p>
          <p class="ticket-service"><Bi text={ticket.serviceName} /></p>
          {ticket.person ? <p class="ticket-person">{ticket.person.nameMasked}</p> : null}
          <dl class="ticket-stats">
            <div class="stat">
              <dt><Bi text={words.peopleAhead} /></dt>
              <dd data-testid="kiosk-people-ahead">{forecast ? pick(fill(words.peopleUnit, { n: forecast.position }), lang) : '—'}</dd>
            </div>
            <div class="stat">
              <dt><Bi text={words.estimatedWait} /></dt>
              <dd data-testid="kiosk-eta">{eta == null ? <Bi text={words.noWindowOpen} class="stat-note" /> : <Bi text={waitText(eta)} class="stat-wait" />}</dd>
            </div>
          </dl>
        </div>
        <div class="ticket-side">
          <figure class="ticket-qr">
            <QrCode text={issued.url} label={pick(words.scanToFollow, lang)} class={failed ? 'qr-large' : ''} />
            <figcaption><Bi text={words.scanToFollow} /></figcaption>
          </figure>
          <p class={failed ? 'printer-note fault' : 'printer-note'} role={failed ? 'alert' : 'status'} data-testid="kiosk-printer">
            <Bi text={print === null ? words.noPrinter : print.ok ? words.printed : words.printerFault} />
            {print && !print.ok ? <Bi text={print.problem.message} class="printer-cause" /> : null}
          </p>
        </div>
      </div>
      <div class="bottom-actions end">
        <button type="button" class="action primary" data-testid="kiosk-done" onClick={onDone}><Bi text={words.done} /></button>
      </div>
    </section>
  );
}
