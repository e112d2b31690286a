import type { Area } from '../../../protocol/config-entities.js';
import { Bi, fill } from '../shared/bilingual.js';
import type { KioskCard } from '../../../protocol/device-messages.js';
import { CardBanner } from './card-banner.js';
import { openingText, type HallService } from './kiosk-api.js';
import { words } from './kiosk-words.js';

/** The services of one area. A closed one stays visible with when it opens, so nobody wonders where it went. */
export function ServiceScreen({ area, services, hallDay, card, onService, onBack }: {
  area: Area | undefined;
  services: HallService[];
  hallDay: string;
  card: KioskCard | null;
  onService: (s: HallService) => void;
  onBack: () => void;
}) {
  return (
    <section class="screen tiles-screen" aria-labelledby="service-title">
      <h1 id="service-title" class="screen-title">
        {area ? <Bi text={area.name} class="title-area" /> : null}
        <Bi text={words.chooseService} />
      </h1>
      {card ? <CardBanner card={card} /> : null}
      {services.length === 0 ? <p class="empty-note" role="status" data-testid="kiosk-no-services"><Bi text={words.noServices} /></p> : null}
      <div class="tile-grid">
        {services.map((s) => {
          const opens = openingText(s.opening, hallDay);
          return (
            <button key={s.id} type="button" class={s.opening.open ? 'tile service-tile' : 'tile service-tile closed'} data-testid={`kiosk-service-${s.code}`} onClick={() => onService(s)}>
              <span class="tile-prefix" aria-hidden="true">{s.prefix}</span>
              <Bi text={s.name} class="tile-name" />
              <span class="tile-meta">
                {s.opening.open ? <Bi text={fill(words.waitingCount, { n: s.waiting })} /> : <Bi text={words.closedUntil} class="tag tag-closed" />}
                {!s.opening.open && opens ? <Bi text={{ zh: fill(words.opensAt, { when: opens.zh }).zh, en: fill(words.opensAt, { when: opens.en }).en }} /> : null}
                {s.idRequired ? <Bi text={words.idRequired} class="tag" /> : null}
              </span>
            </button>
          );
        })}
      </div>
      <div class="bottom-actions">
        <button type="button" class="action" data-testid="kiosk-back" onClick={onBack}><Bi text={words.back} /></button>
      </div>
    </section>
  );
}
