import { Bi } from '../shared/bilingual.js';
import { words } from './kiosk-words.js';

/** The card just read, masked; shown until a ticket is taken or the kiosk goes idle. */
export interface HeldCard { cardToken: string; nameMasked: string; idMasked: string }

export function CardBanner({ card, prompt }: { card: HeldCard; prompt?: boolean }) {
  return (
    <div class="card-banner" role="status" data-testid="kiosk-card-held">
      <span class="card-banner-title"><Bi text={words.cardRead} /></span>
      <span class="card-banner-who">{card.nameMasked} {card.idMasked}</span>
      {prompt ? <span class="card-banner-next"><Bi text={words.useCardFor} /></span> : null}
    </div>
  );
}
