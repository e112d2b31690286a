import type { CallEntry } from '../state/board-state.js';

/** The calls before the latest one, so someone who looked away a moment ago still finds their number. */
export function RecentCalls({ calls }: { calls: CallEntry[] }) {
  return (
    <section class="panel recent" data-testid="board-recent-calls">
      <h2>最近呼叫<span class="en">Recent calls</span></h2>
      {calls.length === 0
        ? <p class="panel-empty">暂无<span class="en">None yet</span></p>
        : (
          <ol class="recent-list">
            {calls.map((c) => (
              <li key={c.ticketId} class="recent-item">
                <span class="recent-number">{c.number}</span>
                <span class="recent-window">{c.windowNumber}<small> 号窗口</small></span>
              </li>
            ))}
          </ol>
        )}
    </section>
  );
}
