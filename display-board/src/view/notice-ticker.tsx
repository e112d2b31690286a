import type { ComponentChildren } from 'preact';
import type { Text } from '../../../protocol/i18n.js';

/**
 * The hall's notice, scrolling along the bottom; its speed follows its length so long notices stay readable. The
 * aside (what the voice is saying) sits at the right end and the notice makes room for it.
 */
export function NoticeTicker({ notice, aside }: { notice: Text; aside?: ComponentChildren }) {
  const text = `${notice.zh}　${notice.en}`;
  const seconds = Math.max(20, text.length * 0.5);
  return (
    <footer class="notice" data-testid="board-notice">
      <span class="notice-label">公告<span class="en">Notice</span></span>
      <div class="notice-track">
        <p class="notice-text" style={{ animationDuration: `${seconds}s` }}>
          <span class="notice-copy">{text}</span>
          <span class="notice-copy" aria-hidden="true">{text}</span>
        </p>
      </div>
      {aside}
    </footer>
  );
}
