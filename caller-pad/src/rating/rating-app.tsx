import { useEffect, useState } from 'preact/hooks';
import type { ErrorBody } from '../../../protocol/i18n.js';
import { Bi, ErrorNotice } from '../lib/bi.js';
import { findPlace, takeTokenFromUrl, type RatingPlace } from './rating-auth.js';
import { PairingForm } from './pairing-form.js';
import { RatingScreen } from './rating-screen.js';

type Setup = { kind: 'loading' } | { kind: 'pair'; error: ErrorBody | null } | { kind: 'error'; error: ErrorBody } | { kind: 'ready'; place: RatingPlace; token: string | null };

/** The visitor-facing screen of a window: finds out where it is, then shows the rating levels after each finish. */
export function RatingApp() {
  const [setup, setSetup] = useState<Setup>({ kind: 'loading' });

  const locate = async (token: string | null) => {
    const place = await findPlace(token);
    if ('error' in place) {
      // Without a session or a device token the screen can only be paired.
      const unauthenticated = place.error.code === 'UNAUTHENTICATED' || place.error.code === 'FORBIDDEN';
      setSetup(unauthenticated ? { kind: 'pair', error: null } : { kind: 'error', error: place.error });
    } else setSetup({ kind: 'ready', place, token });
  };

  useEffect(() => { void locate(takeTokenFromUrl()); }, []);

  switch (setup.kind) {
    case 'loading':
      return <main class="rate-page rate-centre"><Bi zh="正在连接…" en="Connecting…" /></main>;
    case 'pair':
      return <PairingForm onPaired={(token) => void locate(token)} />;
    case 'error':
      return <main class="rate-page rate-centre"><ErrorNotice error={setup.error} /></main>;
    case 'ready':
      return <RatingScreen place={setup.place} token={setup.token} onRefused={() => setSetup({ kind: 'pair', error: null })} />;
  }
}
