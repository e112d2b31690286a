import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { BookableDay, SlotPlaces } from '../../../protocol/appointments.js';
import type { ErrorBody, Text } from '../../../protocol/i18n.js';
import { Bi, fill } from '../shared/bilingual.js';
import { loadBookableDays, loadSlots, type BookingHall, type BookingService } from './booking-api.js';
import { bookingNextStep, bookingWords as w, closedText, dayText, slotText } from './booking-words.js';
import { Refusal } from './refusal.js';
import { words } from './phone-words.js';

/** Where the visitor is in the four steps, and what this one asks. */
export function StepHead({ n, title, id }: { n: number; title: Text; id?: string }) {
  return (
    <header class="step-head">
      <p class="step-count"><Bi text={fill(w.step, { n })} /></p>
      <h2 class="page-title" id={id}><Bi text={title} /></h2>
    </header>
  );
}

/** One choice in a grid of days or times: only an open one can be chosen, and its note says why not or how many left. */
function PickTile({ testid, state, note, onPick, children }: { testid: string; state: string; note: Text; onPick: () => void; children: ComponentChildren }) {
  return (
    <li>
      <button type="button" class="pick" data-testid={testid} data-state={state} disabled={state !== 'open'} onClick={onPick}>
        {children}
        <Bi text={note} class="pick-note" />
      </button>
    </li>
  );
}

function BackButton({ onBack }: { onBack: () => void }) {
  return <button type="button" class="button wide" data-testid="booking-back" onClick={onBack}><Bi text={words.back} /></button>;
}

/** Step 1: the services that take appointments, by area. */
export function ServiceStep({ hall, onChoose }: { hall: BookingHall; onChoose: (s: BookingService) => void }) {
  const bookable = hall.appointmentDaysAhead > 0 ? hall.services.filter((s) => s.takesAppointments) : [];
  return (
    <section class="booking-step" data-testid="booking-step-service" aria-labelledby="step-title">
      <StepHead n={1} title={w.chooseService} id="step-title" />
      <div class="panel">
        {bookable.length === 0 ? <p data-testid="booking-none"><Bi text={w.noService} /></p> : null}
        {hall.areas.filter((a) => bookable.some((s) => s.areaId === a.id)).map((area) => (
          <div key={area.id} class="area-group">
            <h3 class="area-name"><Bi text={area.name} /></h3>
            <ul class="service-list">
              {bookable.filter((s) => s.areaId === area.id).map((s) => (
                <li key={s.id}>
                  <button type="button" class="service-item" data-testid={`book-service-${s.code}`} onClick={() => onChoose(s)}>
                    <Bi text={s.name} class="service-name" />
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
    </section>
  );
}

/** Step 2: today to the booking horizon; holidays and days off shown closed with the reason, full days as full. */
export function DayStep({ service, onChoose, onBack }: { service: BookingService; onChoose: (d: BookableDay) => void; onBack: () => void }) {
  const [days, setDays] = useState<{ daysAhead: number; days: BookableDay[] } | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  useEffect(() => {
    void loadBookableDays(service.id).then((res) => (res.ok ? setDays(res.data) : setError(res.error)));
  }, [service.id]);
  return (
    <section class="booking-step" data-testid="booking-step-date" aria-labelledby="step-title">
      <StepHead n={2} title={w.chooseDay} id="step-title" />
      <p class="booking-chosen"><Bi text={service.name} /></p>
      <Refusal error={error} testid="booking-refusal" large next={error ? bookingNextStep(error.code) : undefined} />
      {!days && !error ? <p class="loading" role="status"><Bi text={words.loading} /></p> : null}
      {days ? (
        <div class="panel">
          <p class="field-hint"><Bi text={fill(w.daysAhead, { n: days.daysAhead })} /></p>
          <ul class="pick-grid">
            {days.days.map((d, i) => {
              const state = d.closed ?? (d.over ? 'over' : d.left === 0 ? 'full' : 'open');
              const note = d.closed ? closedText(d.closed) : d.over ? w.dayOver : d.left === 0 ? w.full : fill(w.placesLeft, { n: d.left });
              return (
                <PickTile key={d.date} testid={`book-day-${d.date}`} state={state} note={note} onPick={() => onChoose(d)}>
                  {i === 0 ? <Bi text={w.today} class="pick-today" /> : null}
                  <Bi text={dayText(d.date, d.weekday)} class="pick-main" />
                </PickTile>
              );
            })}
          </ul>
        </div>
      ) : null}
      <BackButton onBack={onBack} />
    </section>
  );
}

/** Step 3: the day's times with the places left; passed and full ones cannot be chosen. */
export function SlotStep({ service, day, onChoose, onBack }: { service: BookingService; day: BookableDay; onChoose: (s: SlotPlaces) => void; onBack: () => void }) {
  const [slots, setSlots] = useState<SlotPlaces[] | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  useEffect(() => {
    void loadSlots(service.id, day.date).then((res) => (res.ok ? setSlots(res.data) : setError(res.error)));
  }, [service.id, day.date]);
  const open = slots?.filter((s) => !s.passed && s.left > 0) ?? [];
  // Today's passed times would fill the first screens: they are left out, and a line says up to when.
  const passed = slots?.filter((s) => s.passed) ?? [];
  const ahead = slots?.filter((s) => !s.passed) ?? [];
  return (
    <section class="booking-step" data-testid="booking-step-slot" aria-labelledby="step-title">
      <StepHead n={3} title={w.chooseSlot} id="step-title" />
      <p class="booking-chosen"><Bi text={service.name} /> <Bi text={dayText(day.date, day.weekday)} /></p>
      <Refusal error={error} testid="booking-refusal" large next={error ? bookingNextStep(error.code) : undefined} />
      {!slots && !error ? <p class="loading" role="status"><Bi text={words.loading} /></p> : null}
      {slots ? (
        <div class="panel">
          {open.length === 0 ? <p data-testid="booking-no-slot"><Bi text={w.noSlot} /></p> : null}
          {passed.length > 0 ? <p class="field-hint" data-testid="booking-passed"><Bi text={fill(w.passedUntil, { time: passed[passed.length - 1].end })} /></p> : null}
          <ul class="pick-grid">
            {ahead.map((s) => {
              const state = s.left === 0 ? 'full' : 'open';
              const note = s.left === 0 ? w.full : fill(w.placesLeft, { n: s.left });
              return (
                <PickTile key={s.start} testid={`book-slot-${s.start.replace(':', '')}`} state={state} note={note} onPick={() => onChoose(s)}>
                  <span class="pick-main pick-time">{slotText(s.start, s.end)}</span>
                </PickTile>
              );
            })}
          </ul>
        </div>
      ) : null}
      <BackButton onBack={onBack} />
    </section>
  );
}
