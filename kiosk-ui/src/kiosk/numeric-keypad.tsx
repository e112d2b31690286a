import { Bi, pick, useLang } from '../shared/bilingual.js';
import { words } from './kiosk-words.js';

/**
 * Digits typed by touch alone: a kiosk has no keyboard. The display is a live region so a screen reader hears the
 * digits as they are entered.
 */
export function NumericKeypad({ value, length, onChange, label }: { value: string; length: number; onChange: (v: string) => void; label: string }) {
  const lang = useLang();
  const press = (d: string) => { if (value.length < length) onChange(value + d); };
  const cells = Array.from({ length }, (_, i) => value[i] ?? '');
  return (
    <div class="keypad-block">
      <div class="code-display" role="status" aria-live="polite" aria-label={label}>
        {cells.map((c, i) => <span key={i} class={c ? 'code-cell filled' : 'code-cell'}>{c || '·'}</span>)}
      </div>
      <div class="keypad" role="group" aria-label={pick(words.keypad, lang)}>
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
          <button key={d} type="button" class="key" data-testid={`key-${d}`} onClick={() => press(d)}>{d}</button>
        ))}
        <button type="button" class="key key-word" data-testid="key-clear" onClick={() => onChange('')}><Bi text={words.clear} /></button>
        <button type="button" class="key" data-testid="key-0" onClick={() => press('0')}>0</button>
        <button type="button" class="key key-word" data-testid="key-erase" onClick={() => onChange(value.slice(0, -1))}><Bi text={words.erase} /></button>
      </div>
    </div>
  );
}
