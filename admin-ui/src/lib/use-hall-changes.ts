import { useEffect, useRef } from 'preact/hooks';
import { HallSocket, hallSocketUrl } from '../../../protocol/realtime-client.js';
import { RefreshPacer } from './refresh-pacer.js';

/**
 * Calls `refresh` after the hall changes, as the dashboard does: the hall socket says when anything happens (a
 * rating, a case handled, a visitor rating the fix on the phone), and the pacer turns a burst of events into one
 * refresh. The ledger's lists are small, so it waits less than the dashboard's statistics do. Every snapshot (the
 * first, and after a dropped link) counts as a change too: the lists may have been fetched before the socket was
 * following, and what happened in between would otherwise stay unseen.
 */
export function useHallChanges(refresh: () => Promise<unknown>): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    const pacer = new RefreshPacer(() => latest.current(), 400, 2000);
    const socket = new HallSocket({
      url: hallSocketUrl(),
      follow: { scope: 'hall' },
      onSnapshot: () => pacer.changed(),
      onEvent: () => pacer.changed(),
      onRefused: () => socket.stop(),
    });
    socket.start();
    return () => {
      socket.stop();
      pacer.stop();
    };
  }, []);
}
