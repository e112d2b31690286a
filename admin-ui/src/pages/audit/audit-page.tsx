import { useEffect, useRef, useState } from 'preact/hooks';
import { apiCall } from '../../../../protocol/api-client.js';
import type { AccessEntry, AuditPage as Page, StoredEvent } from '../../../../protocol/audit-log.js';
import type { Lookups } from '../../../../protocol/audit-sentences.js';
import type { Area, Service, Staff, Window } from '../../../../protocol/config-entities.js';
import type { ErrorBody } from '../../../../protocol/i18n.js';
import type { HallSnapshot } from '../../../../protocol/realtime.js';
import { Bi, ErrorNotice } from '../../lib/bi.js';
import { useList } from '../../lib/use-list.js';
import { useApi } from '../stats/use-api.js';
import { apiPath, cleared, filtersFromHash, hashOf, type AuditFilters, type AuditTab } from './audit-filters.js';
import { AccessTable, OperationsTable } from './audit-tables.js';
import { FilterBar } from './filter-bar.js';
import './audit.css';

const pageSize = 100;
type Rows = { tab: AuditTab; entries: (StoredEvent | AccessEntry)[]; nextBefore: number | null };

const tabs: { tab: AuditTab; zh: string; en: string }[] = [
  { tab: 'operations', zh: '业务操作', en: 'Operations' },
  { tab: 'access', zh: '登录与设备', en: 'Sign-ins and devices' },
];

/** The hash as it is now, following the browser's back and forward buttons. */
function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const follow = () => setHash(location.hash);
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return hash;
}

/**
 * The audit log: the operations log (every queue and config change) and the access log (sign-ins and devices), each
 * for chosen hall days, newest first, a page at a time, narrowed by the filter bar and downloadable as CSV.
 */
export function AuditPage() {
  const hall = useApi<HallSnapshot>('/api/hall');
  const staff = useList<Staff>('/api/staff');
  const windows = useList<Window>('/api/windows');
  const services = useList<Service>('/api/services');
  const areas = useList<Area>('/api/areas');
  const hash = useHash();
  const today = hall.data?.hall.hallDay ?? null;
  const timeZone = hall.data?.hall.timeZone ?? 'Asia/Shanghai';
  const filters = today ? filtersFromHash(hash, today) : null;
  const listPath = filters ? apiPath(filters, 'list') : null;
  const [rows, setRows] = useState<Rows | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  // Only the answer to the latest request is shown: a slow answer for filters already changed is dropped.
  const latest = useRef(0);

  const load = async (path: string, tab: AuditTab, before: number | null) => {
    const ticket = ++latest.current;
    const res = await apiCall<Page<StoredEvent | AccessEntry>>('GET', `${path}&limit=${pageSize}${before ? `&before=${before}` : ''}`);
    if (ticket !== latest.current) return;
    if (!res.ok) {
      if (!before) setRows(null);
      return setError(res.error);
    }
    setError(null);
    setRows((shown) => ({ tab, entries: before && shown ? [...shown.entries, ...res.data.entries] : res.data.entries, nextBefore: res.data.nextBefore }));
  };
  useEffect(() => {
    if (listPath && filters) void load(listPath, filters.tab, null);
  }, [listPath]);

  const change = (next: AuditFilters) => { location.hash = hashOf(next); };
  const lookups: Lookups = {
    staffName: (id) => staff.items.find((s) => s.id === id)?.name ?? null,
    windowNumber: (id) => windows.items.find((w) => w.id === id)?.number ?? null,
    serviceName: (id) => services.items.find((s) => s.id === id)?.name ?? null,
    areaName: (id) => areas.items.find((a) => a.id === id)?.name ?? null,
  };
  const shown = rows && filters && rows.tab === filters.tab ? rows : null;
  return (
    <section class="panel audit">
      <header class="panel-head">
        <h2><Bi zh="操作日志" en="Audit log" inline /></h2>
        <div class="audit-tabs" role="tablist">
          {tabs.map((t) => (
            <button key={t.tab} type="button" role="tab" aria-selected={filters?.tab === t.tab} class={`audit-tab${filters?.tab === t.tab ? ' audit-tab-on' : ''}`}
              data-testid={`audit-tab-${t.tab}`} onClick={() => filters && filters.tab !== t.tab && change({ ...filters, tab: t.tab, kind: '' })}>
              <Bi zh={t.zh} en={t.en} inline />
            </button>
          ))}
        </div>
        <span class="audit-actions">
          <a class="btn" href={filters ? apiPath(filters, 'export') : undefined} download data-testid="audit-csv"><Bi zh="下载 CSV" en="CSV" inline /></a>
          <button type="button" class="btn" data-testid="audit-refresh" onClick={() => listPath && filters && void load(listPath, filters.tab, null)}>
            <Bi zh="刷新" en="Refresh" inline />
          </button>
        </span>
      </header>
      {filters && today && (
        <FilterBar filters={filters} staff={staff.items} windows={windows.items} onChange={change} onClear={() => change(cleared(filters, today))} />
      )}
      <ErrorNotice error={error ?? hall.error} />
      <div class="table-scroll">
        {shown && filters?.tab === 'operations' && <OperationsTable rows={shown.entries as StoredEvent[]} lookups={lookups} timeZone={timeZone} />}
        {shown && filters?.tab === 'access' && <AccessTable rows={shown.entries as AccessEntry[]} lookups={lookups} timeZone={timeZone} />}
        {shown?.nextBefore && listPath && filters && (
          <button type="button" class="btn load-older" data-testid="audit-older" onClick={() => void load(listPath, filters.tab, shown.nextBefore)}>
            <Bi zh="更早的记录" en="Older entries" inline />
          </button>
        )}
      </div>
    </section>
  );
}
