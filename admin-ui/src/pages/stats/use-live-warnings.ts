import { useEffect, useRef, useState } from 'preact/hooks';
import { apiCall } from '../../../../protocol/api-client.js';
import type { ErrorBody } from '../../../../protocol/i18n.js';
import { HallSocket, hallSocketUrl } from '../../../../protocol/realtime-client.js';
import type { LiveWarning } from '../../../../protocol/stats.js';

/** The lights as the server last listed them: `at` on the hall's clock, `receivedAt` on the browser's. */
export interface WarningList { at: number; receivedAt: number; warnings: LiveWarning[] }

/**
 * The hall's yellow and red lights, live. The server pushes the whole list over the hall socket only when it
 * changes, so one GET once the socket is up draws what is already lit; after a dropped link one GET again catches
 * up on what changed meanwhile. When a GET and a push cross, the list made later on the hall's clock wins.
 */
export function useLiveWarnings(onHallChange?: () => void): { list: WarningList | null; online: boolean; error: ErrorBody | null } {
  const [list, setList] = useState<WarningList | null>(null);
  // The same socket tells the page when anything happens in the hall (a ticket, a call, a finish, a rating).
  const changed = useRef(onHallChange);
  changed.current = onHallChange;
  const [online, setOnline] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);

  useEffect(() => {
    let latest = -Infinity;
    let behind = true;
    const take = (at: number, warnings: LiveWarning[]) => {
      if (at < latest) return;
      latest = at;
      setList({ at, receivedAt: Date.now(), warnings });
    };
    const catchUp = async () => {
      const res = await apiCall<{ at: number; warnings: LiveWarning[] }>('GET', '/api/stats/warnings');
      if (res.ok) take(res.data.at, res.data.warnings);
      setError(res.ok ? null : res.error);
    };
    const socket = new HallSocket({
      url: hallSocketUrl(),
      follow: { scope: 'hall' },
      onSnapshot: () => {
        if (!behind) return;
        behind = false;
        void catchUp();
        changed.current?.();
      },
      onEvent: () => changed.current?.(),
      onOther: (m) => {
        if (m.type === 'warnings') take(m.at, m.warnings);
      },
      onConnection: (up) => {
        setOnline(up);
        if (!up) behind = true;
      },
      onRefused: (e) => {
        setError(e);
        socket.stop();
      },
    });
    socket.start();
    return () => socket.stop();
  }, []);
  return { list, online, error };
}
