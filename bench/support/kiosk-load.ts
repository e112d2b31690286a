import { identityFor, visitorAge } from './identities.js';
import { HttpClient } from './http-client.js';
import { Rng } from './rng.js';

export interface IssueSample { scheduledAt: number; sentAt: number; doneAt: number; status: number; ticketId: number | null }

/**
 * Kiosks taking tickets from a real hall: each kiosk is one keep-alive connection with the kiosk's device token,
 * issuing for a service from the demo mix with a typed identity (a real name and a valid, unique ID number).
 */
export class KioskFleet {
  private readonly kiosks: HttpClient[];
  private readonly bodies: unknown[] = [];
  private next = 0;

  /** Bodies are drawn beforehand so the load generator spends its time on the wire, not on making up people. */
  constructor(url: string, count: number, private readonly token: string, services: number[], date: string, firstIndex = 0, prepared = 30_000) {
    this.kiosks = Array.from({ length: count }, () => new HttpClient(url, 1));
    const rng = new Rng(7 + firstIndex);
    for (let i = 0; i < prepared; i++) {
      const who = identityFor(firstIndex + i, visitorAge(rng), date, rng);
      this.bodies.push({ serviceId: rng.pick(services), identity: { name: who.name, idNumber: who.idNumber } });
    }
  }

  get size(): number {
    return this.kiosks.length;
  }

  async issue(kiosk: number, scheduledAt = performance.now()): Promise<IssueSample> {
    const body = this.bodies[this.next++ % this.bodies.length];
    const sentAt = performance.now();
    // A request the hall never answered (it was killed, or refused the connection) is no acknowledgement: status 0.
    const res = await this.kiosks[kiosk % this.kiosks.length].request('POST', '/api/tickets', body, { authorization: `Bearer ${this.token}` })
      .catch(() => ({ status: 0, body: null }));
    return { scheduledAt, sentAt, doneAt: performance.now(), status: res.status, ticketId: res.status === 201 ? res.body.ticket.id : null };
  }

  /**
   * Open loop: `rate` tickets a second for `seconds`, spread over the kiosks in turn. Latency counts from the
   * scheduled moment, so a kiosk held up by a slow answer shows as latency, not as fewer requests.
   */
  async openLoop(rate: number, seconds: number): Promise<IssueSample[]> {
    const start = performance.now();
    const total = Math.round(rate * seconds);
    const busy: Promise<void>[] = this.kiosks.map(() => Promise.resolve());
    const samples: IssueSample[] = [];
    for (let i = 0; i < total; i++) {
      const at = start + (i * 1000) / rate;
      const wait = at - performance.now();
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
      const k = i % this.kiosks.length;
      busy[k] = busy[k].then(async () => { samples.push(await this.issue(k, at)); });
    }
    await Promise.all(busy);
    return samples;
  }

  /** Closed loop: every kiosk issues back to back for `seconds`. */
  async closedLoop(seconds: number): Promise<IssueSample[]> {
    const until = performance.now() + seconds * 1000;
    const samples: IssueSample[] = [];
    await Promise.all(this.kiosks.map(async (_, k) => {
      while (performance.now() < until) samples.push(await this.issue(k));
    }));
    return samples;
  }

  close(): void {
    for (const k of this.kiosks) k.close();
  }
}
