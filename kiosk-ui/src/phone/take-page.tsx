import { useEffect, useState } from 'preact/hooks';
import type { ErrorBody, Text } from '../../../protocol/i18n.js';
import { Bi, fill } from '../shared/bilingual.js';
import { openingText, type HallService } from '../shared/public-api.js';
import { bookPath, loadBookingHall, type BookingHall } from './booking-api.js';
import { bookingWords } from './booking-words.js';
import { IdentityForm } from './identity-form.js';
import { MyBookingsPanel } from './my-bookings-panel.js';
import { myTickets, rememberTicket } from './my-tickets.js';
import { takeOnlineTicket } from './phone-api.js';
import { words } from './phone-words.js';

/**
 * /m/: the services that take online tickets, then name and ID number; on success the ticket's own page. Beside
 * taking a ticket now, the visitor may book an appointment, and finds the tickets and bookings made on this phone.
 */
export function TakePage({ go, onHall }: { go: (path: string) => void; onHall: (name: Text) => void }) {
  const [hall, setHall] = useState<BookingHall | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [chosen, setChosen] = useState<HallService | null>(null);

  useEffect(() => {
    void loadBookingHall().then((res) => {
      if (!res.ok) return setError(res.error);
      setHall(res.data);
      onHall(res.data.name);
    });
  }, []);

  if (error) return <div class="panel refusal" role="alert"><Bi text={error.message} /></div>;
  if (!hall) return <p class="loading" role="status"><Bi text={words.loading} /></p>;

  const take = async (identity: { name: string; idNumber: string }) => {
    const res = await takeOnlineTicket(chosen!.id, identity);
    if (!res.ok) return res.error;
    rememberTicket({ token: res.data.token, number: res.data.ticket.number, service: res.data.ticket.serviceName, hallDay: res.data.ticket.hallDay });
    go(`/m/t/${res.data.token}`);
    return null;
  };

  if (chosen) return <IdentityForm service={chosen} onSubmit={take} onBack={() => setChosen(null)} />;


  const mine = myTickets(hall.hallDay);
  const online = hall.services.filter((s) => s.onlineAllowed);
  const canBook = hall.appointmentDaysAhead > 0 && hall.services.some((s) => s.takesAppointments);
  return (
    <>
      <h2 class="page-title"><Bi text={canBook ? bookingWords.startTitle : words.takeTitle} /></h2>
      {canBook ? (
        <nav class="start-choices" aria-label="取号或预约 Take a ticket or book">
          <a href="#services-title" class="choice" data-testid="phone-choice-take">
            <Bi text={bookingWords.choiceTake} class="choice-main" />
            <Bi text={bookingWords.choiceTakeHint} class="choice-hint" />
          </a>
          <a href={bookPath} class="choice choice-book" data-testid="phone-choice-book" onClick={(e) => { e.preventDefault(); go(bookPath); }}>
            <Bi text={bookingWords.choiceBook} class="choice-main" />
            <Bi text={bookingWords.choiceBookHint} class="choice-hint" />
          </a>
        </nav>
      ) : null}
      {mine.length > 0 ? (
        <section class="panel" aria-labelledby="mine-title">
          <h2 id="mine-title" class="panel-title"><Bi text={words.myTickets} /></h2>
          <ul class="my-tickets">
            {mine.map((t) => (
              <li key={t.token}>
                <a href={`/m/t/${t.token}`} onClick={(e) => { e.preventDefault(); go(`/m/t/${t.token}`); }}>
                  <span class="my-number">{t.number}</span><Bi text={t.service} />
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <MyBookingsPanel hallDay={hall.hallDay} go={go} />
      <section class="panel" aria-labelledby="services-title">
        <h2 id="services-title" class="panel-title"><Bi text={words.chooseService} /></h2>
        {online.length === 0 ? <p><Bi text={words.noOnline} /></p> : null}
        {hall.areas.filter((a) => online.some((s) => s.areaId === a.id)).map((area) => (
          <div key={area.id} class="area-group">
            <h3 class="area-name"><Bi text={area.name} /></h3>
            <ul class="service-list">
              {online.filter((s) => s.areaId === area.id).map((s) => {
                const opens = openingText(s.opening, hall.hallDay);
                return (
                  <li key={s.id}>
                    <button type="button" class="service-item" data-testid={`phone-service-${s.code}`} disabled={!s.opening.open} onClick={() => setChosen(s)}>
                      <Bi text={s.name} class="service-name" />
                      <span class="service-meta">
                        {s.opening.open
                          ? <Bi text={fill(words.waitingCount, { n: s.waiting })} />
                          : <Bi text={opens ? { zh: `${words.closed.zh}，${fill(words.opensAt, { when: opens.zh }).zh}`, en: `${words.closed.en}; ${fill(words.opensAt, { when: opens.en }).en}` } : words.closed} />}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
      </section>
    </>
  );
}
