import { useEffect, useState } from 'preact/hooks';
import type { BookingView } from '../../../protocol/appointments.js';
import type { ErrorBody, Text } from '../../../protocol/i18n.js';
import { Bi, fill } from '../shared/bilingual.js';
import { bookPath, cancelBooking, loadBooking, loadBookingHall } from './booking-api.js';
import { bookingNextStep, bookingWords as w, fullDayText, slotText } from './booking-words.js';
import { CancelConfirm } from './cancel-confirm.js';
import { rememberTicket } from './my-tickets.js';
import { Refusal } from './refusal.js';
import { words } from './phone-words.js';
import './booking.css';

const statusWords: Record<BookingView['status'], Text> = {
  booked: w.statusBooked, checked_in: w.statusCheckedIn, cancelled: w.statusCancelled, missed: w.statusMissed,
};

function cancelQuestion(when: Text, slot: string): Text {
  return { zh: fill(w.cancelAsk, { when: `${when.zh} ${slot}` }).zh, en: fill(w.cancelAsk, { when: `${when.en}, ${slot}` }).en };
}

// A booked booking is asked again now and then, and whenever the page is looked at again, so a check-in at the kiosk
// shows here by itself; slowly, as the phones of a whole hall may share one address and its rate limit.
const recheckMs = 30_000;

/**
 * /m/a/<token>: one booking, the confirmation the visitor keeps: the code to check in with, very large, the service,
 * day and time, what to do at the hall, and cancelling (asked first). Once checked in it leads to the ticket's page.
 */
export function BookingPage({ token, fresh, go, onHall }: { token: string; fresh: boolean; go: (path: string) => void; onHall: (name: Text) => void }) {
  const [booking, setBooking] = useState<BookingView | null>(null);
  const [missing, setMissing] = useState<ErrorBody | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ErrorBody | null>(null);
  // Asked again after a refusal: the booking changed meanwhile (checked in at the kiosk), and the page shows how.
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    void loadBookingHall().then((res) => res.ok && onHall(res.data.name));
  }, []);
  useEffect(() => {
    let live = true;
    let seen = false;
    const load = () => loadBooking(token).then((res) => {
      if (!live) return;
      if (res.ok) {
        seen = true;
        setBooking(res.data);
        if (res.data.status !== 'booked') clearInterval(timer);
      } else if (!seen) {
        // Once shown, a booking stays on the screen while the hall cannot be reached; the next ask brings it up to date.
        setMissing(res.error);
        if (res.status === 404) clearInterval(timer);
      }
    });
    const timer = setInterval(() => void load(), recheckMs);
    const looked = () => { if (document.visibilityState === 'visible') void load(); };
    document.addEventListener('visibilitychange', looked);
    void load();
    return () => { live = false; clearInterval(timer); document.removeEventListener('visibilitychange', looked); };
  }, [token, asked]);
  const ticket = booking?.ticket;
  useEffect(() => {
    // The ticket a booking became is one of this phone's tickets too, listed under 我的排队.
    if (booking && ticket?.visitToken) rememberTicket({ token: ticket.visitToken, number: ticket.number, service: booking.serviceName, hallDay: booking.date });
  }, [ticket?.visitToken]);

  if (!booking && missing?.code === 'NOT_FOUND') {
    return (
      <section class="panel" role="alert" data-testid="booking-missing">
        <h2 class="panel-title"><Bi text={w.notFound} /></h2>
        <p><Bi text={w.notFoundNext} /></p>
        <button type="button" class="button primary wide" onClick={() => go(bookPath)}><Bi text={w.bookAgain} /></button>
      </section>
    );
  }
  if (!booking && missing) return <Refusal error={missing} testid="booking-refusal" large next={bookingNextStep(missing.code)} />;
  if (!booking) return <p class="loading" role="status"><Bi text={words.loading} /></p>;

  const when = fullDayText(booking.date, booking.weekday);
  const slot = slotText(booking.slotStart, booking.slotEnd);
  const cancel = async () => {
    setBusy(true);
    const res = await cancelBooking(token);
    setBusy(false);
    setAsking(false);
    if (res.ok) return setBooking(res.data);
    // The refusal and the booking as it is now are shown at the top, where the visitor is taken.
    setRefusal(res.error);
    setAsked((n) => n + 1);
    window.scrollTo(0, 0);
  };
  const over = booking.status === 'cancelled' || booking.status === 'missed';

  return (
    <>
      {fresh && booking.status === 'booked' ? <p class="alert-banner booked-banner" role="status" data-testid="booking-booked"><Bi text={w.booked} /></p> : null}
      <Refusal error={refusal} testid="booking-refusal" large next={refusal ? bookingNextStep(refusal.code) : undefined} />
      {/* Checked in, the ticket is what matters now: its number and live page come first. */}
      {booking.status === 'checked_in' && ticket ? (
        <section class="panel" data-testid="booking-checked-in">
          <p class="howto-main"><Bi text={fill(w.checkedInNumber, { number: ticket.number })} /></p>
          {ticket.visitToken ? (
            <a class="button primary wide link-button" href={`/m/t/${ticket.visitToken}`} data-testid="booking-ticket-link"
              onClick={(e) => { e.preventDefault(); go(`/m/t/${ticket.visitToken}`); }}><Bi text={w.followTicket} /></a>
          ) : null}
        </section>
      ) : null}
      <section class={over ? 'panel booking-card over' : 'panel booking-card'} aria-labelledby="code-label" data-testid="booking-card">
        <p id="code-label" class="muted"><Bi text={w.code} /></p>
        <p class="booking-code" data-testid="booking-code">{booking.code}</p>
        <p class={`status booking-status-${booking.status}`} data-testid="booking-status" data-status={booking.status}><Bi text={statusWords[booking.status]} /></p>
        <dl class="booking-facts">
          <div><dt><Bi text={w.factService} /></dt><dd data-testid="booking-service"><Bi text={booking.serviceName} /></dd></div>
          <div><dt><Bi text={w.factDay} /></dt><dd data-testid="booking-day"><Bi text={when} /></dd></div>
          <div><dt><Bi text={w.factTime} /></dt><dd class="booking-slot-time" data-testid="booking-slot">{slot}</dd></div>
          <div><dt><Bi text={w.person} /></dt><dd class="booking-person">{booking.person.nameMasked} {booking.person.idMasked}</dd></div>
        </dl>
      </section>
      {booking.status === 'booked' ? (
        <section class="panel booking-howto" data-testid="booking-howto">
          <p class="howto-main"><Bi text={w.howToCheckIn} /></p>
          <p class="howto-main"><Bi text={fill(w.arriveWithin, { slot })} /></p>
          <p class="field-hint"><Bi text={w.keepCode} /></p>
        </section>
      ) : null}
      {over ? (
        <section class="panel" data-testid="booking-over">
          <p class="howto-main"><Bi text={booking.status === 'cancelled' ? w.cancelledNote : w.missedNote} /></p>
          <button type="button" class="button primary wide" onClick={() => go(bookPath)}><Bi text={w.bookAgain} /></button>
        </section>
      ) : null}
      {booking.cancellable ? (
        <section class="panel">
          {asking
            ? <CancelConfirm testid="booking-cancel" busy={busy} onYes={cancel} onNo={() => setAsking(false)}
                said={{ ask: cancelQuestion(when, slot), yes: w.cancelYes, no: w.cancelNo }} />
            : <button type="button" class="button danger-outline wide" data-testid="booking-cancel" onClick={() => { setRefusal(null); setAsking(true); }}><Bi text={w.cancel} /></button>}
        </section>
      ) : null}
    </>
  );
}
