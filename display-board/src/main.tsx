import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Follow } from '../../protocol/realtime.js';
import { resolvePlace } from './device/board-place.js';
import { forgetDeviceToken, saveDeviceToken, takeDeviceToken } from './device/device-token.js';
import { PairingScreen } from './device/pairing-screen.js';
import { BoardApp } from './view/board-app.js';
import './board.css';
import './panels.css';

/** Start: a token (from the address once, then localStorage) or the pairing screen; then what to follow; then the wall. */
function App() {
  const [token, setToken] = useState<string | null>(() => takeDeviceToken());
  const [follow, setFollow] = useState<Follow | null>(null);

  useEffect(() => {
    if (!token) return;
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const attempt = async () => {
      const place = await resolvePlace(token);
      if (cancelled) return;
      if (place.kind === 'follow') setFollow(place.follow);
      else if (place.kind === 'unpaired') unpair();
      // The server may be starting up or the network down: a board keeps trying with nobody touching it.
      else retry = setTimeout(() => void attempt(), 2000);
    };
    void attempt();
    return () => { cancelled = true; clearTimeout(retry); };
  }, [token]);

  const unpair = () => {
    forgetDeviceToken();
    setFollow(null);
    setToken(null);
  };

  if (!token) return <PairingScreen onPaired={(t) => { saveDeviceToken(t); setToken(t); }} />;
  if (!follow) {
    return <main class="board-loading" data-testid="board-loading"><p>正在连接服务器…<span class="en">Connecting to the hall server…</span></p></main>;
  }
  return <BoardApp token={token} follow={follow} onUnpaired={unpair} />;
}

render(<App />, document.getElementById('app')!);
