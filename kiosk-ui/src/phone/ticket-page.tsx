import { useEffect, useMemo, useState } from 'preact/hooks';
import type { ErrorBody, Text } from '../../../protocol/i18n.js';
import { Bi, fill, pick, useLang } from '../shared/bilingual.js';
import { nextStepFor } from '../shared/error-text.js';
import { waitText } from '../shared/wait-text.js';
import { VisitAlerts } from './alerts.js';
import { CancelConfirm } from './cancel-confirm.js';
import { GoneVisit } from './gone-visit.js';
import { RatingStep } from './rating-step.js';
import { cancelVisit } from './phone-api.js';
import { words } from './phone-words.js';
import { useVisitAlerts } from './use-visit-alerts.js';
import { useVisit } from './use-visit.js';
import { alertText, nextStepText, statusText } from './visit-status.js';

/** /m/t/<token>: one ticket, live: status, people ahead, wait, alerts when near and when called, cancel. */
export function TicketPage({ token, go, onHall }: { token: string; go: (path: string) => void; onHall: (name: Text) => void }) {
  const lang = useLang();
  const { visit, missing, online, setVisit } = useVisit(token);
  const alerts = useMemo(() => new VisitAlerts(), []);
  const [alertsOn, setAlertsOn] = useState<'off' | 'on' | 'noNotify'>('off');
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<ErrorBody | null>(null);
  useVisitAlerts(visit, alerts, lang);
  const hallName = visit?.hall.name;
  useEffect(() => { if (hallName) onHall(hallName); }, [hallName?.zh]);

  if (missing) return <GoneVisit token={token} go={go} />;
  if (!visit) return <p class="loading" role="status"><Bi text={words.loading} /></p>;

  const { ticket, forecast } = visit;
  const eta = forecast?.etaMinutes;
  const alert = alertText(visit);
  const nextStep = nextStepText(visit);
  const cancel = async () => {
    setBusy(true);
    const res = await cancelVisit(token);
    setBusy(false);
    setAsking(false);
    if (res.ok) setVisit({ ...visit, ticket: res.data, forecast: null });
    else setRefusal(res.error);
  };
  const enable = async () => setAlertsOn((await alerts.enable()) ? 'on' : 'noNotify');

  return (
    <>
      {alert ? <div class={alert.urgent ? 'alert-banner urgent' : 'alert-banner'} role="alert" data-testid="phone-alert"><Bi text={alert.text} /></div> : null}
      <section class="panel ticket-card" aria-labelledby="number-label">
        <p id="number-label" class="muted"><Bi text={words.yourNumber} /></p>
        <p class="number">{ticket.number}</p>
        <p class="service"><Bi text={ticket.serviceName} /></p>
        <p class={`status status-${ticket.status}`} data-testid="phone-status" data-status={ticket.status} data-day-closed={String(visit.dayClosed)}>
          <Bi text={statusText(visit)} />
        </p>
        {nextStep ? <p class="next-step" data-testid="phone-next-step"><Bi text={nextStep} /></p> : null}
        {ticket.status === 'waiting' && !visit.anyWindowOpen
          ? <p class="no-window" role="status" data-testid="phone-no-window"><Bi text={words.noWindowOpen} /></p> : null}
        {ticket.status === 'waiting' ? (
          <dl class="facts">
            <div class="fact">
              <dt><Bi text={words.peopleAhead} /></dt>
              <dd data-testid="phone-position">{forecast ? pick(fill(words.people, { n: forecast.position }), lang) : '—'}</dd>
            </div>
            <div class="fact">
              <dt><Bi text={words.eta} /></dt>
              <dd data-testid="phone-eta">{eta == null ? <Bi text={words.noWindow} class="fact-note" /> : <Bi text={waitText(eta)} class="fact-wait" />}</dd>
            </div>
          </dl>
        ) : null}
        <p class={online ? 'link-state' : 'link-state off'} role="status"><Bi text={online ? words.live : words.reconnecting} /></p>
      </section>
      {ticket.status === 'waiting' || ticket.status === 'called' ? (
        <section class="panel">
          {alertsOn === 'off' ? (
            <>
              <button type="button" class="button primary wide" data-testid="phone-alerts" onClick={enable}><Bi text={words.alertsOff} /></button>
              <p class="field-hint"><Bi text={words.alertsHint} /></p>
            </>
          ) : <p class="alerts-on" role="status"><Bi text={alertsOn === 'on' ? words.alertsOn : words.alertsNoNotify} /></p>}
        </section>
      ) : null}
      {ticket.status === 'waiting' ? (
        <section class="panel">
          {asking
            ? <CancelConfirm number={ticket.number} busy={busy} onYes={cancel} onNo={() => setAsking(false)} />
            : <button type="button" class="button danger-outline wide" data-testid="phone-cancel" onClick={() => { setRefusal(null); setAsking(true); }}><Bi text={words.cancel} /></button>}
          {refusal ? <div class="refusal" role="alert"><p><Bi text={refusal.message} /></p><p><Bi text={nextStepFor(refusal.code)} /></p></div> : null}
        </section>
      ) : null}
      {ticket.status === 'done' ? <RatingStep token={token} /> : null}
      {['done', 'cancelled', 'no_show'].includes(ticket.status) ? (
        <button type="button" class="button wide" onClick={() => go('/m/')}><Bi text={words.takeAnother} /></button>
      ) : null}
    </>
  );
}
