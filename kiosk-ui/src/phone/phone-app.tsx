import { useEffect, useState } from 'preact/hooks';
import type { Text } from '../../../protocol/i18n.js';
import { Bi, LangContext } from '../shared/bilingual.js';
import { BookPage } from './book-page.js';
import { bookingTokenFromPath, isBookPath } from './booking-api.js';
import { BookingPage } from './booking-page.js';
import { bookingWords } from './booking-words.js';
import { ticketTokenFromPath } from './phone-api.js';
import { words } from './phone-words.js';
import { TakePage } from './take-page.js';
import { TicketPage } from './ticket-page.js';

/**
 * The phone page: /m/ to take a ticket online or start a booking, /m/t/<token> (the QR on a paper ticket) to follow
 * a ticket, /m/book to book an appointment and /m/a/<token> for one booking.
 */
export function PhoneApp() {
  const [path, setPath] = useState(location.pathname);
  const [hallName, setHallName] = useState<Text | null>(null);
  useEffect(() => {
    const back = () => setPath(location.pathname);
    window.addEventListener('popstate', back);
    return () => window.removeEventListener('popstate', back);
  }, []);
  const go = (to: string, state?: { fresh: true }) => {
    history.pushState(state ?? null, '', to);
    setPath(to);
    window.scrollTo(0, 0);
  };
  const token = ticketTokenFromPath(path);
  const bookingToken = bookingTokenFromPath(path);
  const booking = bookingToken !== null || isBookPath(path);
  const home = token !== null || booking;
  let page;
  if (token) page = <TicketPage key={token} token={token} go={go} onHall={setHallName} />;
  // A booking just made says so on its page; opened again from the list it is simply the booking.
  else if (bookingToken) page = <BookingPage key={bookingToken} token={bookingToken} fresh={(history.state as { fresh?: boolean } | null)?.fresh === true} go={go} onHall={setHallName} />;
  else if (booking) page = <BookPage go={go} onHall={setHallName} />;
  else page = <TakePage go={go} onHall={setHallName} />;
  return (
    <LangContext.Provider value="zh">
      <header class="phone-header">
        <h1 class="hall-name">{hallName ? <Bi text={hallName} /> : <Bi text={booking ? bookingWords.title : words.takeTitle} />}</h1>
        {home ? (
          <a href="/m/" class="phone-home" data-testid="phone-home" onClick={(e) => { e.preventDefault(); go('/m/'); }}>
            <Bi text={booking ? bookingWords.homeLink : words.takeTitle} />
          </a>
        ) : null}
      </header>
      <main class="phone-main">{page}</main>
      <footer class="phone-footer"><Bi text={words.helpDesk} /></footer>
    </LangContext.Provider>
  );
}
