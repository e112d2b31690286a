import { hallTimeToEpoch } from '../../server/core/hall-time.js';
import { Rng } from '../support/rng.js';
import { isRefused, type Called, type HallActions } from './actions.js';
import type { SimClock } from './clock.js';
import { configuredMinutes, type DayProfile, type WindowPlan } from './profile.js';
import type { VisitRecord } from './records.js';
import type { SimVisitor } from './visitors.js';

interface Pause { start: number; end: number; reason: 'lunch' | 'break' }
interface Visit { v: SimVisitor; leg: number; ticketId: number | null; noShowDone: boolean; record: VisitRecord }

/** Staff notice new tickets on their pad within a few seconds; an idle window also looks again every minute. */
const reactionMs = 5_000;
const idlePollMs = 60_000;
const recallEveryMs = 30_000;

/**
 * The behaviour of a hall day, independent of how it reaches the hall: visitors arrive and take tickets (or check
 * in a booking), windows open, call, wait for the walk-up, serve for the visitor's real handling time, transfer
 * or finish, pause for lunch and breaks, recall and mark no-shows, who may come back and be re-queued.
 * It also keeps the naive estimate the forecast is compared with, from what the hall could count at each issue.
 */
export class HallModel {
  readonly records: VisitRecord[];
  private readonly waiting = new Map<string, number>();
  private readonly handled = new Map<string, { sum: number; n: number }>();
  private readonly status = new Map<number, 'open' | 'paused' | 'closed'>();
  private readonly serves = new Map<number, Set<string>>();
  private readonly main = new Map<number, Set<string>>();
  private readonly idle = new Map<number, () => void>();
  private readonly visits = new Map<number, Visit>();
  /** Windows that called a ticket whose issue reply has not reached the kiosk yet (over the network). */
  private readonly awaited = new Map<number, () => void>();
  private pending: number;
  private readonly lastArrival: number;
  private stopped = false;
  private stopSignal!: () => void;
  private readonly stopping = new Promise<void>((resolve) => { this.stopSignal = resolve; });

  constructor(private readonly profile: DayProfile, private readonly visitors: SimVisitor[], private readonly plan: WindowPlan[],
    private readonly clock: SimClock, private readonly act: HallActions) {
    this.records = visitors.map((v) => ({
      index: v.index, service: v.legs[0].service, channel: v.appointmentSlot ? 'appointment' : 'kiosk', priority: false,
      issuedAt: null, refused: null, etaMinutes: null, naiveMinutes: null, variants: {}, firstCalledAt: null, finishedAt: null,
      noShow: false, requeued: false, transferred: false,
    }));
    const all = new Set(profile.mix.map((m) => m.code));
    for (const w of plan) {
      this.serves.set(w.number, w.comprehensive ? all : new Set([...w.main, ...w.backup]));
      this.main.set(w.number, w.comprehensive ? all : new Set(w.main));
    }
    this.pending = visitors.length;
    this.lastArrival = visitors.reduce((m, v) => Math.max(m, v.arriveAt), 0);
  }

  /** Runs the day until every window has closed, or until stop(). */
  async run(): Promise<void> {
    const codes = new Map<number, string>();
    for (const v of this.visitors.filter((x) => x.appointmentSlot)) {
      const code = await this.act.book(v);
      if (code) codes.set(v.index, code);
      else this.records[v.index].channel = 'kiosk';
    }
    const pauses = this.drawPauses();
    const work = [
      ...this.visitors.map((v) => this.arrive(v, codes.get(v.index) ?? null)),
      ...this.plan.map((w, i) => this.runWindow(w, pauses[i])),
    ];
    await Promise.race([Promise.all(work), this.stopping]);
  }

  stop(): void {
    this.stopped = true;
    this.stopSignal();
  }

  /** Tickets waiting now, as the model counts them. */
  get waitingCount(): number {
    let n = 0;
    for (const c of this.waiting.values()) n += c;
    return n;
  }

  private async sleepUntil(at: number): Promise<void> {
    const ms = at - this.clock.now();
    if (ms > 0) await this.clock.sleep(ms);
  }

  private async arrive(v: SimVisitor, code: string | null): Promise<void> {
    await this.sleepUntil(v.arriveAt);
    if (this.stopped) return;
    const record = this.records[v.index];
    const service = v.legs[0].service;
    const naive = this.naiveMinutes(service);
    const issuedAt = this.clock.now();
    const result = code ? await this.act.checkIn(v, code) : await this.act.issue(v);
    if (isRefused(result)) {
      record.refused = result.refused;
    } else {
      Object.assign(record, { issuedAt, etaMinutes: result.etaMinutes, naiveMinutes: naive, variants: result.variants ?? {}, priority: v.declaredPriority !== null || v.identity.birthDate <= `${Number(this.profile.date.slice(0, 4)) - 65}${this.profile.date.slice(4)}` });
      this.visits.set(result.visitId, { v, leg: 0, ticketId: result.ticketId, noShowDone: false, record });
      this.awaited.get(result.visitId)?.();
      this.joinQueue(service);
    }
    this.pending--;
  }

  /** People ahead in the same service x mean handling time so far (else the configured one) / open windows serving it. */
  private naiveMinutes(service: string): number | null {
    let open = 0;
    for (const [w, s] of this.serves) if (this.status.get(w) === 'open' && s.has(service)) open++;
    if (open === 0) return null;
    const h = this.handled.get(service);
    const mean = h && h.n > 0 ? h.sum / h.n / 60_000 : configuredMinutes(service);
    return ((this.waiting.get(service) ?? 0) * mean) / open;
  }

  /** A new ticket wakes two idle windows that serve it, main-tier ones first: more would only race for it. */
  private joinQueue(service: string): void {
    this.waiting.set(service, (this.waiting.get(service) ?? 0) + 1);
    const idle = [...this.idle.keys()].filter((w) => this.serves.get(w)!.has(service));
    idle.sort((a, b) => Number(!this.main.get(a)?.has(service)) - Number(!this.main.get(b)?.has(service)));
    for (const w of idle.slice(0, 2)) {
      const wake = this.idle.get(w)!;
      this.idle.delete(w);
      void this.clock.sleep(reactionMs).then(wake);
    }
  }

  private async runWindow(w: WindowPlan, pauses: Pause[]): Promise<void> {
    const rng = new Rng(this.profile.seed + w.number);
    await this.sleepUntil(hallTimeToEpoch(this.profile.date, this.profile.windowsOpenAt, this.profile.timeZone) + rng.int(0, 300) * 1000);
    if (this.stopped) return;
    await this.setStatus(w.number, 'open');
    while (!this.stopped) {
      const pause = pauses[0];
      if (pause && pause.start <= this.clock.now()) {
        pauses.shift();
        if (pause.end <= this.clock.now()) continue;
        await this.setStatus(w.number, 'paused', pause.reason);
        await this.sleepUntil(pause.end);
        if (!this.stopped) await this.setStatus(w.number, 'open');
        continue;
      }
      if (this.dayOver(w.number)) {
        await this.setStatus(w.number, 'closed');
        return;
      }
      const called = await this.act.callNext(w.number);
      if (this.stopped) return;
      if (!called) {
        await this.idleUntilWork(w.number, pauses[0]?.start ?? Infinity);
        continue;
      }
      await this.serve(w.number, called);
      await this.clock.sleep(rng.lognormal(this.profile.turnaroundSeconds.mean, this.profile.turnaroundSeconds.sigma) * 1000);
    }
  }

  private async setStatus(window: number, status: 'open' | 'paused' | 'closed', reason?: 'lunch' | 'break'): Promise<void> {
    if (await this.act.setStatus(window, status, reason)) this.status.set(window, status);
  }

  private dayOver(window: number): boolean {
    if (this.clock.now() < this.lastArrival || this.pending > 0) return false;
    for (const s of this.serves.get(window)!) if ((this.waiting.get(s) ?? 0) > 0) return false;
    return true;
  }

  private idleUntilWork(window: number, nextPauseAt: number): Promise<void> {
    return new Promise((resolve) => {
      let done = false;
      const finish = () => {
        if (done) return;
        done = true;
        this.idle.delete(window);
        resolve();
      };
      this.idle.set(window, finish);
      void this.clock.sleep(Math.max(0, Math.min(idlePollMs, nextPauseAt - this.clock.now()))).then(finish);
      void this.stopping.then(finish);
    });
  }

  /** A called ticket is known once its issue reply is in; the visitor is walking up meanwhile anyway. */
  private async visitOf(visitId: number): Promise<Visit | undefined> {
    if (!this.visits.has(visitId)) {
      await Promise.race([new Promise<void>((resolve) => this.awaited.set(visitId, resolve)), this.clock.sleep(5 * 60_000)]);
      this.awaited.delete(visitId);
    }
    return this.visits.get(visitId);
  }

  private async serve(window: number, called: Called): Promise<void> {
    const visit = await this.visitOf(called.visitId);
    if (!visit) {
      // A ticket this model did not issue (left from an earlier run): serve it quickly.
      await this.act.start(window);
      await this.act.finish(window);
      return;
    }
    const leg = visit.v.legs[visit.leg];
    visit.ticketId = called.ticketId;
    this.waiting.set(leg.service, (this.waiting.get(leg.service) ?? 1) - 1);
    if (visit.leg === 0) visit.record.firstCalledAt ??= this.clock.now();
    if (visit.v.noShow && !visit.noShowDone) {
      visit.noShowDone = true;
      for (let i = 0; i < 2; i++) {
        await this.clock.sleep(recallEveryMs);
        await this.act.recall(window);
      }
      await this.clock.sleep(recallEveryMs);
      await this.act.noShow(window);
      visit.record.noShow = true;
      if (visit.v.noShow.returnsAfterMs !== null) {
        this.pending++;
        void this.returnLater(visit, visit.v.noShow.returnsAfterMs);
      }
      return;
    }
    await this.clock.sleep(visit.v.walkUpMs);
    await this.act.start(window);
    const started = this.clock.now();
    await this.clock.sleep(leg.handlingMs);
    const h = this.handled.get(leg.service) ?? { sum: 0, n: 0 };
    this.handled.set(leg.service, { sum: h.sum + this.clock.now() - started, n: h.n + 1 });
    const next = visit.v.legs[visit.leg + 1];
    if (next && await this.act.transfer(window, called.ticketId, next.service)) {
      visit.leg++;
      visit.record.transferred = true;
      this.joinQueue(next.service);
      return;
    }
    await this.act.finish(window);
    visit.record.finishedAt = this.clock.now();
  }

  private async returnLater(visit: Visit, afterMs: number): Promise<void> {
    await this.clock.sleep(afterMs);
    if (!this.stopped && visit.ticketId !== null && await this.act.requeue(visit.ticketId)) {
      visit.record.requeued = true;
      this.joinQueue(visit.v.legs[visit.leg].service);
    }
    this.pending--;
  }

  /** Lunch in two shifts (alternate windows), and a short break for some windows at a random time. */
  private drawPauses(): Pause[][] {
    const rng = new Rng(this.profile.seed + 7);
    const at = (hhmm: string) => hallTimeToEpoch(this.profile.date, hhmm, this.profile.timeZone);
    const { lunch, breaks } = this.profile;
    return this.plan.map((_, i) => {
      const shift = i % 2 === 0 ? lunch.first : lunch.second;
      const out: Pause[] = [{ start: at(shift[0]), end: at(shift[1]), reason: 'lunch' }];
      if (rng.chance(breaks.share)) {
        let start = rng.between(at(breaks.between[0]), at(breaks.between[1]));
        if (start >= at(lunch.first[0]) - 20 * 60_000 && start < at(lunch.second[1])) start = at(lunch.second[1]) + 60 * 60_000;
        out.push({ start, end: start + rng.int(breaks.minutes[0], breaks.minutes[1]) * 60_000, reason: 'break' });
      }
      return out.sort((a, b) => a.start - b.start);
    });
  }
}
