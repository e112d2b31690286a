import type { Text } from '../../../protocol/i18n.js';

/**
 * Bookings made on this phone, so the visitor finds their way back to them from /m/: the token, the service and
 * when; no identity. The status is asked of the hall each time the list is shown.
 */
export interface MyBooking { token: string; service: Text; date: string; slotStart: string; slotEnd: string }

const key = 'hall.phone.bookings';
// A booking stays in the list for a week after its day, so a missed one is seen as missed rather than vanishing.
const keptDaysAfter = 7;
const keptAtMost = 6;

function stored(): MyBooking[] {
  try {
    const list = JSON.parse(localStorage.getItem(key) ?? '[]') as MyBooking[];
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** This phone's bookings still worth showing on the hall day `today`, soonest first. */
export function myBookings(today: string): MyBooking[] {
  return stored()
    .filter((b) => dayNumber(b.date) >= dayNumber(today) - keptDaysAfter)
    .sort((a, b) => (a.date + a.slotStart).localeCompare(b.date + b.slotStart));
}

export function rememberBooking(booking: MyBooking): void {
  const kept = stored().filter((b) => b.token !== booking.token).slice(0, keptAtMost - 1);
  localStorage.setItem(key, JSON.stringify([booking, ...kept]));
}
