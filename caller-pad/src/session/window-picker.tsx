import { useEffect, useState } from 'preact/hooks';
import { apiCall } from '../../../protocol/api-client.js';
import type { Area, Window } from '../../../protocol/config-entities.js';
import type { ErrorBody } from '../../../protocol/i18n.js';
import type { HallSnapshot } from '../../../protocol/realtime.js';
import { Bi, BiText, ErrorNotice } from '../lib/bi.js';
import { windowStatusName } from '../lib/status-names.js';

type Live = HallSnapshot['windows'][number];

/** Staff pick the window they sit at; the list shows who else is already working where. */
export function WindowPicker({ staffName, onPick, onLogout }: { staffName: string; onPick: (id: number) => void; onLogout: () => void }) {
  const [windows, setWindows] = useState<Window[]>([]);
  const [areas, setAreas] = useState<Area[]>([]);
  const [live, setLive] = useState<Map<number, Live>>(new Map());
  const [error, setError] = useState<ErrorBody | null>(null);

  useEffect(() => {
    void (async () => {
      const [w, a, h] = await Promise.all([
        apiCall<Window[]>('GET', '/api/windows'),
        apiCall<Area[]>('GET', '/api/areas'),
        apiCall<HallSnapshot>('GET', '/api/hall'),
      ]);
      if (!w.ok) return setError(w.error);
      setWindows(w.data.filter((x) => x.active).sort((x, y) => x.number - y.number));
      if (a.ok) setAreas(a.data);
      if (h.ok) setLive(new Map(h.data.windows.map((x) => [x.id, x])));
    })();
  }, []);

  return (
    <main class="picker-page">
      <header class="topbar">
        <h1><Bi zh="选择窗口" en="Choose your window" inline /></h1>
        <span class="topbar-user">{staffName}</span>
        <button type="button" class="btn btn-quiet" onClick={onLogout}><Bi zh="退出" en="Sign out" inline /></button>
      </header>
      <ErrorNotice error={error} />
      <ul class="window-grid">
        {windows.map((w) => {
          const l = live.get(w.id);
          const area = areas.find((a) => a.id === w.areaId);
          const status = l?.status ?? 'closed';
          return (
            <li key={w.id}>
              <button type="button" class={`window-card status-${status}`} data-testid={`pad-pick-window-${w.number}`} onClick={() => onPick(w.id)}>
                <span class="window-card-number">{w.number}</span>
                <BiText text={w.name} />
                {area && <span class="window-card-area">{area.name.zh}</span>}
                <span class="window-card-status">
                  {windowStatusName[status].zh} {windowStatusName[status].en}
                  {l?.staffName ? ` · ${l.staffName}` : ''}
                </span>
                {w.comprehensive && <span class="tag"><Bi zh="综合窗口" en="All services" inline /></span>}
                {w.priorityRule === 'strict' && <span class="tag tag-green"><Bi zh="绿色通道" en="Green channel" inline /></span>}
              </button>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
