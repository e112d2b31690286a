import { useEffect, useRef, useState } from 'preact/hooks';
import type { ErrorBody } from '../../../protocol/i18n.js';
import { HallSocket, hallSocketUrl } from '../../../protocol/realtime-client.js';
import type { Follow, PublicEvent } from '../../../protocol/realtime.js';
import { applyEvent, fromSnapshot, type BoardState, type CallEntry } from './board-state.js';

export interface HallFeed {
  state: BoardState | null;
  connected: boolean;
  /** The newest call that arrived live (not from a snapshot): the one to flash. */
  flash: CallEntry | null;
  refused: ErrorBody | null;
  /** The state as of the last message, even before a render shows it: what the voice checks a call against. */
  latestState(): BoardState | null;
}

export interface FeedHandlers {
  onCall(call: CallEntry): void;
  onReconnected(): void;
}

/** Calls made while the board was cut off are still announced when it comes back, if they are this fresh. */
const catchUpMs = 60_000;

/**
 * The hall as this board sees it: a snapshot, then events in order, through HallSocket, which reconnects by itself
 * (jittered backoff) after a server restart or a network cut and resumes with a fresh snapshot.
 */
export function useHallFeed(token: string, follow: Follow, handlers: FeedHandlers): HallFeed {
  const [feed, setFeed] = useState<HallFeed>(() => ({ state: null, connected: false, flash: null, refused: null, latestState: (): BoardState | null => current.current.state }));
  const current = useRef<HallFeed>(feed);
  const on = useRef(handlers);
  on.current = handlers;

  useEffect(() => {
    const update = (patch: Partial<HallFeed>) => {
      current.current = { ...current.current, ...patch };
      setFeed(current.current);
    };
    const socket = new HallSocket({
      url: hallSocketUrl(),
      token: () => token,
      follow,
      onSnapshot: (data) => {
        const before = current.current.state;
        const next = fromSnapshot(data);
        update({ state: next, refused: null });
        if (before) {
          const lastKnown = Math.max(0, ...before.calls.map((c) => c.at));
          const missed = next.calls.filter((c) => !c.over && c.at > lastKnown && Date.now() - c.at < catchUpMs).reverse();
          for (const call of missed) on.current.onCall(call);
          if (missed.length) update({ flash: missed[missed.length - 1] });
          on.current.onReconnected();
        }
      },
      onEvent: (event: PublicEvent) => {
        const before = current.current.state;
        if (!before) return;
        const next = applyEvent(before, event);
        const isCall = event.type === 'ticket.called' || event.type === 'ticket.recalled';
        const call = isCall && next.calls[0] !== before.calls[0] ? next.calls[0] : null;
        update({ state: next, ...(call ? { flash: call } : {}) });
        if (call) on.current.onCall(call);
      },
      onConnection: (connected) => update({ connected }),
      onRefused: (error) => update({ refused: error }),
    });
    socket.start();
    return () => socket.stop();
  }, [token, JSON.stringify(follow)]);

  return feed;
}
