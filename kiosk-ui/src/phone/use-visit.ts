import { useEffect, useState } from 'preact/hooks';
import type { ErrorBody } from '../../../protocol/i18n.js';
import { HallSocket, hallSocketUrl } from '../../../protocol/realtime-client.js';
import type { VisitSnapshot } from '../../../protocol/realtime.js';
import { loadVisit } from '../shared/public-api.js';

export interface VisitFeed {
  visit: VisitSnapshot | null;
  missing: ErrorBody | null;
  online: boolean;
  /** Applies what the phone just did (a cancel) before the next push confirms it. */
  setVisit: (v: VisitSnapshot) => void;
}

/** One visit followed live: fetched once, then pushed over the WebSocket at most once a second while it changes. */
export function useVisit(token: string): VisitFeed {
  const [visit, setVisit] = useState<VisitSnapshot | null>(null);
  const [missing, setMissing] = useState<ErrorBody | null>(null);
  const [online, setOnline] = useState(true);
  useEffect(() => {
    let live = true;
    void loadVisit(token).then((res) => {
      if (!live) return;
      if (res.ok) setVisit((v) => v ?? res.data);
      else if (res.status === 404) setMissing(res.error);
    });
    const socket = new HallSocket({
      url: hallSocketUrl(),
      follow: { scope: 'ticket', ticketToken: token },
      onVisit: (data) => setVisit(data),
      onConnection: setOnline,
      onRefused: (error) => {
        if (error.code !== 'NOT_FOUND') return;
        setMissing(error);
        socket.stop();
      },
    });
    socket.start();
    return () => { live = false; socket.stop(); };
  }, [token]);
  return { visit, missing, online, setVisit };
}
