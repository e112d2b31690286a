import { useState } from 'preact/hooks';
import type { ErrorBody } from '../../../protocol/i18n.js';
import { Bi, ErrorNotice } from '../lib/bi.js';
import { pairRatingPad } from './rating-auth.js';

/** First start of a rating pad: the 8-digit code an admin created for this window. */
export function PairingForm({ onPaired }: { onPaired: (token: string) => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<ErrorBody | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const res = await pairRatingPad(code.trim());
    if (res.ok) onPaired(res.token);
    else setError(res.error);
  };
  return (
    <main class="rate-page rate-centre">
      <form class="card login-card" onSubmit={submit}>
        <h1><Bi zh="评价器配对" en="Pair this rating screen" /></h1>
        <label class="field">
          <Bi zh="配对码（8位数字，由管理员生成）" en="Pairing code (8 digits, from the admin screen)" />
          <input inputMode="numeric" pattern="\d{8}" maxLength={8} required value={code} data-testid="rate-pair-code"
            onInput={(e) => setCode(e.currentTarget.value)} />
        </label>
        <ErrorNotice error={error} />
        <button type="submit" class="btn btn-primary btn-wide"><Bi zh="配对" en="Pair" /></button>
      </form>
    </main>
  );
}
