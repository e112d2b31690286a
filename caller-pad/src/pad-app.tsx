import { useEffect, useState } from 'preact/hooks';
import type { Staff } from '../../protocol/config-entities.js';
import type { Text } from '../../protocol/i18n.js';
import { DeskScreen } from './desk/desk-screen.js';
import { Bi } from './lib/bi.js';
import { LoginScreen } from './session/login-screen.js';
import { logout, rememberedWindow, whoAmI } from './session/staff-session.js';
import { WindowPicker } from './session/window-picker.js';

type Stage =
  | { kind: 'loading' }
  | { kind: 'login' }
  | { kind: 'signed-in'; staff: Staff; windowId: number | null; notice: Text | null };

/** Sign-in, then the window, then the desk; a reload restores all three from the cookie and localStorage. */
export function PadApp() {
  const [stage, setStage] = useState<Stage>({ kind: 'loading' });

  useEffect(() => {
    void whoAmI().then((staff) => setStage(staff ? { kind: 'signed-in', staff, windowId: rememberedWindow.get(), notice: null } : { kind: 'login' }));
  }, []);

  if (stage.kind === 'loading') return <main class="centre-page"><Bi zh="正在连接…" en="Connecting…" /></main>;
  if (stage.kind === 'login') {
    return <LoginScreen onLoggedIn={(staff) => setStage({ kind: 'signed-in', staff, windowId: rememberedWindow.get(), notice: null })} />;
  }
  const signOut = async () => {
    await logout();
    setStage({ kind: 'login' });
  };
  const toPicker = (notice: Text | null) => {
    rememberedWindow.set(null);
    setStage({ ...stage, windowId: null, notice });
  };
  if (stage.windowId === null) {
    return (
      <WindowPicker staff={stage.staff} notice={stage.notice} onLogout={() => void signOut()}
        onPick={(id) => { rememberedWindow.set(id); setStage({ ...stage, windowId: id, notice: null }); }} />
    );
  }
  return (
    <DeskScreen key={stage.windowId} staff={stage.staff} windowId={stage.windowId}
      onChangeWindow={() => toPicker(null)}
      onTakenOver={toPicker}
      onLogout={() => void signOut()}
      onSessionEnded={() => setStage({ kind: 'login' })} />
  );
}
