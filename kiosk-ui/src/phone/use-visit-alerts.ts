import { useEffect, useRef } from 'preact/hooks';
import type { VisitSnapshot } from '../../../protocol/realtime.js';
import { pick, type Lang } from '../shared/bilingual.js';
import type { VisitAlerts } from './alerts.js';
import { alertText } from './visit-status.js';

/**
 * Rings once when the visitor becomes third in line, and each time they are called (a recall rings again).
 * "Near" is remembered for the session so reloading the page does not ring for it twice.
 */
export function useVisitAlerts(visit: VisitSnapshot | null, alerts: VisitAlerts, lang: Lang): void {
  const last = useRef<{ id: number; status: string; recalls: number } | null>(null);
  useEffect(() => {
    if (!visit) return;
    const { ticket } = visit;
    const before = last.current;
    last.current = { id: ticket.id, status: ticket.status, recalls: ticket.recalls };
    const alert = alertText(visit);
    if (!alert) return;
    const title = `${ticket.number} · ${pick(alert.text, lang)}`;
    if (ticket.status === 'called') {
      const fresh = !before || before.id !== ticket.id || before.status !== 'called' || ticket.recalls > before.recalls;
      if (fresh) alerts.ring(true, title, pick(ticket.serviceName, lang));
      return;
    }
    const key = `hall.phone.near.${ticket.id}`;
    if (sessionStorage.getItem(key)) return;
    sessionStorage.setItem(key, '1');
    // Already near when the page opens (e.g. just taken in a quiet hall): the banner says so, without a ring.
    if (before) alerts.ring(false, title, pick(ticket.serviceName, lang));
  }, [visit, alerts, lang]);

  useEffect(() => {
    if (!visit) return;
    const alert = alertText(visit);
    document.title = alert ? `【${pick(alert.text, lang)}】${visit.ticket.number}` : `${visit.ticket.number} · 排队进度`;
  }, [visit, lang]);
}
