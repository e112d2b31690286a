import { useEffect, useState } from 'preact/hooks';
import { apiCall } from '../../../protocol/api-client.js';
import type { Area, Staff, Window } from '../../../protocol/config-entities.js';
import type { ErrorBody, Text } from '../../../protocol/i18n.js';
import { Bi, BiText, ErrorNotice } from '../lib/bi.js';
import { useLiveWindows, type LiveWindow } from '../lib/live-windows.js';
import { windowStatusName } from '../lib/status-names.js';
import { LeaveWindowDialog } from '../desk/dialogs/leave-window-dialog.js';
import { TakeOverDialog } from './take-over-dialog.js';
import { canAssist, staffedByOther } from './window-staffing.js';

interface Props {
  staff: Staff;
  /** Why the pad is back here, e.g. its window was taken over by a colleague. */
  notice: Text | null;
  onPick: (id: number) => void;
  onLogout: () => void;
}

/** Staff pick the window they sit at; each card shows who works there now, and a colleague's window asks first. */
export function WindowPicker({ staff, notice, onPick, onLogout }: Props) {
  const [windows, setWindows] = useState<Window[]>([]);
  const [areas, setAreas] = useState<Area[]>([]);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [asking, setAsking] = useState<LiveWindow | null>(null);
  const [leaving, setLeaving] = useState<{ window: LiveWindow; error: ErrorBody | null; busy: boolean } | null>(null);
  const live = useLiveWindows();

  useEffect(() => {
    void (async () => {
      const [w, a] = await Promise.all([apiCall<Window[]>('GET', '/api/windows'), apiCall<Area[]>('GET', '/api/areas')]);
      if (!w.ok) return setError(w.error);
      setWindows(w.data.filter((x) => x.active).sort((x, y) => x.number - y.number));
      if (a.ok) setAreas(a.data);
    })();
  }, []);

  const pick = (w: Window) => {
    const now = live?.get(w.id);
    if (now && staffedByOther(now, staff.id)) setAsking(now);
    else onPick(w.id);
  };

  // A clerk back at the picker may still staff a window (a reload, a pad that lost its place): signing out closes it
  // first, as at the desk, so it is not left open on the board with nobody behind it.
  const stillMine = live ? [...live.values()].find((w) => w.status !== 'closed' && w.staffId === staff.id) ?? null : null;
  const signOut = () => (stillMine ? setLeaving({ window: stillMine, error: null, busy: false }) : onLogout());
  const closeAndSignOut = async (w: LiveWindow) => {
    setLeaving({ window: w, error: null, busy: true });
    const res = await apiCall('POST', `/api/windows/${w.id}/status`, { body: { status: 'closed' } });
    if (res.ok) onLogout();
    else setLeaving({ window: w, error: res.error, busy: false });
  };

  return (
    <main class="picker-page">
      <header class="topbar">
        <h1><Bi zh="选择窗口" en="Choose your window" inline /></h1>
        <span class="topbar-user">{staff.name}</span>
        <button type="button" class="btn btn-quiet" data-testid="pad-sign-out" onClick={signOut}><Bi zh="退出" en="Sign out" inline /></button>
      </header>
      {notice && (
        <div class="picker-notice" role="alert" data-testid="pad-taken-over">
          <Bi zh={notice.zh} en={notice.en} />
        </div>
      )}
      <ErrorNotice error={error} />
      <ul class="window-grid">
        {windows.map((w) => (
          <li key={w.id}>
            <WindowCard window={w} area={areas.find((a) => a.id === w.areaId)} live={live?.get(w.id)} staff={staff} onPick={() => pick(w)} />
          </li>
        ))}
      </ul>
      {asking && (
        <TakeOverDialog window={asking} canAssist={canAssist(staff.role)} onClose={() => setAsking(null)}
          onTaken={() => onPick(asking.id)} onAssist={() => onPick(asking.id)} />
      )}
      {leaving && (
        <LeaveWindowDialog reason="signOut" windowNumber={leaving.window.number} error={leaving.error} busy={leaving.busy}
          onClose={() => setLeaving(null)} onConfirm={() => void closeAndSignOut(leaving.window)} />
      )}
    </main>
  );
}

function WindowCard({ window: w, area, live, staff, onPick }: { window: Window; area?: Area; live?: LiveWindow; staff: Staff; onPick: () => void }) {
  const status = live?.status ?? 'closed';
  const other = live ? staffedByOther(live, staff.id) : false;
  const mine = live?.status !== 'closed' && live?.staffId === staff.id;
  return (
    <button type="button" class={`window-card status-${status} ${other ? 'staffed-other' : ''}`} data-testid={`pad-pick-window-${w.number}`} onClick={onPick}>
      <span class="window-card-number">{w.number}</span>
      <BiText text={w.name} />
      {area && <span class="window-card-area"><BiText text={area.name} inline /></span>}
      <span class="window-card-status" data-testid={`pad-pick-status-${w.number}`}>
        <Bi zh={windowStatusName[status].zh} en={windowStatusName[status].en} inline />
        {status !== 'closed' && live?.staffName && (
          <span class="window-card-staff">{mine ? <Bi zh={`${live.staffName}（本人）`} en="You" inline /> : live.staffName}</span>
        )}
      </span>
      <span class="window-card-tags">
        {w.comprehensive && <span class="tag"><Bi zh="综合窗口" en="All services" inline /></span>}
        {w.priorityRule === 'strict' && <span class="tag tag-green"><Bi zh="绿色通道" en="Green channel" inline /></span>}
        {other && (canAssist(staff.role)
          ? <span class="tag tag-amber"><Bi zh="可协助/接管" en="Assist or take over" inline /></span>
          : <span class="tag tag-amber"><Bi zh="可接管" en="Take over" inline /></span>)}
      </span>
    </button>
  );
}
