import { useState } from 'preact/hooks';
import { apiCall } from '../../../protocol/api-client.js';
import type { Staff } from '../../../protocol/config-entities.js';
import type { ErrorBody } from '../../../protocol/i18n.js';
import { Bi, ErrorNotice } from '../lib/bi.js';

export function LoginForm({ onLoggedIn, refusal }: { onLoggedIn: (s: Staff) => void; refusal: ErrorBody | null }) {
  const [number, setNumber] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ErrorBody | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    const res = await apiCall<{ staff: Staff }>('POST', '/api/auth/login', { body: { staffNumber: number.trim(), password } });
    if (res.ok) onLoggedIn(res.data.staff);
    else setError(res.error);
  };
  return (
    <main class="login-page">
      <form class="panel login-card" onSubmit={submit}>
        <h1><Bi zh="大厅管理后台" en="Hall administration" /></h1>
        <label class="field">
          <span class="field-label"><Bi zh="工号" en="Staff number" inline /></span>
          <input data-testid="admin-login-number" autoComplete="username" required value={number} onInput={(e) => setNumber(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field-label"><Bi zh="密码" en="Password" inline /></span>
          <input type="password" data-testid="admin-login-password" autoComplete="current-password" required value={password}
            onInput={(e) => setPassword(e.currentTarget.value)} />
        </label>
        <ErrorNotice error={error ?? refusal} />
        <button type="submit" class="btn btn-primary btn-wide" data-testid="admin-login-submit"><Bi zh="登录" en="Sign in" /></button>
      </form>
    </main>
  );
}
