import { useEffect, useState } from 'preact/hooks';
import type { Text } from '../../../protocol/i18n.js';
import { Bi, LangContext } from '../shared/bilingual.js';
import { ticketTokenFromPath } from './phone-api.js';
import { words } from './phone-words.js';
import { TakePage } from './take-page.js';
import { TicketPage } from './ticket-page.js';

/** The phone page: /m/ to take a ticket online, /m/t/<token> (the QR on a paper ticket) to follow one. */
export function PhoneApp() {
  const [path, setPath] = useState(location.pathname);
  const [hallName, setHallName] = useState<Text | null>(null);
  useEffect(() => {
    const back = () => setPath(location.pathname);
    window.addEventListener('popstate', back);
    return () => window.removeEventListener('popstate', back);
  }, []);
  const go = (to: string) => {
    history.pushState(null, '', to);
    setPath(to);
    window.scrollTo(0, 0);
  };
  const token = ticketTokenFromPath(path);
  return (
    <LangContext.Provider value="zh">
      <header class="phone-header">
        <h1 class="hall-name">{hallName ? <Bi text={hallName} /> : <Bi text={words.takeTitle} />}</h1>
        {token ? <a href="/m/" class="phone-home" onClick={(e) => { e.preventDefault(); go('/m/'); }}><Bi text={words.takeTitle} /></a> : null}
      </header>
      <main class="phone-main">
        {token ? <TicketPage key={token} token={token} go={go} onHall={setHallName} /> : <TakePage go={go} onHall={setHallName} />}
      </main>
      <footer class="phone-footer"><Bi text={words.helpDesk} /></footer>
    </LangContext.Provider>
  );
}
