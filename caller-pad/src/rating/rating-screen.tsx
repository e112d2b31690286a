import { useEffect, useRef, useState } from 'preact/hooks';
import type { ErrorBody, Text } from '../../../protocol/i18n.js';
import type { TicketView } from '../../../protocol/queue-entities.js';
import { HallSocket, hallSocketUrl } from '../../../protocol/realtime-client.js';
import { Bi, BiText } from '../lib/bi.js';
import type { RatingPlace } from './rating-auth.js';
import { isFinalRefusal, loadAskTimes, sendRating, type AskTimes, type RatingDraft } from './rating-api.js';
import { BadRatingReasons } from './bad-rating-reasons.js';
import { isBadRating, ratingLevels, stars, type RatingLevel } from './rating-levels.js';
import { useAskClock } from './use-ask-clock.js';
import { withCount, words } from './rating-words.js';

/** A finished visit this screen asks about, and when the finish reached it (the ask clock starts there). */
interface Asked { ticket: TicketView; shownAt: number }

type Phase =
  | { kind: 'idle' }
  | { kind: 'asking'; asked: Asked; busy: boolean; problem: ErrorBody | null }
  | { kind: 'reason'; asked: Asked; level: RatingLevel; busy: boolean; problem: ErrorBody | null }
  | { kind: 'thanks' }
  | { kind: 'notSent'; why: Text; byPhone: boolean };

const defaultAskMs = 60_000;
const thankForMs = 5_000;
const notSentForMs = 10_000;

/**
 * Waits for a finish at its window, then offers the five levels; a bad level asks why. A rating is never lost
 * without a word: a refusal worth retrying keeps what was chosen and typed, and when the screen gives up (left
 * untouched, or the hall's time for it is over) it says the rating was not sent and how to rate by phone instead.
 * Nothing is sent until the visitor presses submit, so giving up leaves nothing half-stored.
 */
export function RatingScreen({ place, token, onRefused }: { place: RatingPlace; token: string | null; onRefused: () => void }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [times, setTimes] = useState<AskTimes>({ askMs: defaultAskMs, closesMs: defaultAskMs });
  const phaseRef = useRef(phase);
  phaseRef.current = phase;
  // A finish that came while the last visitor was still rating waits its turn instead of wiping their rating.
  const waiting = useRef<Asked | null>(null);
  const endTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const ask = (asked: Asked) => setPhase({ kind: 'asking', asked, busy: false, problem: null });
  const next = () => {
    const queued = waiting.current;
    waiting.current = null;
    if (queued && Date.now() < queued.shownAt + times.askMs) ask(queued);
    else setPhase({ kind: 'idle' });
  };
  const end = (last: Phase & { kind: 'thanks' | 'notSent' }) => {
    setPhase(last);
    if (endTimer.current) clearTimeout(endTimer.current);
    endTimer.current = setTimeout(next, last.kind === 'thanks' ? thankForMs : notSentForMs);
  };

  useEffect(() => { void loadAskTimes(defaultAskMs).then(setTimes); }, []);
  useEffect(() => {
    const socket = new HallSocket({
      url: hallSocketUrl(),
      token: () => token ?? undefined,
      follow: { scope: 'window', windowId: place.windowId },
      onEvent: (event) => {
        if (event.type !== 'ticket.finished' || event.window?.id !== place.windowId || !event.ticket) return;
        const asked = { ticket: event.ticket, shownAt: Date.now() };
        const now = phaseRef.current;
        const rating = now.kind === 'reason' || (now.kind === 'asking' && now.busy);
        if (rating) waiting.current = asked;
        else {
          if (endTimer.current) clearTimeout(endTimer.current);
          ask(asked);
        }
      },
      onRefused: () => { socket.stop(); onRefused(); },
    });
    socket.start();
    return () => {
      socket.stop();
      if (endTimer.current) clearTimeout(endTimer.current);
    };
  }, [place.windowId, token]);

  const asked = phase.kind === 'asking' || phase.kind === 'reason' ? phase.asked : null;
  const busy = (phase.kind === 'asking' || phase.kind === 'reason') && phase.busy;
  const warn = useAskClock(asked?.shownAt ?? null, times, phase.kind === 'reason', busy, () => {
    if (phaseRef.current.kind === 'reason') end({ kind: 'notSent', why: words.timeUp, byPhone: true });
    else next();
  });

  /** Updates the phase of this visit only: an answer that comes back late must not touch the next visitor's. */
  const patch = (ticketId: number, change: { busy: boolean; problem: ErrorBody | null }) => setPhase((p) =>
    (p.kind === 'asking' || p.kind === 'reason') && p.asked.ticket.id === ticketId ? { ...p, ...change } : p);

  const rate = async (visit: Asked, draft: RatingDraft) => {
    patch(visit.ticket.id, { busy: true, problem: null });
    const res = await sendRating(token, visit.ticket.id, draft);
    if (res.ok) return end({ kind: 'thanks' });
    if (isFinalRefusal(res.error.code)) return end({ kind: 'notSent', why: res.error.message, byPhone: res.error.code === 'RATING_CLOSED' });
    patch(visit.ticket.id, { busy: false, problem: res.error });
  };

  const choose = (visit: Asked, level: RatingLevel) => {
    if (isBadRating(level)) setPhase({ kind: 'reason', asked: visit, level, busy: false, problem: null });
    else void rate(visit, { level, reasons: [], comment: '' });
  };

  const notices = (problem: ErrorBody | null) => (
    <>
      {warn ? (
        <p class="rate-countdown" role="status" data-testid="rate-countdown">
          <BiText text={withCount(warn.cause === 'idle' ? words.idleSoon : words.closingSoon, warn.seconds)} />
        </p>
      ) : null}
      {problem ? <p class="rate-problem" role="alert" data-testid="rate-problem" data-code={problem.code}><BiText text={problem.message} /></p> : null}
    </>
  );

  return (
    <main class={`rate-page rate-phase-${phase.kind}`} data-testid="rate-screen" data-phase={phase.kind}>
      <header class="rate-head">
        <span class="rate-window">{place.windowName.zh} <small>{place.windowName.en}</small></span>
        {asked && <span class="rate-ticket" data-testid="rate-ticket">{asked.ticket.number}</span>}
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
              <button key={l.level} type="button" class={`rate-btn rate-level-${l.level}`} data-testid={`rate-${l.level}`} disabled={phase.busy}
                onClick={() => choose(phase.asked, l.level)}>
                <span class="rate-stars" aria-hidden="true">{stars(l.level)}</span>
                <span class="rate-zh">{l.zh}</span>
                <span class="rate-en">{l.en}</span>
              </button>
            ))}
          </div>
          {notices(phase.problem)}
        </section>
      )}
      {phase.kind === 'reason' && (
        <BadRatingReasons key={phase.asked.ticket.id} level={phase.level} busy={phase.busy}
          onSubmit={(draft) => void rate(phase.asked, draft)} onBack={() => ask(phase.asked)}>
          {notices(phase.problem)}
        </BadRatingReasons>
      )}
      {phase.kind === 'thanks' && (
        <section class="rate-message" data-testid="rate-thanks">
          <p class="rate-big"><Bi zh="感谢您的评价" en="Thank you for your rating" /></p>
        </section>
      )}
      {phase.kind === 'notSent' && (
        <section class="rate-message" data-testid="rate-not-sent" role="alert">
          <p class="rate-big rate-big-warn"><BiText text={words.notSent} /></p>
          <p class="rate-small"><BiText text={phase.why} /></p>
          {phase.byPhone ? <p class="rate-small"><BiText text={words.byPhone} /></p> : null}
        </section>
      )}
    </main>
  );
}
