import { Bi, fill } from '../shared/bilingual.js';
import type { KioskCard } from '../../../protocol/device-messages.js';
import type { AreaChoice } from './area-choices.js';
import { CardBanner } from './card-banner.js';
import { words } from './kiosk-words.js';

/** The first screen: the hall's areas that have services, each with how many are waiting, and appointment check-in. */
export function StartScreen({ areas, card, onArea, onCheckIn }: {
  areas: AreaChoice[];
  card: KioskCard | null;
  onArea: (areaId: number) => void;
  onCheckIn: () => void;
}) {
  return (
    <section class="screen tiles-screen start" aria-labelledby="start-title">
      <h1 id="start-title" class="screen-title"><Bi text={words.chooseArea} /></h1>
      {card ? <CardBanner card={card} prompt /> : null}
      <div class="tile-grid">
        {areas.map(({ area, waiting, openNow, opens }) => (
          <button key={area.id} type="button" class={openNow ? 'tile area-tile' : 'tile area-tile closed'} data-testid={`kiosk-area-${area.code}`}
            onClick={() => onArea(area.id)}>
            <Bi text={area.name} class="tile-name" />
            <span class="tile-meta">
              {openNow ? <Bi text={fill(words.waitingCount, { n: waiting })} /> : <Bi text={words.closedUntil} class="tag tag-closed" />}
              {!openNow && opens ? <Bi text={{ zh: fill(words.opensAt, { when: opens.zh }).zh, en: fill(words.opensAt, { when: opens.en }).en }} /> : null}
            </span>
          </button>
        ))}
      </div>
      <button type="button" class="tile checkin-tile" data-testid="kiosk-check-in" onClick={onCheckIn}>
        <Bi text={words.checkIn} class="tile-name" />
        <span class="tile-meta"><Bi text={words.checkInHint} /></span>
      </button>
    </section>
  );
}
