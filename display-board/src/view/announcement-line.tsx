import type { AnnouncementRecord } from '../voice/announcer.js';
import { useNow } from './use-now.js';

/** Calls the voice could not say stay listed this long. */
const missedShownMs = 120_000;
const missedListed = 6;

/**
 * What the voice is saying, in words, at the right end of the notice bar. In a burst the screen shows the newest
 * call at once while the voice works through the calls in order, so a visitor who hears a number (or cannot hear
 * it) finds it here; calls the voice could not say (sound held back too long, no voice answering) are listed for a
 * while, so nobody waits to hear them. Nothing is shown while the voice is quiet.
 */
export function AnnouncementLine({ records }: { records: AnnouncementRecord[] }) {
  const now = useNow(1000);
  // The call being said, or the one about to be (its chime is ringing, or the gap before it in a run), so the line
  // holds steady through a run instead of blinking between calls.
  const playing = records.find((r) => r.status === 'playing') ?? records.find((r) => r.status === 'queued');
  if (playing) {
    const more = records.filter((r) => r.status === 'queued' && r !== playing).length;
    return (
      <div class="announcing" data-testid="board-announcing" data-number={playing.ticketNumber} role="status">
        <span class="announcing-label">正在播报<span class="en">Announcing</span></span>
        <span class="announcing-call">
          <strong>{playing.ticketNumber}</strong> 请到 <strong>{playing.windowNumber}</strong> 号窗口
          <span class="en">Number {playing.ticketNumber}, window {playing.windowNumber}</span>
        </span>
        {more > 0 && <span class="announcing-more">还有 {more} 个<span class="en">{more} more</span></span>}
      </div>
    );
  }
  const missed = records.filter((r) => (r.status === 'skipped' || r.status === 'failed') && r.endedAt !== null && now - r.endedAt < missedShownMs);
  if (missed.length === 0) return null;
  const listed = missed.slice(-missedListed).map((r) => r.ticketNumber).join(' ');
  const rest = missed.length - Math.min(missed.length, missedListed);
  return (
    <div class="announcing missed" data-testid="board-not-announced" role="status">
      <span class="announcing-label">未能播报<span class="en">Not announced</span></span>
      <span class="announcing-call"><strong>{listed}</strong></span>
      {rest > 0 && <span class="announcing-more">共 {missed.length} 个<span class="en">{missed.length} in all</span></span>}
    </div>
  );
}
