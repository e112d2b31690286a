import type { CallEntry } from '../state/board-state.js';

/**
 * The newest call, as large as the wall allows. A call that has just arrived flashes for a few seconds (the key
 * restarts the animation on every call and recall); one shown from a snapshot after a reload stays still.
 */
export function LatestCall({ call, flashing }: { call: CallEntry | null; flashing: boolean }) {
  if (!call) {
    return (
      <section class="latest empty" data-testid="board-latest-call">
        <p class="latest-label">暂无呼叫<span class="en">No call now</span></p>
      </section>
    );
  }
  return (
    <section key={`${call.ticketId}-${call.at}`} class={`latest${flashing ? ' flashing' : ''}`} data-testid="board-latest-call" aria-live="polite">
      <p class="latest-label">{call.recall ? '重复呼叫' : '正在呼叫'}<span class="en">{call.recall ? 'Calling again' : 'Now calling'}</span></p>
      <p class="latest-number">{call.number}</p>
      <p class="latest-window">请到 <strong>{call.windowNumber}</strong> 号窗口</p>
      <p class="latest-window-en">Please go to Window {call.windowNumber}</p>
      <p class="latest-meta">
        {call.nameMasked && <span class="latest-name">{call.nameMasked}</span>}
        <span>{call.serviceName.zh}</span>
        <span class="en">{call.serviceName.en}</span>
      </p>
    </section>
  );
}
