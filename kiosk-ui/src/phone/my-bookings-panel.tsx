import { useEffect, useState } from 'preact/hooks';
import type { BookingView } from '../../../protocol/appointments.js';
import type { Text } from '../../../protocol/i18n.js';
import { Bi } from '../shared/bilingual.js';
import { bookingPath, loadBooking } from './booking-api.js';
import { bookingWords as w, dayText, slotText } from './booking-words.js';
import { myBookings } from './my-bookings.js';

const statusNote: Record<BookingView['status'], Text> = {
  booked: w.statusBooked, checked_in: w.statusCheckedIn, cancelled: w.statusCancelled, missed: w.statusMissed,
};

function weekdayOf(date: string): number {
  const day = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)))).getUTCDay();
  return day === 0 ? 7 : day;
}

/**
 * 我的预约 on /m/: the bookings made on this phone, each with where it stands now (asked of the hall), each opening
 * its own page; a checked-in one opens its ticket's live page.
 */
export function MyBookingsPanel({ hallDay, go }: { hallDay: string; go: (path: string) => void }) {
  const mine = myBookings(hallDay);
  const [views, setViews] = useState<Record<string, BookingView | null>>({});
  useEffect(() => {
    for (const b of mine) {
      void loadBooking(b.token).then((res) => setViews((v) => ({ ...v, [b.token]: res.ok ? res.data : null })));
    }
  }, [hallDay]);
  if (mine.length === 0) return null;
  return (
    <section class="panel" aria-labelledby="my-bookings-title" data-testid="my-bookings">
      <h2 id="my-bookings-title" class="panel-title"><Bi text={w.myBookings} /></h2>
      <ul class="my-tickets">
        {mine.map((b) => {
          const view = views[b.token];
          const visitToken = view?.ticket?.visitToken;
          const to = visitToken ? `/m/t/${visitToken}` : bookingPath(b.token);
          return (
            <li key={b.token}>
              <a href={to} data-testid="my-booking" data-status={view?.status ?? ''} class={view && view.status !== 'booked' && view.status !== 'checked_in' ? 'my-booking over' : 'my-booking'}
                onClick={(e) => { e.preventDefault(); go(to); }}>
                <span class="my-booking-when">
                  <Bi text={dayText(b.date, weekdayOf(b.date))} />
                  <span class="my-booking-time">{slotText(b.slotStart, b.slotEnd)}</span>
                </span>
                <Bi text={b.service} class="my-booking-service" />
                {view ? <Bi text={visitToken ? { zh: `${statusNote.checked_in.zh} ${view.ticket!.number}`, en: `${statusNote.checked_in.en} ${view.ticket!.number}` } : statusNote[view.status]} class={`my-booking-status booking-status-${view.status}`} /> : null}
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
