import { useEffect, useRef } from 'preact/hooks';
import type { Text } from '../../../protocol/i18n.js';
import { Bi, fill } from '../shared/bilingual.js';
import { words } from './phone-words.js';

/** The question and its two answers: a ticket's (by its number) unless given, as the booking page does. */
export interface CancelWords { ask: Text; yes: Text; no: Text }

/**
 * Cancelling loses the place in the queue (or the booked slot), so it is asked once more, on the page (no browser
 * dialog).
 */
export function CancelConfirm({ number, busy, onYes, onNo, said, testid = 'phone-cancel' }: {
  number?: string; busy: boolean; onYes: () => void; onNo: () => void; said?: CancelWords; testid?: string;
}) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  const text = said ?? { ask: fill(words.cancelAsk, { number: number ?? '' }), yes: words.cancelYes, no: words.cancelNo };
  return (
    <div class="confirm" role="alertdialog" aria-modal="false" aria-labelledby="cancel-ask" data-testid={`${testid}-confirm`}>
      <p id="cancel-ask" class="confirm-text"><Bi text={text.ask} /></p>
      <div class="form-actions">
        <button type="button" class="button" ref={keep} onClick={onNo}><Bi text={text.no} /></button>
        <button type="button" class="button danger" disabled={busy} data-testid={`${testid}-yes`} onClick={onYes}><Bi text={text.yes} /></button>
      </div>
    </div>
  );
}
