import { useEffect, useState } from 'preact/hooks';
import { apiCall } from '../../../../protocol/api-client.js';
import type { HallSettings, Service, Staff, Window } from '../../../../protocol/config-entities.js';
import type { ErrorBody } from '../../../../protocol/i18n.js';
import { Bi, ErrorNotice } from '../../lib/bi.js';
import { formatTime } from '../../lib/time.js';
import { useList } from '../../lib/use-list.js';
import { describeActor, describeEvent, type Lookups, type StoredEvent } from './describe-event.js';

const pageSize = 200;

/** The audit log, newest first: every change with who, where and when, 200 at a time. */
export function AuditPage() {
  const staff = useList<Staff>('/api/staff');
  const windows = useList<Window>('/api/windows');
  const services = useList<Service>('/api/services');
  const [events, setEvents] = useState<StoredEvent[]>([]);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [timeZone, setTimeZone] = useState('Asia/Shanghai');

  // /api/events pages forward from a seq; the newest page starts 200 before the last seq the server reports.
  const load = async (beforeSeq: number | null) => {
    let top = beforeSeq;
    if (top === null) {
      const health = await apiCall<{ seq: number }>('GET', '/healthz');
      if (!health.ok) return setError(health.error);
      top = health.data.seq + 1;
    }
    const afterSeq = Math.max(0, top - 1 - pageSize);
    const res = await apiCall<StoredEvent[]>('GET', `/api/events?afterSeq=${afterSeq}&limit=${Math.max(1, top - 1 - afterSeq)}`);
    if (!res.ok) return setError(res.error);
    const below = top;
    const older = res.data.filter((e) => e.seq < below).reverse();
    setEvents((list) => (beforeSeq === null ? older : [...list, ...older]));
  };
  useEffect(() => {
    void load(null);
    void apiCall<HallSettings>('GET', '/api/settings').then((r) => r.ok && setTimeZone(r.data.timeZone));
  }, []);

  const lookups: Lookups = {
    staffName: (id) => staff.items.find((s) => s.id === id)?.name ?? null,
    windowNumber: (id) => windows.items.find((w) => w.id === id)?.number ?? null,
    serviceName: (id) => services.items.find((s) => s.id === id)?.name.zh ?? null,
  };
  const oldest = events[events.length - 1]?.seq ?? 0;
  return (
    <section class="panel audit">
      <header class="panel-head">
        <h2><Bi zh="操作日志" en="Audit log" inline /></h2>
        <button type="button" class="btn" onClick={() => void load(null)} data-testid="audit-refresh"><Bi zh="刷新" en="Refresh" inline /></button>
      </header>
      <ErrorNotice error={error} />
      <div class="table-scroll">
        <table class="table" data-testid="audit-table">
          <thead><tr><th>#</th><th><Bi zh="时间" en="When" /></th><th class="nowrap"><Bi zh="操作人" en="Who" /></th><th><Bi zh="内容" en="What" /></th></tr></thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.seq} data-testid={`audit-${e.seq}`}>
                <td class="num muted">{e.seq}</td>
                <td class="nowrap">{formatTime(e.at, timeZone, true)}</td>
                <td class="nowrap">{describeActor(e.actor, lookups)}</td>
                <td>{describeEvent(e, lookups)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {oldest > 1 && (
        <button type="button" class="btn load-older" onClick={() => void load(oldest)}><Bi zh="更早的记录" en="Older entries" inline /></button>
      )}
    </section>
  );
}
