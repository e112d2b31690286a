import type { SimVisitor } from './visitors.js';

export interface Issued {
  ticketId: number;
  visitId: number;
  number: string;
  etaMinutes: number | null;
  /** Estimates of proposed forecast variants at the same moment (in-process run only). */
  variants?: Record<string, number | null>;
}
export interface Refused { refused: string }
export interface Called { ticketId: number; visitId: number; number: string }
export type WindowStatus = 'open' | 'closed' | 'paused';

/**
 * What kiosks and caller pads can do, as the simulated hall uses it. One implementation runs the pure domain
 * in-process on a virtual clock; the other speaks HTTP and WebSocket to a real server, as the devices do.
 * Windows are named by their number in the plan, services by code.
 */
export interface HallActions {
  /** Books the visitor's slot before the day starts; the appointment code, or null when the slot is full. */
  book(v: SimVisitor): Promise<string | null>;
  issue(v: SimVisitor): Promise<Issued | Refused>;
  checkIn(v: SimVisitor, code: string): Promise<Issued | Refused>;
  requeue(ticketId: number): Promise<boolean>;
  setStatus(window: number, status: WindowStatus, reason?: 'lunch' | 'break'): Promise<boolean>;
  callNext(window: number): Promise<Called | null>;
  recall(window: number): Promise<boolean>;
  start(window: number): Promise<boolean>;
  finish(window: number): Promise<boolean>;
  noShow(window: number): Promise<boolean>;
  transfer(window: number, ticketId: number, service: string): Promise<boolean>;
}

export const isRefused = (x: Issued | Refused): x is Refused => 'refused' in x;
