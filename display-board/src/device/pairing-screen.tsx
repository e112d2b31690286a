import { useState } from 'preact/hooks';
import { apiCall } from '../../../protocol/api-client.js';
import type { ErrorBody } from '../../../protocol/i18n.js';

/** A board without a token asks for the 8-digit code an administrator made for it in the admin pages. */
export function PairingScreen({ onPaired }: { onPaired: (token: string) => void }) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const res = await apiCall<{ token: string }>('POST', '/api/devices/pair', { body: { code, name: '叫号大屏' } });
    setBusy(false);
    if (res.ok) onPaired(res.data.token);
    else setError(res.error);
  };

  return (
    <main class="pairing" data-testid="board-pairing">
      <h1>叫号大屏配对</h1>
      <p class="en">Pair this display board</p>
      <form onSubmit={submit}>
        <label for="pair-code">请输入管理员提供的 8 位配对码<span class="en">Enter the 8-digit pairing code from the administrator</span></label>
        <input
          id="pair-code" inputMode="numeric" autoComplete="off" maxLength={8} pattern="\d{8}" value={code}
          onInput={(e) => setCode((e.target as HTMLInputElement).value.replace(/\D/g, ''))}
        />
        <button type="submit" disabled={busy || code.length !== 8}>配对<span class="en">Pair</span></button>
      </form>
      {error && <p class="pairing-error" role="alert">{error.message.zh}<span class="en">{error.message.en}</span></p>}
    </main>
  );
}
