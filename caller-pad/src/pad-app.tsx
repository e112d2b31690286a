import { useEffect, useState } from 'preact/hooks';
import type { Staff } from '../../protocol/config-entities.js';
import { DeskScreen } from './desk/desk-screen.js';
import { Bi } from './lib/bi.js';
import { LoginScreen } from './session/login-screen.js';
import { logout, rememberedWindow, whoAmI } from './session/staff-session.js';
import { WindowPicker } from './session/window-picker.js';

type Stage = { kind: 'loading' } | { kind: 'login' } | { kind: 'signed-in'; staff: Staff; windowId: number | null };

/** Sign-in, then the window, then the desk; a reload restores all three from the cookie and localStorage. */
export function PadApp() {
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });

  useEffect(() => {
    void whoAmI().then((staff) => setStage(staff ? { kind: 'signed-in', staff, windowId: rememberedWindow.get() } : { kind: 'login' }));
  }, []);

  if (stage.kind === 'loading') return <main class="centre-page"><Bi zh="正在连接…" en="Connecting…" /></main>;
  if (stage.kind === 'login') {
    return <LoginScreen onLoggedIn={(staff) => setStage({ kind: 'signed-in', staff, windowId: rememberedWindow.get() })} />;
  }
  const signOut = async () => {
    await logout();
    setStage({ kind: 'login' });
  };
  if (stage.windowId === null) {
    return (
      <WindowPicker staffName={stage.staff.name} onLogout={() => void signOut()}
        onPick={(id) => { rememberedWindow.set(id); setStage({ ...stage, windowId: id }); }} />
    );
  }
  return (
    <DeskScreen key={stage.windowId} staff={stage.staff} windowId={stage.windowId}
      onChangeWindow={() => { rememberedWindow.set(null); setStage({ ...stage, windowId: null }); }}
      onLogout={() => void signOut()}
      onSessionEnded={() => setStage({ kind: 'login' })} />
  );
}
