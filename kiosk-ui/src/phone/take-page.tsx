import { useEffect, useState } from 'preact/hooks';
import type { ErrorBody, Text } from '../../../protocol/i18n.js';
import { Bi, fill } from '../shared/bilingual.js';
import { loadPublicHall, openingText, type HallService, type PublicHall } from '../shared/public-api.js';
import { IdentityForm } from './identity-form.js';
import { myTickets, rememberTicket } from './my-tickets.js';
import { takeOnlineTicket } from './phone-api.js';
import { words } from './phone-words.js';

/** /m/: the services that take online tickets, then name and ID number; on success the ticket's own page. */
export function TakePage({ go, onHall }: { go: (path: string) => void; onHall: (name: Text) => void }) {
  const [hall, setHall] = useState<PublicHall | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [chosen, setChosen] = useState<HallService | null>(null);

  useEffect(() => {
    void loadPublicHall().then((res) => {
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
  return (
    <>
      <h2 class="page-title"><Bi text={words.takeTitle} /></h2>
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
