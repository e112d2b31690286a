import { useEffect, useRef, useState } from 'preact/hooks';
import { apiCall } from '../../../protocol/api-client.js';
import type { ErrorBody } from '../../../protocol/i18n.js';
import type { TicketView } from '../../../protocol/queue-entities.js';
import { HallSocket, hallSocketUrl } from '../../../protocol/realtime-client.js';
import { Bi, ErrorNotice } from '../lib/bi.js';
import type { RatingPlace } from './rating-auth.js';
import { BadRatingReasons } from './bad-rating-reasons.js';
import { isBadRating, ratingLevels, stars, type RatingLevel, type RatingReason } from './rating-levels.js';

type Phase =
  | { kind: 'idle' }
  | { kind: 'asking'; ticket: TicketView }
  | { kind: 'reason'; ticket: TicketView; level: RatingLevel }
  | { kind: 'thanks' }
  | { kind: 'error'; error: ErrorBody };

const askForMs = 60_000;
const thankForMs = 5_000;

/**
 * Waits for a finish at its window, then offers the five levels. The ratings API belongs to a later part of the
 * system: until it exists the route answers 404, and the visitor is thanked all the same rather than shown a fault.
 */
export function RatingScreen({ place, token, onRefused }: { place: RatingPlace; token: string | null; onRefused: () => void }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const show = (next: Phase, backToIdleAfterMs: number | null) => {
    if (timer.current) clearTimeout(timer.current);
    setPhase(next);
    timer.current = backToIdleAfterMs === null ? null : setTimeout(() => setPhase({ kind: 'idle' }), backToIdleAfterMs);
  };

  useEffect(() => {
    const socket = new HallSocket({
      url: hallSocketUrl(),
      token: () => token ?? undefined,
      follow: { scope: 'window', windowId: place.windowId },
      onEvent: (event) => {
        if (event.type === 'ticket.finished' && event.window?.id === place.windowId && event.ticket) show({ kind: 'asking', ticket: event.ticket }, askForMs);
      },
      onRefused: () => { socket.stop(); onRefused(); },
    });
    socket.start();
    return () => {
      socket.stop();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [place.windowId, token]);

  const choose = (ticket: TicketView, level: RatingLevel) => {
    if (isBadRating(level)) show({ kind: 'reason', ticket, level }, askForMs);
    else void rate(ticket, level, []);
  };

  const rate = async (ticket: TicketView, level: RatingLevel, reasons: RatingReason[]) => {
    const body = { ticketId: ticket.id, level, ...(reasons.length ? { reasons } : {}) };
    const res = await apiCall('POST', '/api/ratings', { token, body });
    if (res.ok) show({ kind: 'thanks' }, thankForMs);
    else show({ kind: 'error', error: res.error }, thankForMs);
  };

  return (
    <main class={`rate-page rate-phase-${phase.kind}`} data-testid="rate-screen" data-phase={phase.kind}>
      <header class="rate-head">
        <span class="rate-window">{place.windowName.zh} <small>{place.windowName.en}</small></span>
        {(phase.kind === 'asking' || phase.kind === 'reason') && <span class="rate-ticket" data-testid="rate-ticket">{phase.ticket.number}</span>}
      </header>
      {phase.kind === 'idle' && (
        <section class="rate-message">
          <p class="rate-big"><Bi zh="欢迎您，请对我们的服务进行监督" en="Welcome. Your rating helps us serve you better" /></p>
          <p class="rate-small"><Bi zh="办结后请在此屏幕评价" en="Please rate us here when your business is done" /></p>
        </section>
      )}
      {phase.kind === 'asking' && (
        <section class="rate-ask">
          <h1 class="rate-question"><Bi zh="请您对本次服务进行评价" en="How was our service today?" /></h1>
          <div class="rate-levels">
            {ratingLevels.map((l) => (
              <button key={l.level} type="button" class={`rate-btn rate-level-${l.level}`} data-testid={`rate-${l.level}`}
                onClick={() => choose(phase.ticket, l.level)}>
                <span class="rate-stars" aria-hidden="true">{stars(l.level)}</span>
                <span class="rate-zh">{l.zh}</span>
                <span class="rate-en">{l.en}</span>
              </button>
            ))}
          </div>
        </section>
      )}
      {phase.kind === 'reason' && (
        <BadRatingReasons level={phase.level} onSubmit={(reasons) => void rate(phase.ticket, phase.level, reasons)}
          onBack={() => show({ kind: 'asking', ticket: phase.ticket }, askForMs)} />
      )}
      {phase.kind === 'thanks' && (
        <section class="rate-message" data-testid="rate-thanks">
          <p class="rate-big"><Bi zh="感谢您的评价" en="Thank you for your rating" /></p>
        </section>
      )}
      {phase.kind === 'error' && <section class="rate-message"><ErrorNotice error={phase.error} /></section>}
    </main>
  );
}
