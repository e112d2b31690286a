import { useState } from 'preact/hooks';
import { apiCall } from '../../../../protocol/api-client.js';
import type { AppointmentDayList, AppointmentStatus, BookingView, ServiceAppointmentList } from '../../../../protocol/appointments.js';
import type { ErrorBody } from '../../../../protocol/i18n.js';
import type { HallSnapshot } from '../../../../protocol/realtime.js';
import { Bi, ErrorNotice } from '../../lib/bi.js';
import { ConfirmDialog, type Question } from '../../lib/confirm-dialog.js';
import { useHallChanges } from '../../lib/use-hall-changes.js';
import { useApi } from '../stats/use-api.js';
import { dayName, dayWithWeekday, shiftDay, statusNames } from './appointment-words.js';
import { ServiceBookings, type CancelAsked } from './service-bookings.js';
import './appointments.css';

/** A day named in the address (#/appointments?date=2026-10-02, as the settings page links it), else the hall's today. */
function dateFromHash(): string | null {
  const date = new URLSearchParams(location.hash.split('?')[1] ?? '').get('date');
  return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null;
}

function cancelQuestion({ service, slot, entry }: CancelAsked, date: string): Question {
  const day = dayName(date);
  const who = entry.person.nameMasked || '—';
  return {
    title: { zh: `取消 ${who} 的预约？`, en: 'Cancel this booking?' },
    lines: [
      { zh: `${service.serviceName.zh} · ${day.zh} ${slot.start}–${slot.end} · ${entry.person.idMasked}`, en: `${service.serviceName.en} · ${day.en} ${slot.start}–${slot.end}` },
      { zh: '名额将释放给其他人预约，请告知预约人', en: 'The place is freed for others to book; let the visitor know' },
    ],
    confirm: { zh: '取消预约', en: 'Cancel booking' },
    back: { zh: '不取消', en: 'Keep it' },
  };
}

const counted: AppointmentStatus[] = ['booked', 'checked_in', 'cancelled', 'missed'];

/**
 * 预约管理: who booked which slot of a day, service by service; a booking still standing can be cancelled for the
 * visitor. Any day can be looked at (past days come from the hall's records). Follows the hall live as the ratings
 * ledger does: a booking, check-in or cancel elsewhere shows by itself, and 刷新 asks at once.
 */
export function AppointmentsPage() {
  const hall = useApi<HallSnapshot>('/api/hall');
  const [chosenDate, setChosenDate] = useState<string | null>(dateFromHash());
  const [serviceId, setServiceId] = useState<number | null>(null);
  const [asking, setAsking] = useState<CancelAsked | null>(null);
  const [refusal, setRefusal] = useState<ErrorBody | null>(null);
  const [cancelled, setCancelled] = useState<BookingView | null>(null);
  const today = hall.data?.hall.hallDay ?? null;
  const date = chosenDate ?? today;
  const list = useApi<AppointmentDayList>(date ? `/api/appointments?date=${date}` : null);
  useHallChanges(() => list.reload());
  const timeZone = hall.data?.hall.timeZone ?? 'Asia/Shanghai';

  const choose = (next: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(next)) return;
    setChosenDate(next);
    setRefusal(null);
    setCancelled(null);
    // The address keeps the day, so a reload or a link shows the same list; no hashchange, so the page stays.
    history.replaceState(null, '', `#/appointments?date=${next}`);
  };
  const cancel = async (asked: CancelAsked) => {
    const res = await apiCall<BookingView>('POST', `/api/appointments/${asked.entry.id}/cancel`);
    if (res.ok) {
      setRefusal(null);
      setCancelled(res.data);
    } else {
      setCancelled(null);
      setRefusal(res.error);
    }
    await list.reload();
  };

  // The last answer stays on screen while the next loads; the heading names the day it is about.
  const day = list.data && list.data.date === date ? list.data : null;
  const shown: ServiceAppointmentList[] = (day?.services ?? []).filter((s) => serviceId === null || s.serviceId === serviceId);
  const withBookings = shown.filter((s) => serviceId !== null || s.slots.some((slot) => slot.bookings.length > 0));
  const quiet = shown.filter((s) => !withBookings.includes(s));
  const entries = shown.flatMap((s) => s.slots.flatMap((slot) => slot.bookings));
  const holiday = shown.some((s) => s.closed === 'holiday');
  const label = day ? dayWithWeekday(day.date, day.weekday) : null;
  return (
    <div class="appts" data-testid="appointments-page">
      <section class="panel appts-head">
        <header class="panel-head">
          <h2><Bi zh="预约管理" en="Appointments" inline /></h2>
          <div class="appts-controls">
            <button type="button" class="btn" data-testid="appointments-prev" disabled={!date} onClick={() => date && choose(shiftDay(date, -1))}>
              <Bi zh="‹ 前一天" en="Earlier" inline />
            </button>
            <input type="date" value={date ?? ''} aria-label="日期 Date" data-testid="appointments-date" onChange={(e) => choose(e.currentTarget.value)} />
            <button type="button" class="btn" data-testid="appointments-next" disabled={!date} onClick={() => date && choose(shiftDay(date, 1))}>
              <Bi zh="后一天 ›" en="Later" inline />
            </button>
            <button type="button" class="btn" data-testid="appointments-today" disabled={!today || date === today} onClick={() => today && choose(today)}>
              <Bi zh="今天" en="Today" inline />
            </button>
            <select aria-label="业务 Service" data-testid="appointments-service" value={serviceId ?? ''}
              onChange={(e) => setServiceId(e.currentTarget.value ? Number(e.currentTarget.value) : null)}>
              <option value="">全部业务 All services</option>
              {(day?.services ?? []).map((s) => <option key={s.serviceId} value={s.serviceId}>{s.prefix} {s.serviceName.zh} {s.serviceName.en}</option>)}
            </select>
            <button type="button" class="btn btn-primary" data-testid="appointments-refresh" onClick={() => void list.reload()}>
              <Bi zh="刷新" en="Refresh" inline />
            </button>
          </div>
        </header>
        <div class="appts-summary" data-testid="appointments-summary">
          {label && <strong class="appts-day"><Bi zh={label.zh} en={label.en} inline /></strong>}
          {day && day.date === day.today && <span class="state state-open"><Bi zh="今天" en="today" inline /></span>}
          {holiday && (entries.some((e) => e.status === 'booked')
            ? <span class="state state-yellow" data-testid="appointments-holiday"><Bi zh="节假日闭厅：这些预约仍有效，请通知预约人或取消" en="Public holiday: these bookings still stand; tell the visitors or cancel" inline /></span>
            : <span class="state state-closed" data-testid="appointments-holiday"><Bi zh="节假日闭厅" en="Public holiday" inline /></span>)}
          <span class="appts-counts">
            {counted.map((status) => (
              <span key={status} class="appts-count" data-testid={`appointments-count-${status}`}>
                <Bi zh={statusNames[status].zh} en={statusNames[status].en} /><b>{entries.filter((e) => e.status === status).length}</b>
              </span>
            ))}
          </span>
        </div>
        <ErrorNotice error={refusal ?? list.error ?? hall.error} />
        {cancelled && (
          <div class="notice notice-ok" role="status" data-testid="appointments-cancelled">
            <strong>已取消 {cancelled.person.nameMasked || '—'} {cancelled.slotStart}–{cancelled.slotEnd} 的预约</strong>
            <span>Booking cancelled; the place is free again</span>
          </div>
        )}
      </section>
      <div class="appts-list">
        {withBookings.map((s) => <ServiceBookings key={s.serviceId} service={s} timeZone={timeZone} onCancel={(asked) => { setRefusal(null); setAsking(asked); }} />)}
        {day && withBookings.length === 0 && (
          <section class="panel appts-none"><p class="muted"><Bi zh="当日没有预约" en="No bookings on this day" /></p></section>
        )}
        {quiet.length > 0 && (
          <section class="panel appts-quiet" data-testid="appointments-quiet">
            <h3><Bi zh="当日暂无预约的业务" en="Services with no bookings this day" inline /></h3>
            <ul>{quiet.map((s) => <li key={s.serviceId}><span class="prefix">{s.prefix}</span> {s.serviceName.zh} <span class="muted">{s.serviceName.en}</span></li>)}</ul>
          </section>
        )}
      </div>
      {asking && date && (
        <ConfirmDialog question={cancelQuestion(asking, date)} onAnswer={(yes) => {
          const asked = asking;
          setAsking(null);
          if (yes) void cancel(asked);
        }} />
      )}
    </div>
  );
}
