import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { DeviceProblem, KioskCard } from '../../../protocol/device-messages.js';
import type { ErrorBody } from '../../../protocol/i18n.js';
import { Bi, LangContext, type Lang } from '../shared/bilingual.js';
import { nextStepFor } from '../shared/error-text.js';
import { areaChoices } from './area-choices.js';
import { CheckInScreen } from './check-in-screen.js';
import type { DeviceNews } from './device-messages.js';
import { forgetDeviceToken, saveDeviceToken, takeDeviceToken } from './device-token.js';
import { IdentityScreen } from './identity-screen.js';
import { checkIn, isSimulatedKiosk, issueTicket, loadPublicHall, loadVisit, simulateCard, type HallService, type IssuedTicket, type PublicHall } from './kiosk-api.js';
import { closedProblem, idleMs, idleWarnMs, isDeviceRefusal, problemOf, type Step } from './kiosk-flow.js';
import { KioskFrame } from './kiosk-frame.js';
import { words } from './kiosk-words.js';
import { PairingScreen } from './pairing-screen.js';
import { ProblemScreen } from './problem-screen.js';
import { ServiceScreen } from './service-screen.js';
import { StartScreen } from './start-screen.js';
import { TicketScreen } from './ticket-screen.js';
import { useIdle } from './use-idle.js';
import { useKioskLink } from './use-kiosk-link.js';

/** The touch kiosk: area -> service -> ID card (or skip) -> ticket; appointment check-in; back to start when idle. */
export function KioskApp() {
  const [token, setToken] = useState<string | null>(() => takeDeviceToken());
  const [hall, setHall] = useState<PublicHall | null>(null);
  const [step, setStep] = useState<Step>({ name: 'start' });
  const [lang, setLang] = useState<Lang>('zh');
  const [large, setLarge] = useState(false);
  const [card, setCard] = useState<KioskCard | null>(null);
  const [priorityId, setPriorityId] = useState<number | null>(null);
  const [code, setCode] = useState('');
  const [readerProblem, setReaderProblem] = useState<DeviceProblem | null>(null);
  const [printerProblem, setPrinterProblem] = useState<DeviceProblem | null>(null);
  const [simulated, setSimulated] = useState(false);
  const stepRef = useRef(step);
  stepRef.current = step;

  const unpair = useCallback(() => { forgetDeviceToken(); setToken(null); }, []);
  const refreshHall = useCallback(async () => {
    const res = await loadPublicHall();
    if (res.ok) setHall(res.data);
  }, []);
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const hallChanged = useCallback(() => {
    // Queue events can come many a second at the morning rush: the counts follow at most every two seconds.
    refreshTimer.current ??= setTimeout(() => { refreshTimer.current = null; void refreshHall(); }, 2000);
  }, [refreshHall]);

  const fail = (error: ErrorBody, back: Step | null) => {
    if (isDeviceRefusal(error)) return unpair();
    // A card token lives two minutes; once refused the visitor must place the card again.
    if (error.code === 'ID_REQUIRED') setCard(null);
    setStep({ name: 'problem', problem: problemOf(error), back });
  };

  const issued = (res: { ok: true; data: IssuedTicket } | { ok: false; error: ErrorBody }, back: Step | null, checkedIn: boolean) => {
    if (!res.ok) return fail(res.error, back);
    setCard(null);
    setCode('');
    setPriorityId(null);
    setStep({ name: 'ticket', issued: res.data, checkedIn });
  };

  const take = async (service: HallService, cardToken: string | undefined) => {
    if (!token) return;
    const back: Step = { name: 'identity', service };
    setStep({ name: 'busy' });
    issued(await issueTicket(token, { serviceId: service.id, cardToken, priorityClassId: priorityId ?? undefined }), back, false);
  };

  const checkInWith = async (body: { code: string } | { cardToken: string }) => {
    if (!token) return;
    setStep({ name: 'busy' });
    issued(await checkIn(token, body), { name: 'checkin' }, true);
  };

  const onNews = (news: DeviceNews) => {
    const now = stepRef.current;
    if (news.kind === 'printer') return setPrinterProblem(news.problem);
    if (news.kind === 'reader') return setReaderProblem(news.working ? null : news.problem ?? { code: 'READER_OFFLINE', message: words.readerDown });
    if (news.kind === 'cardRemoved' || now.name === 'busy') return;
    if (news.kind === 'cardUnreadable') {
      const problem = { code: 'CARD_UNREADABLE', message: news.problem.message, next: nextStepFor('CARD_UNREADABLE') };
      return setStep({ name: 'problem', problem, back: now.name === 'problem' ? now.back : now });
    }
    setReaderProblem(null);
    // Placed again after "could not read the card": the visitor carries on where the card was asked for.
    const at = now.name === 'problem' && now.problem.code === 'CARD_UNREADABLE' && now.back ? now.back : now;
    if (at.name === 'identity') return void take(at.service, news.card.cardToken);
    if (at.name === 'checkin') return void checkInWith({ cardToken: news.card.cardToken });
    setCard(news.card);
    // A card on the reader while the last visitor's ticket is still up means a new visitor: start afresh for them.
    if (now.name === 'ticket' || now.name === 'problem') setStep({ name: 'start' });
  };

  const { online, timeZone } = useKioskLink(token, { onNews, onHallChanged: hallChanged, onRefused: (e) => { if (isDeviceRefusal(e)) unpair(); } });

  /** Back to the first screen, forgetting everything about this visitor; a new visitor also gets the defaults. */
  const goHome = useCallback((newVisitor: boolean) => {
    setStep({ name: 'start' });
    setCard(null);
    setPriorityId(null);
    setCode('');
    if (newVisitor) {
      setLang('zh');
      setLarge(false);
    }
    void refreshHall();
  }, [refreshHall]);
  const reset = useCallback(() => goHome(true), [goHome]);

  const pristine = step.name === 'start' && !card && lang === 'zh' && !large;
  const secondsLeft = useIdle(idleMs, idleWarnMs, !pristine, reset);

  useEffect(() => {
    if (!token) return;
    void refreshHall();
    void isSimulatedKiosk(token).then(setSimulated);
  }, [token, refreshHall]);
  useEffect(() => { document.documentElement.classList.toggle('large', large); }, [large]);
  useEffect(() => { document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'; }, [lang]);
  useEffect(() => {
    // The hall works out positions about once a second; a ticket issued in between comes back without one yet.
    if (step.name !== 'ticket' || step.issued.forecast) return;
    const shown = step;
    const t = setTimeout(async () => {
      const res = await loadVisit(shown.issued.token);
      if (res.ok && res.data.forecast && stepRef.current === shown) setStep({ ...shown, issued: { ...shown.issued, forecast: res.data.forecast } });
    }, 1200);
    return () => clearTimeout(t);
  }, [step]);

  const chooseService = (service: HallService) => {
    if (!service.opening.open && hall) return setStep({ name: 'problem', problem: closedProblem(service, hall.hallDay), back: stepRef.current });
    setStep({ name: 'identity', service });
  };

  const body = () => {
    if (!token) return <PairingScreen onPaired={(t) => { saveDeviceToken(t); setToken(t); }} />;
    if (!hall) return <p class="busy" role="status"><Bi text={words.loading} /></p>;
    switch (step.name) {
      case 'busy':
        return <p class="busy" role="status"><Bi text={words.issuing} /></p>;
      case 'start':
        return <StartScreen areas={areaChoices(hall.areas, hall.services, hall.hallDay)} card={card} onCheckIn={() => setStep({ name: 'checkin' })}
          onArea={(areaId) => setStep({ name: 'services', areaId })} />;
      case 'services':
        return <ServiceScreen area={hall.areas.find((a) => a.id === step.areaId)} services={hall.services.filter((s) => s.areaId === step.areaId)}
          hallDay={hall.hallDay} card={card} onService={chooseService} onBack={() => setStep({ name: 'start' })} />;
      case 'identity':
        return <IdentityScreen service={step.service} card={card} online={online} readerProblem={readerProblem} priorityClasses={hall.priorityClasses}
          priorityId={priorityId} canSimulate={simulated} onPriority={setPriorityId}
          onTake={(withCard) => void take(step.service, withCard ? card?.cardToken : undefined)}
          onSimulate={(unreadable) => void simulateCard(token, unreadable).then((res) => { if (!res.ok) fail(res.error, stepRef.current); })} onBack={() => setStep({ name: 'services', areaId: step.service.areaId })} />;
      case 'ticket':
        return <TicketScreen issued={step.issued} title={step.checkedIn ? words.checkedIn : undefined} onDone={reset} />;
      case 'checkin':
        return <CheckInScreen code={code} onCode={setCode} onConfirm={() => void checkInWith({ code })} onBack={() => { setCode(''); setStep({ name: 'start' }); }} />;
      case 'problem':
        return <ProblemScreen problem={step.problem} onBack={step.back ? () => setStep(step.back!) : null} onHome={() => goHome(false)} />;
    }
  };

  return (
    <LangContext.Provider value={lang}>
      <KioskFrame hallName={hall?.name ?? null} notice={hall?.notice ?? null} timeZone={timeZone} lang={lang} large={large} online={online || !token}
        printerProblem={token && step.name !== 'ticket' ? printerProblem : null} secondsLeft={secondsLeft}
        onLang={() => setLang(lang === 'zh' ? 'en' : 'zh')} onLarge={() => setLarge(!large)}>
        {body()}
      </KioskFrame>
    </LangContext.Provider>
  );
}
