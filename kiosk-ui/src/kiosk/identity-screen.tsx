import type { PriorityClass } from '../../../protocol/config-entities.js';
import { Bi } from '../shared/bilingual.js';
import type { DeviceProblem, KioskCard } from '../../../protocol/device-messages.js';
import { CardBanner } from './card-banner.js';
import type { HallService } from './kiosk-api.js';
import { words } from './kiosk-words.js';

/**
 * The identity step: the card reader is waiting. A card read here takes the ticket at once; a service that needs
 * no ID card also offers to go on without one. Declared priority (disabled, military ...) is chosen before that.
 */
export function IdentityScreen({ service, card, online, readerProblem, priorityClasses, priorityId, canSimulate, onPriority, onTake, onSimulate, onBack }: {
  service: HallService;
  card: KioskCard | null;
  /** The link to the hall: without it no card read arrives, whatever the reader's state (the frame says why). */
  online: boolean;
  readerProblem: DeviceProblem | null;
  priorityClasses: PriorityClass[];
  priorityId: number | null;
  canSimulate: boolean;
  onPriority: (id: number | null) => void;
  onTake: (withCard: boolean) => void;
  /** Demo halls only: a sample card on the simulated reader, or one whose chip cannot be read. */
  onSimulate: (unreadable: boolean) => void;
  onBack: () => void;
}) {
  return (
    <section class="screen identity" aria-labelledby="identity-title">
      <h1 id="identity-title" class="screen-title"><Bi text={service.name} class="name-title" /></h1>
      {priorityClasses.length > 0 ? (
        <div class="priority-row" role="group" aria-labelledby="priority-ask">
          <span id="priority-ask" class="hint"><Bi text={words.priorityAsk} /></span>
          <div class="chips">
            {priorityClasses.map((p) => (
              <button key={p.id} type="button" class="chip" aria-pressed={priorityId === p.id} onClick={() => onPriority(priorityId === p.id ? null : p.id)}>
                <Bi text={p.name} />
              </button>
            ))}
          </div>
        </div>
      ) : null}
      {card ? (
        <div class="card-ready">
          <CardBanner card={card} />
          <button type="button" class="action primary huge" data-testid="kiosk-take-with-card" onClick={() => onTake(true)}><Bi text={words.title} /></button>
        </div>
      ) : !online ? (
        // What the kiosk last heard of the reader is stale now (the hall may be restarting): it is not blamed.
        <div class="card-wait" data-testid="kiosk-card-paused">
          <p class="card-prompt"><Bi text={words.cardAfterReconnect} /></p>
        </div>
      ) : readerProblem ? (
        <div class="card-wait reader-down" data-testid="kiosk-reader-down" role="alert">
          <p class="card-prompt"><Bi text={words.readerDown} /></p>
          {readerProblem.message.zh !== words.readerDown.zh ? <p class="hint"><Bi text={readerProblem.message} /></p> : null}
          {service.idRequired ? <p class="hint strong"><Bi text={words.readerDownNext} /></p> : null}
        </div>
      ) : (
        <div class="card-wait" data-testid="kiosk-card-prompt">
          <div class="card-art" aria-hidden="true"><div class="card-art-card" /><div class="card-art-reader" /></div>
          <div class="card-words">
            <p class="card-prompt" role="status"><Bi text={words.placeCard} /></p>
            <p class="hint"><Bi text={words.placeCardHint} /></p>
          </div>
        </div>
      )}
      {/* The demo hall's simulated reader shares the bottom row with Back and Skip (wrapped above them in portrait):
          a row of its own pushed them under the footer on a landscape screen in large type. */}
      <div class="bottom-actions">
        <button type="button" class="action" data-testid="kiosk-back" onClick={onBack}><Bi text={words.back} /></button>
        {canSimulate && !card ? (
          <div class="simulate-actions">
            <button type="button" class="action small-action" data-testid="kiosk-simulate-card" onClick={() => onSimulate(false)}><Bi text={words.simulateCard} /></button>
            <button type="button" class="action small-action" data-testid="kiosk-simulate-bad-card" onClick={() => onSimulate(true)}><Bi text={words.simulateBadCard} /></button>
          </div>
        ) : null}
        {!service.idRequired && !card ? (
          <button type="button" class="action primary" data-testid="kiosk-skip-card" onClick={() => onTake(false)}>
            <Bi text={words.skipCard} />
          </button>
        ) : null}
      </div>
    </section>
  );
}
