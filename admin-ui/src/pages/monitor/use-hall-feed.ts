import { useEffect, useState } from 'preact/hooks';
import { apiCall } from '../../../../protocol/api-client.js';
import type { HallAlert } from '../../../../protocol/device-messages.js';
import type { HallSnapshot } from '../../../../protocol/realtime.js';
import { HallSocket, hallSocketUrl } from '../../../../protocol/realtime-client.js';
import { applyMonitorEvent, monitorFromSnapshot, type MonitorState } from './monitor-model.js';

/**
 * The whole hall, live: GET /api/hall draws the page at once, then the socket (following the hall, on the admin's
 * session) takes over with its snapshot and events. Device alerts for supervisors arrive on the same socket.
 */
export function useHallFeed(): { state: MonitorState | null; online: boolean; alerts: HallAlert[] } {
  const [state, setState] = useState<MonitorState | null>(null);
  const [online, setOnline] = useState(false);
  const [alerts, setAlerts] = useState<HallAlert[]>([]);

  useEffect(() => {
    let current: MonitorState | null = null;
    let fromSocket = false;
    void apiCall<HallSnapshot & { seq: number }>('GET', '/api/hall').then((r) => {
      if (r.ok && !fromSocket) setState((current = monitorFromSnapshot(r.data, r.data.seq)));
    });
    const socket = new HallSocket({
      url: hallSocketUrl(),
      follow: { scope: 'hall' },
      onSnapshot: (data, seq) => {
        fromSocket = true;
        setState((current = monitorFromSnapshot(data, seq)));
      },
      onEvent: (event, seq) => {
        if (current) setState((current = applyMonitorEvent(current, event, seq)));
      },
      onOther: (m) => {
        if (m.type === 'alert') setAlerts((list) => [m.alert as HallAlert, ...list].slice(0, 20));
      },
      onConnection: setOnline,
      onRefused: () => socket.stop(),
    });
    socket.start();
    return () => socket.stop();
  }, []);
  return { state, online, alerts };
}
