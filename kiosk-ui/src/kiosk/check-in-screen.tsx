import { Bi, pick, useLang } from '../shared/bilingual.js';
import { words } from './kiosk-words.js';
import { NumericKeypad } from './numeric-keypad.js';

/** Appointment check-in: the 6-digit code on the on-screen keypad, or the ID card on the reader. */
export function CheckInScreen({ code, onCode, onConfirm, onBack }: { code: string; onCode: (c: string) => void; onConfirm: () => void; onBack: () => void }) {
  const lang = useLang();
  return (
    <section class="screen checkin" aria-labelledby="checkin-title">
      <h1 id="checkin-title" class="screen-title"><Bi text={words.checkIn} /></h1>
      <p class="hint"><Bi text={words.enterCode} /></p>
      <NumericKeypad value={code} length={6} onChange={onCode} label={pick(words.enterCode, lang)} />
      <p class="hint card-alt"><Bi text={words.orCard} /></p>
      <div class="bottom-actions">
        <button type="button" class="action" data-testid="kiosk-back" onClick={onBack}><Bi text={words.back} /></button>
        <button type="button" class="action primary" data-testid="kiosk-check-in-confirm" disabled={code.length !== 6} onClick={onConfirm}><Bi text={words.confirm} /></button>
      </div>
    </section>
  );
}
