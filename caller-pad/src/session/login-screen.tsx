import { useState } from 'preact/hooks';
import type { ErrorBody } from '../../../protocol/i18n.js';
import type { Staff } from '../../../protocol/config-entities.js';
import { Bi, ErrorNotice } from '../lib/bi.js';
import { login } from './staff-session.js';

export function LoginScreen({ onLoggedIn }: { onLoggedIn: (staff: Staff) => void }) {
  const [number, setNumber] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const res = await login(number.trim(), password);
    setBusy(false);
    if (res.ok) onLoggedIn(res.data.staff);
    else setError(res.error);
  };

  return (
    <main class="centre-page">
      <form class="card login-card" onSubmit={submit}>
        <h1><Bi zh="窗口叫号 · 工作人员登录" en="Caller pad · Staff sign-in" /></h1>
        <label class="field">
          <Bi zh="工号" en="Staff number" inline />
          <input name="staffNumber" data-testid="pad-login-number" autoComplete="username" required value={number}
            onInput={(e) => setNumber(e.currentTarget.value)} />
        </label>
        <label class="field">
          <Bi zh="密码" en="Password" inline />
          <input name="password" type="password" data-testid="pad-login-password" autoComplete="current-password" required
            value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <ErrorNotice error={error} />
        <button type="submit" class="btn btn-primary btn-wide" data-testid="pad-login-submit" disabled={busy}>
          <Bi zh="登录" en="Sign in" />
        </button>
      </form>
    </main>
  );
}
