import { Bi } from '../shared/bilingual.js';
import { words } from './phone-words.js';
import { FollowUpPart } from './rating-step.js';
import { useMyRating } from './use-my-rating.js';

/**
 * A link whose ticket has left the live queue. A rectification takes days, so the visitor comes back to this link
 * after its day is over: if their bad rating's follow-up is still held, they see where it stands and rate the fix;
 * otherwise the link leads nowhere, and the page says so.
 */
export function GoneVisit({ token, go }: { token: string; go: (path: string) => void }) {
  const { mine, failed, reload } = useMyRating(token);
  const again = <button type="button" class="button primary wide" onClick={() => go('/m/')}><Bi text={words.takeAnother} /></button>;
  if (!mine && !failed) return <p class="loading" role="status"><Bi text={words.loading} /></p>;
  if (mine?.followUp) return <><FollowUpPart token={token} mine={mine} reload={reload} />{again}</>;
  return (
    <section class="panel" role="alert" data-testid="phone-missing">
      <h2 class="panel-title"><Bi text={words.notFound} /></h2>
      <p><Bi text={words.notFoundNext} /></p>
      {again}
    </section>
  );
}
