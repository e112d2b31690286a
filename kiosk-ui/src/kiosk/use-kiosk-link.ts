import { useEffect, useRef, useState } from 'preact/hooks';
import type { ErrorBody } from '../../../protocol/i18n.js';
import { HallSocket, hallSocketUrl } from '../../../protocol/realtime-client.js';
import { readDeviceNews, type DeviceNews } from './device-messages.js';

export interface KioskLinkHandlers {
  onNews: (news: DeviceNews) => void;
  /** The hall changed (a new snapshot after a settings change, or a queue event): the waiting counts may be stale. */
  onHallChanged: () => void;
  onRefused: (error: ErrorBody) => void;
}

/**
 * The kiosk's WebSocket: it tells the screen when the hall's setup changes and carries the card reader's and the
 * printer's news. Returns whether the link is up, for the offline notice, and the hall's time zone from the hall's
 * snapshot (the board's clock reads the same field), for the clock: the kiosk's own browser may be set to UTC.
 */
export function useKioskLink(token: string | null, handlers: KioskLinkHandlers): { online: boolean; timeZone: string | null } {
  const latest = useRef(handlers);
  latest.current = handlers;
  const [online, setOnline] = useState(true);
  const [timeZone, setTimeZone] = useState<string | null>(null);
  useEffect(() => {
    if (!token) return;
    const socket = new HallSocket({
      url: hallSocketUrl(),
      token: () => token,
      follow: { scope: 'hall' },
      onSnapshot: (snapshot) => {
        setTimeZone(snapshot.hall.timeZone);
        latest.current.onHallChanged();
      },
      onEvent: () => latest.current.onHallChanged(),
      onOther: (message) => {
        const news = readDeviceNews(message);
        if (news) latest.current.onNews(news);
      },
      onConnection: setOnline,
      onRefused: (error) => latest.current.onRefused(error),
    });
    socket.start();
    return () => socket.stop();
  }, [token]);
  return { online, timeZone };
}
