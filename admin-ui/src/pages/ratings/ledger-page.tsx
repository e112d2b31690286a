import { useState } from 'preact/hooks';
import type { Service, Staff, Window } from '../../../../protocol/config-entities.js';
import type { FollowUpView, RatingView } from '../../../../protocol/ratings.js';
import type { HallSnapshot } from '../../../../protocol/realtime.js';
import { Bi, ErrorNotice } from '../../lib/bi.js';
import { useList } from '../../lib/use-list.js';
import { useApi } from '../stats/use-api.js';
import { CaseDetail, type Names } from './case-detail.js';
import { CasesTable } from './cases-table.js';
import { RatingsTable } from './ratings-table.js';
import { useHallChanges } from '../../lib/use-hall-changes.js';
import './ratings.css';

/**
 * 好差评台账: bad-rating cases with their deadlines and a case's handling, and the ratings they came from. Follows
 * the hall live: a new rating, a case handled elsewhere or a visitor's rating of the fix shows without a reload.
 */
export function LedgerPage() {
  const hall = useApi<HallSnapshot>('/api/hall');
  const staff = useList<Staff>('/api/staff');
  const windows = useList<Window>('/api/windows');
  const services = useList<Service>('/api/services');
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [badOnly, setBadOnly] = useState(true);
  const [chosen, setChosen] = useState<number | null>(null);
  const cases = useApi<FollowUpView[]>(`/api/follow-ups${overdueOnly ? '?overdue=true' : ''}`);
  const day = hall.data?.hall.hallDay;
  const from = day && new Date(Date.parse(`${day}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
  const ratings = useApi<RatingView[]>(day ? `/api/ratings?from=${from}&to=${day}${badOnly ? '&bad=true' : ''}` : null);
  const timeZone = hall.data?.hall.timeZone ?? 'Asia/Shanghai';
  // The open case is drawn from the case list, so reloading the list refreshes it too (a fix rated on the phone).
  useHallChanges(() => Promise.all([cases.reload(), ratings.reload()]));

  const names: Names = {
    staff: (id) => (id == null ? '—' : staff.items.find((s) => s.id === id)?.name ?? `#${id}`),
    window: (id) => (id == null ? '—' : `${windows.items.find((w) => w.id === id)?.number ?? id} 号窗口`),
    service: (id) => services.items.find((s) => s.id === id)?.name.zh ?? `#${id}`,
  };
  const current = cases.data?.find((c) => c.id === chosen) ?? null;
  return (
    <div class="ledger" data-testid="ratings-ledger">
      <section class="panel ledger-cases">
        <header class="panel-head">
          <h2><Bi zh="差评跟进台账" en="Bad-rating follow-ups" inline /></h2>
          <label class="check"><input type="checkbox" checked={overdueOnly} data-testid="cases-overdue-only" onChange={(e) => setOverdueOnly(e.currentTarget.checked)} />
            <Bi zh="只看超期" en="Overdue only" inline /></label>
        </header>
        <ErrorNotice error={cases.error ?? hall.error} />
        <CasesTable cases={cases.data ?? []} names={names} timeZone={timeZone} chosen={chosen} onChoose={setChosen} />
      </section>
      <div class="ledger-detail">
        {current
          ? <CaseDetail key={current.id} c={current} names={names} timeZone={timeZone} onChanged={() => void cases.reload()} />
          : <section class="panel case-empty"><p class="muted"><Bi zh="选择左侧案件查看详情" en="Choose a case to see its details" /></p></section>}
      </div>
      <section class="panel ledger-ratings">
        <header class="panel-head">
          <h2><Bi zh="评价明细（近 30 天）" en="Ratings (last 30 days)" inline /></h2>
          <label class="check"><input type="checkbox" checked={badOnly} data-testid="ratings-bad-only" onChange={(e) => setBadOnly(e.currentTarget.checked)} />
            <Bi zh="只看差评" en="Bad ratings only" inline /></label>
        </header>
        <ErrorNotice error={ratings.error} />
        <RatingsTable ratings={ratings.data ?? []} names={names} timeZone={timeZone} onCase={setChosen} />
      </section>
    </div>
  );
}
