import { useEffect, useState } from 'preact/hooks';
import { apiCall } from '../../../protocol/api-client.js';
import type { Staff } from '../../../protocol/config-entities.js';
import type { ErrorBody } from '../../../protocol/i18n.js';
import { Bi } from '../lib/bi.js';
import { LoginForm } from './login-form.js';
import { routeOf, routes } from './routes.js';

const adminOnly: ErrorBody = { code: 'FORBIDDEN', message: { zh: '管理后台仅限管理员和值班长使用', en: 'The admin screens are for administrators and supervisors' } };

/** Sign-in as admin (or supervisor, who may look but not change), then a side menu of pages chosen by the URL hash. */
export function AdminApp() {
  const [staff, setStaff] = useState<Staff | null | undefined>(undefined);
  const [refusal, setRefusal] = useState<ErrorBody | null>(null);
  const [hash, setHash] = useState(location.hash);

  const accept = async (s: Staff | null) => {
    if (s && s.role === 'staff') {
      await apiCall('POST', '/api/auth/logout');
      setRefusal(adminOnly);
      return setStaff(null);
    }
    setStaff(s);
  };
  useEffect(() => {
    void apiCall<{ kind: string; staff: Staff | null }>('GET', '/api/auth/me').then((r) => accept(r.ok && r.data.kind === 'staff' ? r.data.staff : null));
    const onHash = () => setHash(location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  if (staff === undefined) return null;
  if (staff === null) return <LoginForm refusal={refusal} onLoggedIn={(s) => void accept(s)} />;
  const route = routeOf(hash);
  const logout = async () => {
    await apiCall('POST', '/api/auth/logout');
    setStaff(null);
  };
  return (
    <div class="shell">
      <header class="topbar">
        <h1><Bi zh="大厅管理后台" en="Hall administration" inline /></h1>
        <span class="topbar-user" data-testid="admin-user">{staff.name} · {staff.number}</span>
        <button type="button" class="btn btn-quiet" onClick={() => void logout()}><Bi zh="退出" en="Sign out" inline /></button>
      </header>
      <nav class="sidenav" aria-label="菜单 Menu">
        {routes.map((r) => (
          <a key={r.hash} href={`#/${r.hash}`} class={r === route ? 'nav-on' : ''} aria-current={r === route ? 'page' : undefined} data-testid={`admin-nav-${r.hash}`}>
            <Bi zh={r.zh} en={r.en} />
          </a>
        ))}
      </nav>
      <main class="content"><route.Page key={route.hash} /></main>
    </div>
  );
}
