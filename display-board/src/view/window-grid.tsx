import type { WindowView } from '../../../protocol/queue-entities.js';
import { windowStatus } from '../state/window-status.js';

/** Columns for a wall of n windows: tiles stay wide enough for a number and a two-line status. */
function columnsFor(n: number): number {
  if (n <= 4) return Math.max(n, 2);
  if (n <= 12) return 4;
  if (n <= 15) return 5;
  if (n <= 24) return 6;
  return 8;
}

/** Every window: its number, the ticket at it, and what it is doing, in words as well as colour. */
export function WindowGrid({ windows }: { windows: WindowView[] }) {
  const columns = columnsFor(windows.length);
  const rows = Math.max(1, Math.ceil(windows.length / columns));
  // Fewer rows, bigger type; the scale keeps a 24-window hall readable within the same panel.
  const scale = Math.min(1, 3 / rows);
  return (
    <section class="panel windows">
      <h2>窗口状态<span class="en">Windows</span></h2>
      <div class="window-grid" style={{ gridTemplateColumns: `repeat(${columns}, 1fr)`, gridTemplateRows: `repeat(${rows}, 1fr)`, '--tile-scale': String(scale) }}>
        {windows.map((w) => {
          const { tone, label } = windowStatus(w);
          return (
            <div key={w.id} class={`window-tile tone-${tone}`} data-testid={`board-window-${w.number}`} data-status={tone}>
              <div class="window-name">{w.number}<small> 号窗口</small></div>
              <div class="window-ticket">{w.currentTicket && w.status !== 'closed' ? w.currentTicket.number : '—'}</div>
              <div class="window-status">{label.zh}<span class="en">{label.en}</span></div>
            </div>
          );
        })}
      </div>
    </section>
  );
}
