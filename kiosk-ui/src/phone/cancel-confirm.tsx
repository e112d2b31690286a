import { useEffect, useRef } from 'preact/hooks';
import { Bi, fill } from '../shared/bilingual.js';
import { words } from './phone-words.js';

/** Cancelling loses the place in the queue, so it is asked once more, on the page (no browser dialog). */
export function CancelConfirm({ number, busy, onYes, onNo }: { number: string; busy: boolean; onYes: () => void; onNo: () => void }) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div class="confirm" role="alertdialog" aria-modal="false" aria-labelledby="cancel-ask" data-testid="phone-cancel-confirm">
      <p id="cancel-ask" class="confirm-text"><Bi text={fill(words.cancelAsk, { number })} /></p>
      <div class="form-actions">
        <button type="button" class="button" ref={keep} onClick={onNo}><Bi text={words.cancelNo} /></button>
        <button type="button" class="button danger" disabled={busy} data-testid="phone-cancel-yes" onClick={onYes}><Bi text={words.cancelYes} /></button>
      </div>
    </div>
  );
}
