import { useState } from 'preact/hooks';
import type { Text } from '../../../protocol/i18n.js';
import { Bi, pick, useLang } from '../shared/bilingual.js';
import { pairKiosk } from './kiosk-api.js';
import { words } from './kiosk-words.js';
import { NumericKeypad } from './numeric-keypad.js';

/** Without a device token the kiosk asks for the admin's one-time pairing code, on its own keypad. */
export function PairingScreen({ onPaired }: { onPaired: (token: string) => void }) {
  const lang = useLang();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<Text | null>(null);
  const [busy, setBusy] = useState(false);
  const pair = async () => {
    setBusy(true);
    const res = await pairKiosk(code);
    setBusy(false);
    if (!res.ok) { setProblem(res.error.message); setCode(''); return; }
    if (res.data.device.role !== 'kiosk') { setProblem(words.pairWrongRole); setCode(''); return; }
    onPaired(res.data.token);
  };
  return (
    <section class="screen pairing" aria-labelledby="pair-title">
      <h1 id="pair-title" class="screen-title"><Bi text={words.pairTitle} /></h1>
      <p class="hint"><Bi text={words.pairHint} /></p>
      <NumericKeypad value={code} length={8} onChange={(v) => { setCode(v); setProblem(null); }} label={pick(words.pairTitle, lang)} />
      {problem ? <p class="inline-error" role="alert"><Bi text={problem} /></p> : null}
      <button type="button" class="action primary" disabled={code.length !== 8 || busy} onClick={pair}><Bi text={words.pairButton} /></button>
    </section>
  );
}
