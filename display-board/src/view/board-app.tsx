import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Follow } from '../../../protocol/realtime.js';
import { shownCalls, waitingByService } from '../state/board-state.js';
import { useHallFeed } from '../state/use-hall-feed.js';
import { createBoardVoice } from '../voice/board-voice.js';
import { callStillOn } from '../voice/call-still-on.js';
import { AnnouncementLine } from './announcement-line.js';
import { AnnouncementList } from './announcement-list.js';
import { HeaderBar } from './header-bar.js';
import { LatestCall } from './latest-call.js';
import { NoticeTicker } from './notice-ticker.js';
import { RecentCalls } from './recent-calls.js';
import { SoundOverlay } from './sound-overlay.js';
import { WaitingCounts } from './waiting-counts.js';
import { WindowGrid } from './window-grid.js';

const shownRecent = 8;

/** The wall: latest call, recent calls, every window, waiting counts, the notice; and the voice behind it. */
export function BoardApp({ token, follow, onUnpaired }: { token: string; follow: Follow; onUnpaired: () => void }) {
  const voice = useMemo(() => createBoardVoice(token), [token]);
  const [records, setRecords] = useState(() => voice.announcer.records());
  const [soundBlocked, setSoundBlocked] = useState(false);
  const feed = useHallFeed(token, follow, {
    onCall: (call) => voice.announcer.enqueue(call),
    onReconnected: () => void voice.pack.load(),
  });

  useEffect(() => {
    voice.announcer.setCallCheck((call) => callStillOn(feed.latestState(), call));
    const offQueue = voice.announcer.subscribe(() => setRecords(voice.announcer.records()));
    const offSound = voice.output.onChange(() => setSoundBlocked(voice.output.blocked));
    void voice.pack.load();
    void voice.output.unlock().then((ok) => setSoundBlocked(!ok));
    return () => { offQueue(); offSound(); };
  }, [voice]);

  useEffect(() => {
    if (feed.refused?.code === 'UNAUTHENTICATED') onUnpaired();
  }, [feed.refused]);

  const state = feed.state;
  if (!state) {
    return (
      <main class="board-loading" data-testid="board-loading">
        {feed.refused
          ? <p role="alert">{feed.refused.message.zh}<span class="en">{feed.refused.message.en}</span></p>
          : <p>正在连接服务器…<span class="en">Connecting to the hall server…</span></p>}
      </main>
    );
  }
  const area = follow.scope === 'area' ? state.areas.find((a) => a.id === follow.areaId) ?? null : null;
  // The hall lets a board follow any area id (a mistyped ?area=, an area since removed or switched off): the board
  // itself must say so, or a wall shows no windows and every service at 0 waiting as if that were true. Checked on
  // every snapshot, so an area switched off while the board runs is caught too.
  if (follow.scope === 'area' && !area?.active) {
    return (
      <main class="board-loading board-problem" data-testid="board-no-area">
        <p role="alert">区域不存在或已停用<span class="en">This area does not exist or is not active</span></p>
      </main>
    );
  }
  const services = area ? state.services.filter((s) => s.areaId === area.id) : state.services;
  const { latest, recent } = shownCalls(state, shownRecent);
  const flashing = latest !== null && feed.flash === latest;

  return (
    <div class="board">
      <HeaderBar hallName={state.hallName} areaName={area?.name ?? null} timeZone={state.timeZone} connected={feed.connected} />
      <main class="board-main">
        <div class="board-left">
          <LatestCall call={latest} flashing={flashing} />
          <RecentCalls calls={recent} />
        </div>
        <div class="board-right">
          <WindowGrid windows={state.windows} />
          <WaitingCounts services={services} counts={waitingByService(state)} />
        </div>
      </main>
      <NoticeTicker notice={state.notice} aside={<AnnouncementLine records={records} />} />
      {soundBlocked && <SoundOverlay onEnable={() => void voice.output.unlock(2000)} />}
      <AnnouncementList records={records} />
    </div>
  );
}
