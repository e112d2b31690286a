import type { KioskCard } from '../../../protocol/device-messages.js';
import { Bi } from '../shared/bilingual.js';
import { words } from './kiosk-words.js';

/** The card just read, masked, with the priority its holder gets by age; shown until a ticket is taken or idle. */
export function CardBanner({ card, prompt }: { card: KioskCard; prompt?: boolean }) {
  return (
    <div class="card-banner" role="status" data-testid="kiosk-card-held">
      <span class="card-banner-title"><Bi text={words.cardRead} /></span>
      <span class="card-banner-who">{card.nameMasked} {card.idMasked}</span>
      {card.priorityClass ? <Bi text={card.priorityClass.name} class="tag" /> : null}
      {prompt ? <span class="card-banner-next"><Bi text={words.useCardFor} /></span> : null}
    </div>
  );
}
