import { addDays, formatTimeOfDay, hallDay } from '../../../server/core/hall-time.js';
import { idNumber } from '../../server/test-hall.js';

/** An acknowledged change: the event it must have left, keyed by type and the record it is about. */
export interface Ack { type: string; key: number }

export interface LaneResult { acks: Ack[]; refused: string[]; cutOff: boolean }

export interface HallClient {
  get(path: string): Promise<{ status: number; body: any }>;
  post(path: string, body?: unknown): Promise<{ status: number; body: any }>;
  put(path: string, body: unknown): Promise<{ status: number; body: any }>;
}

/** What the lanes share: whether the hall has been killed, and a count of acknowledgements to decide when to. */
export interface Burst { dead(): boolean; acked(): void }

/** The record an event is about, as SQL reads it from the payload (see `eventKeys`). */
export const eventKeySql = `COALESCE(json_extract(payload, '$.ticket.id'), json_extract(payload, '$.rating.ticketId'),
  json_extract(payload, '$.appointment.id'), json_extract(payload, '$.item.id'), json_extract(payload, '$.runtime.windowId'))`;

class Stop extends Error {}

/**
 * Runs commands one after another and notes each acknowledged one; a command refused before the hall died is a
 * failure of the test itself, a command cut off by the kill ends the lane (it may or may not have been stored).
 */
class Lane {
  readonly result: LaneResult = { acks: [], refused: [], cutOff: false };
  constructor(private readonly client: HallClient, private readonly burst: Burst) {}

  async send(name: string, request: () => Promise<{ status: number; body: any }>, ack: (body: any) => Ack): Promise<any> {
    let res;
    try {
      res = await request();
    } catch {
      if (this.burst.dead()) this.result.cutOff = true;
      else this.result.refused.push(`${name}: connection failed before the kill`);
      throw new Stop();
    }
    if (res.status >= 300) {
      this.result.refused.push(`${name}: ${res.status} ${res.body?.code}`);
      throw new Stop();
    }
    this.result.acks.push(ack(res.body));
    this.burst.acked();
    return res.body;
  }

  get post() { return this.client.post.bind(this.client); }
  get put() { return this.client.put.bind(this.client); }
}

export interface WindowLaneSpec { lane: number; windowId: number; serviceId: number; transferTo: number }

/**
 * One window's day on a loop: issue, call, recall, start, finish, rate; a second visitor missed, re-queued, called
 * again and transferred, the new leg cancelled; a pause and reopening; an appointment booked. Each lane has its own
 * window and services, so its commands never depend on another lane's.
 */
export async function windowLane(client: HallClient, spec: WindowLaneSpec, burst: Burst): Promise<LaneResult> {
  const l = new Lane(client, burst);
  const w = `/api/windows/${spec.windowId}`;
  let person = 0;
  const identity = () => ({ name: `压测${spec.lane}号`, idNumber: idNumber(`1980${String(spec.lane + 1).padStart(2, '0')}15`, String(++person).padStart(3, '0')) });
  const ticket = (type: string) => (b: any) => ({ type, key: b.id as number });
  try {
    await l.send('open', () => l.post(`${w}/status`, { status: 'open' }), () => ({ type: 'window.statusChanged', key: spec.windowId }));
    for (let cycle = 0; ; cycle++) {
      const first = await l.send('issue', () => l.post('/api/tickets', { serviceId: spec.serviceId, identity: identity() }), (b) => ({ type: 'ticket.issued', key: b.ticket.id }));
      await l.send('callNext', () => l.post(`${w}/call-next`), ticket('ticket.called'));
      await l.send('recall', () => l.post(`${w}/recall`), ticket('ticket.recalled'));
      await l.send('start', () => l.post(`${w}/start`), ticket('ticket.started'));
      await l.send('finish', () => l.post(`${w}/finish`), ticket('ticket.finished'));
      await l.send('rate', () => l.post('/api/ratings', { ticketId: first.ticket.id, level: 5 }), (b) => ({ type: 'rating.recorded', key: b.ticketId }));
      await l.send('issue', () => l.post('/api/tickets', { serviceId: spec.serviceId, identity: identity() }), (b) => ({ type: 'ticket.issued', key: b.ticket.id }));
      await l.send('callNext', () => l.post(`${w}/call-next`), ticket('ticket.called'));
      const missed = await l.send('noShow', () => l.post(`${w}/no-show`), ticket('ticket.noShow'));
      await l.send('requeue', () => l.post(`/api/tickets/${missed.id}/requeue`), ticket('ticket.requeued'));
      await l.send('callNext', () => l.post(`${w}/call-next`), ticket('ticket.called'));
      const leg = await l.send('transfer', () => l.post(`/api/tickets/${missed.id}/transfer`, { serviceId: spec.transferTo }), () => ({ type: 'ticket.transferred', key: missed.id }));
      await l.send('cancel', () => l.post(`/api/tickets/${leg.id}/cancel`, { reason: 'left' }), ticket('ticket.cancelled'));
      await l.send('pause', () => l.post(`${w}/status`, { status: 'paused', reason: 'break' }), () => ({ type: 'window.statusChanged', key: spec.windowId }));
      await l.send('reopen', () => l.post(`${w}/status`, { status: 'open' }), () => ({ type: 'window.statusChanged', key: spec.windowId }));
      // Within the hall's booking horizon (a week by default), from the day after tomorrow so a midnight passing
      // during the run takes no slot into the past; a new day or time each cycle keeps every slot short of full.
      const date = addDays(hallDay(Date.now(), 'Asia/Shanghai'), 2 + (cycle % 6));
      const slotStart = formatTimeOfDay(30 * (Math.floor(cycle / 6) % 48));
      await l.send('book', () => l.post('/api/appointments', { serviceId: spec.serviceId, date, slotStart, identity: identity() }), (b) => ({ type: 'appointment.booked', key: b.id }));
    }
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
  }
  return l.result;
}

/** An admin renaming a service over and over: config changes are commands like any other. */
export async function configLane(client: HallClient, service: Record<string, unknown> & { id: number }, burst: Burst): Promise<LaneResult> {
  const l = new Lane(client, burst);
  const { id, ...body } = service;
  try {
    for (let n = 1; ; n++) {
      await l.send('updateService', () => l.put(`/api/services/${id}`, { ...body, name: { zh: `不动产查询${n}`, en: `Records ${n}` } }), () => ({ type: 'config.saved', key: id }));
    }
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
  }
  return l.result;
}
