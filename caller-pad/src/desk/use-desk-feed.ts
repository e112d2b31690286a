import { useEffect, useRef, useState } from 'preact/hooks';
import { apiCall } from '../../../protocol/api-client.js';
import type { PriorityClass, Service, Window } from '../../../protocol/config-entities.js';
import type { WindowDayCounts } from '../../../protocol/queue-entities.js';
import type { FillReport } from '../../../protocol/device-messages.js';
import type { ErrorBody } from '../../../protocol/i18n.js';
import { HallSocket, hallSocketUrl } from '../../../protocol/realtime-client.js';
import { applyDeskEvent, deskFromSnapshot, type DeskState } from './desk-state.js';
import { tierMap, tierOf } from './tiers.js';

export interface DeskFeed {
  desk: DeskState | null;
  config: Window | null;
  /** Every active window, for transfers. */
  windows: Window[];
  tiers: Map<number, 1 | 2>;
  priorityClasses: PriorityClass[];
  /** Today's counts at this window, as the hall holds them. */
  counts: WindowDayCounts;
  online: boolean;
  /** Set when the server turns the pad away (session ended): the app goes back to sign-in. */
  refused: ErrorBody | null;
  socket: HallSocket | null;
  /** The desktop bridge's last report for this window (never the values it typed), with the visitor it was for. */
  fillResult: { report: FillReport; ticketId: number | null } | null;
}

/**
 * The window's live picture: one HallSocket following {scope:'window'}, the window's tiers from its config, and
 * today's counts from the hall. Config is read before the socket starts, so no event is judged against missing tiers.
 */
export function useDeskFeed(windowId: number): DeskFeed {
  const [desk, setDesk] = useState<DeskState | null>(null);
  const [config, setConfig] = useState<Window | null>(null);
  const [windows, setWindows] = useState<Window[]>([]);
  const [priorityClasses, setPriorityClasses] = useState<PriorityClass[]>([]);
  const [counts, setCounts] = useState<WindowDayCounts>({ served: 0, noShow: 0, transferred: 0 });
  const [online, setOnline] = useState(false);
  const [refused, setRefused] = useState<ErrorBody | null>(null);
  const [socket, setSocket] = useState<HallSocket | null>(null);
  const [fillResult, setFillResult] = useState<DeskFeed['fillResult']>(null);
  const tiersRef = useRef(new Map<number, 1 | 2>());
  const [tiers, setTiers] = useState(tiersRef.current);

  useEffect(() => {
    let stopped = false;
    let current: DeskState | null = null;
    // The counts are the hall's, asked again shortly after a ticket of this window moves (a few asks per visitor).
    let countsTimer: ReturnType<typeof setTimeout> | null = null;
    const loadCounts = () => {
      if (countsTimer) clearTimeout(countsTimer);
      countsTimer = setTimeout(() => {
        countsTimer = null;
        void apiCall<WindowDayCounts>('GET', `/api/windows/${windowId}/today`).then((r) => { if (r.ok && !stopped) setCounts(r.data); });
      }, 150);
    };

    const loadConfig = async () => {
      const [w, sv, p] = await Promise.all([
        apiCall<Window[]>('GET', '/api/windows'),
        apiCall<Service[]>('GET', '/api/services'),
        apiCall<PriorityClass[]>('GET', '/api/priority-classes'),
      ]);
      if (stopped) return;
      const mine = w.ok ? w.data.find((x) => x.id === windowId) ?? null : null;
      setConfig(mine);
      if (w.ok) setWindows(w.data.filter((x) => x.active).sort((a, b) => a.number - b.number));
      if (p.ok) setPriorityClasses(p.data);
      if (mine) {
        tiersRef.current = tierMap(mine, sv.ok ? sv.data : []);
        setTiers(tiersRef.current);
      }
    };

    const s = new HallSocket({
      url: hallSocketUrl(),
      follow: { scope: 'window', windowId },
      onSnapshot: (data, seq) => {
        current = deskFromSnapshot(data, seq, windowId);
        setDesk(current);
        loadCounts();
        // A snapshot also follows every config change: the window's tiers may have moved.
        void loadConfig();
      },
      onEvent: (event, seq) => {
        if (!current) return;
        current = applyDeskEvent(current, event, seq, windowId, (t) => tierOf(t, windowId, tiersRef.current) !== null);
        setDesk(current);
        // A no-show put back in the queue has left its window behind: whether it was this one, the hall knows.
        const here = event.ticket?.windowId === windowId || event.previous?.windowId === windowId;
        if (here || event.type === 'ticket.requeued') loadCounts();
      },
      onOther: (message) => {
        if (message.type === 'fillResult' && message.windowId === windowId) {
          setFillResult({ report: message.result as FillReport, ticketId: current?.window?.currentTicket?.id ?? null });
        }
      },
      onConnection: setOnline,
      onRefused: (error) => {
        setRefused(error);
        s.stop();
      },
    });

    void loadConfig().then(() => {
      if (stopped) return;
      s.start();
      setSocket(s);
    });
    return () => {
      stopped = true;
      if (countsTimer) clearTimeout(countsTimer);
      s.stop();
    };
  }, [windowId]);

  return { desk, config, windows, tiers, priorityClasses, counts, online, refused, socket, fillResult };
}
