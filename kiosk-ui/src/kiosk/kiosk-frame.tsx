import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { DeviceProblem } from '../../../protocol/device-messages.js';
import type { Text } from '../../../protocol/i18n.js';
import { Bi, fill, type Lang } from '../shared/bilingual.js';
import { words } from './kiosk-words.js';

/** The hall's time, HH:mm; blank until the hall has said its time zone, rather than the browser's guess. */
function useClock(timeZone: string | null): string {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 15_000);
    return () => clearInterval(t);
  }, []);
  if (!timeZone) return '';
  return new Intl.DateTimeFormat('zh-CN', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
}

/** Header with the hall's name, the clock, the language and large-type switches; footer with notices. */
export function KioskFrame({ hallName, notice, timeZone, lang, large, online, printerProblem, secondsLeft, onLang, onLarge, children }: {
  hallName: Text | null;
  notice: Text | null;
  /** The hall's IANA time zone (Asia/Shanghai ...), from its snapshot. */
  timeZone: string | null;
  lang: Lang;
  large: boolean;
  online: boolean;
  printerProblem: DeviceProblem | null;
  secondsLeft: number | null;
  onLang: () => void;
  onLarge: () => void;
  children: ComponentChildren;
}) {
  const clock = useClock(timeZone);
  return (
    <div class="kiosk">
      <header class="kiosk-header">
        <div class="hall-name">{hallName ? <Bi text={hallName} /> : <Bi text={words.title} />}</div>
        <div class="header-tools">
          <span class="clock" aria-label="time" data-testid="kiosk-clock">{clock}</span>
          <button type="button" class="switch" data-testid="kiosk-lang" lang={lang === 'zh' ? 'en' : 'zh-CN'} onClick={onLang}>{words.langSwitch[lang]}</button>
          <button type="button" class="switch" data-testid="kiosk-large" aria-pressed={large} onClick={onLarge}>
            {large ? words.largeOff[lang] : words.largeOn[lang]}
          </button>
        </div>
      </header>
      {!online ? <div class="warning-bar" role="alert" data-testid="kiosk-offline"><Bi text={words.offline} /></div> : null}
      {printerProblem ? <div class="warning-bar" role="status" data-testid="kiosk-printer-down"><Bi text={words.printerDown} /></div> : null}
      <main class="kiosk-main">{children}</main>
      <footer class="kiosk-footer">
        {secondsLeft !== null
          ? <p class="idle-warning" role="status" data-testid="kiosk-idle-warning"><Bi text={fill(words.returningIn, { n: secondsLeft })} /></p>
          : notice ? <p class="notice"><Bi text={notice} /></p> : null}
      </footer>
    </div>
  );
}
