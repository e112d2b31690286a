import type { HttpClient } from '../support/http-client.js';
import type { PhoneFleet, ScreenClient } from '../support/screens.js';
import type { Called, HallActions, Issued, Refused, WindowStatus } from './actions.js';
import type { SimVisitor } from './visitors.js';

export interface HttpHall {
  kiosks: HttpClient;
  kioskToken: string;
  /** The caller pad of each window, by window number. */
  pads: Map<number, ScreenClient>;
  windowIds: Map<number, number>;
  serviceIds: Map<string, number>;
  priorityIds: Map<string, number>;
  date: string;
}

export interface CallRecord { window: number; ticketId: number; sentAt: number; repliedAt: number }

/**
 * The simulated hall's actions as the devices perform them: kiosks over HTTP with their device token, caller pads
 * as WebSocket commands on the pad's own connection, phones opened for visitors who follow their ticket.
 * Every callNext is noted (sent, answered) so screen latencies can be joined to it afterwards.
 */
export class HttpActions implements HallActions {
  readonly calls: CallRecord[] = [];
  readonly callNextMs: number[] = [];
  readonly issueMs: number[] = [];
  readonly refusals: Record<string, number> = {};
  withoutForecast = 0;
  /** Once the simulation is stopped, cases still under way must not keep sending commands. */
  halted = false;

  constructor(private readonly hall: HttpHall, private readonly phones: PhoneFleet | null) {}

  private refuse(code: string): Refused {
    this.refusals[code] = (this.refusals[code] ?? 0) + 1;
    return { refused: code };
  }

  private kiosk(method: string, path: string, body?: unknown) {
    if (this.halted) return Promise.resolve({ status: 0, body: { code: 'HALTED' }, ms: 0 });
    return this.hall.kiosks.request(method, path, body, { authorization: `Bearer ${this.hall.kioskToken}` });
  }

  async book(v: SimVisitor): Promise<string | null> {
    if (this.halted) return null;
    const res = await this.hall.kiosks.request('POST', '/api/appointments', {
      serviceId: this.hall.serviceIds.get(v.legs[0].service), date: this.hall.date, slotStart: v.appointmentSlot,
      identity: { name: v.identity.name, idNumber: v.identity.idNumber },
    });
    if (res.status !== 201) this.refuse(`book:${res.body?.code ?? res.status}`);
    return res.status === 201 ? res.body.code : null;
  }

  private issued(res: { status: number; body: any; ms: number }, v: SimVisitor): Issued | Refused {
    if (res.status !== 201) return this.refuse(res.body?.code ?? String(res.status));
    this.issueMs.push(res.ms);
    const { ticket, token, forecast } = res.body;
    if (!forecast) this.withoutForecast++;
    if (v.hasPhone && this.phones) void this.phones.follow(token, ticket.id);
    return { ticketId: ticket.id, visitId: ticket.visitId, number: ticket.number, etaMinutes: forecast?.etaMinutes ?? null };
  }

  async issue(v: SimVisitor): Promise<Issued | Refused> {
    const priorityClassId = v.declaredPriority ? this.hall.priorityIds.get(v.declaredPriority) : undefined;
    const body = { serviceId: this.hall.serviceIds.get(v.legs[0].service), identity: { name: v.identity.name, idNumber: v.identity.idNumber }, ...(priorityClassId ? { priorityClassId } : {}) };
    return this.issued(await this.kiosk('POST', '/api/tickets', body), v);
  }

  async checkIn(v: SimVisitor, code: string): Promise<Issued | Refused> {
    return this.issued(await this.kiosk('POST', '/api/appointments/check-in', { code }), v);
  }

  async requeue(ticketId: number): Promise<boolean> {
    const res = await this.kiosk('POST', `/api/tickets/${ticketId}/requeue`);
    if (res.status !== 200) this.refuse(`requeue:${res.body?.code}`);
    return res.status === 200;
  }

  private async pad(window: number, name: string, args: Record<string, unknown> = {}) {
    if (this.halted) return { ok: false, code: 'HALTED', sentAt: 0, repliedAt: 0, result: undefined };
    const out = await this.hall.pads.get(window)!.command(name, { windowId: this.hall.windowIds.get(window), ...args });
    if (!out.ok && out.code !== 'QUEUE_EMPTY') this.refuse(`${name}:${out.code}`);
    return out;
  }

  async setStatus(window: number, status: WindowStatus, reason?: 'lunch' | 'break'): Promise<boolean> {
    return (await this.pad(window, 'setWindowStatus', { status, ...(reason ? { reason } : {}) })).ok;
  }

  async callNext(window: number): Promise<Called | null> {
    const out = await this.pad(window, 'callNext');
    if (out.code !== 'HALTED') this.callNextMs.push(out.repliedAt - out.sentAt);
    if (!out.ok) return null;
    this.calls.push({ window, ticketId: out.result.id, sentAt: out.sentAt, repliedAt: out.repliedAt });
    return { ticketId: out.result.id, visitId: out.result.visitId, number: out.result.number };
  }

  async recall(window: number): Promise<boolean> {
    return (await this.pad(window, 'recall')).ok;
  }

  async start(window: number): Promise<boolean> {
    return (await this.pad(window, 'startService')).ok;
  }

  async finish(window: number): Promise<boolean> {
    return (await this.pad(window, 'finishService')).ok;
  }

  async noShow(window: number): Promise<boolean> {
    return (await this.pad(window, 'markNoShow')).ok;
  }

  async transfer(window: number, ticketId: number, service: string): Promise<boolean> {
    return (await this.pad(window, 'transferTicket', { ticketId, serviceId: this.hall.serviceIds.get(service) })).ok;
  }
}
