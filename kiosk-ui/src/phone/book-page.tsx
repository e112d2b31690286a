import { useEffect, useState } from 'preact/hooks';
import type { BookableDay, SlotPlaces } from '../../../protocol/appointments.js';
import type { ErrorBody, Text } from '../../../protocol/i18n.js';
import { Bi } from '../shared/bilingual.js';
import { bookAppointment, bookingPath, loadBookingHall, type BookingHall, type BookingService } from './booking-api.js';
import { bookingNextStep, bookingWords as w, dayText, slotText } from './booking-words.js';
import { DayStep, ServiceStep, SlotStep, StepHead } from './booking-steps.js';
import { IdentityForm } from './identity-form.js';
import { rememberBooking } from './my-bookings.js';
import { Refusal } from './refusal.js';
import { words } from './phone-words.js';
import './booking.css';

/**
 * /m/book: service, day, time, then name and ID number; a booking made goes to its own page (/m/a/<token>), which
 * is the confirmation the visitor keeps. Going back a step keeps what was chosen before it.
 */
export function BookPage({ go, onHall }: { go: (path: string, state?: { fresh: true }) => void; onHall: (name: Text) => void }) {
  const [hall, setHall] = useState<BookingHall | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [service, setService] = useState<BookingService | null>(null);
  const [day, setDay] = useState<BookableDay | null>(null);
  const [slot, setSlot] = useState<SlotPlaces | null>(null);

  useEffect(() => {
    void loadBookingHall().then((res) => {
      if (!res.ok) return setError(res.error);
      setHall(res.data);
      onHall(res.data.name);
    });
  }, []);
  // Each step starts at the top of the screen, as a new page would.
  useEffect(() => window.scrollTo(0, 0), [service, day, slot]);

  if (error) return <Refusal error={error} testid="booking-refusal" large next={bookingNextStep(error.code)} />;
  if (!hall) return <p class="loading" role="status"><Bi text={words.loading} /></p>;
  if (!service) return <ServiceStep hall={hall} onChoose={setService} />;
  if (!day) return <DayStep service={service} onChoose={setDay} onBack={() => setService(null)} />;
  if (!slot) return <SlotStep service={service} day={day} onChoose={setSlot} onBack={() => setDay(null)} />;

  const book = async (identity: { name: string; idNumber: string }) => {
    const res = await bookAppointment(service.id, day.date, slot.start, identity);
    if (!res.ok) return res.error;
    rememberBooking({ token: res.data.token, service: service.name, date: day.date, slotStart: slot.start, slotEnd: slot.end });
    go(bookingPath(res.data.token), { fresh: true });
    return null;
  };
  return (
    <section class="booking-step" data-testid="booking-step-identity" aria-labelledby="step-title">
      <StepHead n={4} title={w.yourDetails} id="step-title" />
      <IdentityForm service={service} onSubmit={book} onBack={() => setSlot(null)} nextStep={bookingNextStep}
        formWords={{ submit: w.submit, submitting: w.submitting, privacy: w.privacy }}>
        <p class="booking-summary" data-testid="booking-summary">
          <Bi text={dayText(day.date, day.weekday)} /><span class="booking-summary-time">{slotText(slot.start, slot.end)}</span>
        </p>
      </IdentityForm>
    </section>
  );
}
