import { apiCall, type ApiResult } from '../../../protocol/api-client.js';
import type { BookableDays, BookedAppointment, BookingHallFields, BookingServiceFields, BookingView, SlotPlaces } from '../../../protocol/appointments.js';
import { loadPublicHall, type HallService, type PublicHall } from '../shared/public-api.js';

// The public booking operations as the phone uses them. A booking's token is its visitor's only handle on it.

export type BookingService = HallService & BookingServiceFields;
export type BookingHall = Omit<PublicHall, 'services'> & BookingHallFields & { services: BookingService[] };

/** The public hall, with which services take appointments and how far ahead. */
export const loadBookingHall = (): Promise<ApiResult<BookingHall>> => loadPublicHall() as Promise<ApiResult<BookingHall>>;

export const loadBookableDays = (serviceId: number): Promise<ApiResult<BookableDays>> =>
  apiCall<BookableDays>('GET', `/api/appointments/days?serviceId=${serviceId}`);

export const loadSlots = (serviceId: number, date: string): Promise<ApiResult<SlotPlaces[]>> =>
  apiCall<SlotPlaces[]>('GET', `/api/appointments/slots?serviceId=${serviceId}&date=${date}`);

export function bookAppointment(serviceId: number, date: string, slotStart: string, identity: { name: string; idNumber: string }): Promise<ApiResult<BookedAppointment>> {
  return apiCall<BookedAppointment>('POST', '/api/appointments', { body: { serviceId, date, slotStart, identity } });
}

export const loadBooking = (token: string): Promise<ApiResult<BookingView>> => apiCall<BookingView>('GET', `/api/bookings/${encodeURIComponent(token)}`);

export const cancelBooking = (token: string): Promise<ApiResult<BookingView>> =>
  apiCall<BookingView>('POST', `/api/bookings/${encodeURIComponent(token)}/cancel`, { body: {} });

/** The booking pages' addresses: /m/book to book, /m/a/<token> for one booking (its confirmation). */
export const bookPath = '/m/book';
export const bookingPath = (token: string) => `/m/a/${token}`;

export function bookingTokenFromPath(path: string): string | null {
  const m = /^\/m\/a\/([A-Za-z0-9_-]{16,100})\/?$/.exec(path);
  return m ? m[1] : null;
}

export function isBookPath(path: string): boolean {
  return /^\/m\/book\/?$/.test(path);
}
