import type { Area } from '../../../protocol/config-entities.js';
import { Bi, fill } from '../shared/bilingual.js';
import type { KioskCard } from '../../../protocol/device-messages.js';
import { CardBanner } from './card-banner.js';
import type { HallService } from './kiosk-api.js';
import { words } from './kiosk-words.js';

/** The first screen: the hall's areas, each with how many are waiting, and appointment check-in. */
export function StartScreen({ areas, services, card, onArea, onCheckIn }: {
  areas: Area[];
  services: HallService[];
  card: KioskCard | null;
  onArea: (areaId: number) => void;
  onCheckIn: () => void;
}) {
  const waitingIn = (areaId: number) => services.filter((s) => s.areaId === areaId).reduce((sum, s) => sum + s.waiting, 0);
  return (
    <section class="screen tiles-screen" aria-labelledby="start-title">
      <h1 id="start-title" class="screen-title"><Bi text={words.chooseArea} /></h1>
      {card ? <CardBanner card={card} prompt /> : null}
      <div class="tile-grid">
        {areas.map((a) => (
          <button key={a.id} type="button" class="tile area-tile" data-testid={`kiosk-area-${a.code}`} onClick={() => onArea(a.id)}>
            <Bi text={a.name} class="tile-name" />
            <span class="tile-meta"><Bi text={fill(words.waitingCount, { n: waitingIn(a.id) })} /></span>
          </button>
        ))}
        <button type="button" class="tile checkin-tile" data-testid="kiosk-check-in" onClick={onCheckIn}>
          <Bi text={words.checkIn} class="tile-name" />
          <span class="tile-meta"><Bi text={words.checkInHint} /></span>
        </button>
      </div>
    </section>
  );
}
