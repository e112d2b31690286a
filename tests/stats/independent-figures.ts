import type { Appointment, Ticket, WindowRuntime } from '../../server/core/types.js';
import type { CommittedEvent } from '../../server/command-runner.js';
import type { FollowUpCase, Rating } from '../../server/core/ratings/types.js';
import type { StatsRow } from '../../protocol/stats.js';
import { hallTimeToEpoch } from '../../server/core/hall-time.js';

/** What the hall did that day, collected from the events the runner published: the test's own record. */
export interface Ledger {
  tickets: Map<number, Ticket>;
  /** Each leg's first call: a re-queued no-show's later call replaces calledAt on the ticket, not this. */
  firstCalls: Map<number, number>;
  runtimes: { at: number; runtime: WindowRuntime }[];
  ratings: Map<number, Rating>;
  followUps: Map<number, FollowUpCase>;
  appointments: Map<number, Appointment>;
}

export function ledgerOf(log: CommittedEvent[]): Ledger {
  const l: Ledger = { tickets: new Map(), firstCalls: new Map(), runtimes: [], ratings: new Map(), followUps: new Map(), appointments: new Map() };
  const put = (t: Ticket) => l.tickets.set(t.id, t);
  for (const { at, event: e } of log) {
    if ('ticket' in e && e.type.startsWith('ticket.')) put(e.ticket);
    if (e.type === 'ticket.called' && !l.firstCalls.has(e.ticket.id)) l.firstCalls.set(e.ticket.id, e.ticket.calledAt!);
    if (e.type === 'ticket.transferred') put(e.next);
    if (e.type === 'appointment.checkedIn') put(e.ticket);
    if (e.type.startsWith('appointment.') && 'appointment' in e) l.appointments.set(e.appointment.id, e.appointment);
    // A window the hall closed after hours closed when its day ended, not when the hall noticed.
    if (e.type === 'window.statusChanged') l.runtimes.push({ at: e.afterHours?.endedAt ?? at, runtime: e.runtime });
    if (e.type === 'window.statusChanged' && e.afterHours?.ticket) put(e.afterHours.ticket);
    if (e.type === 'day.closed') {
      e.tickets.forEach(put);
      e.appointments.forEach((a) => l.appointments.set(a.id, a));
      e.runtimes.forEach((runtime) => l.runtimes.push({ at, runtime }));
    }
    if (e.type === 'rating.recorded') l.ratings.set(e.rating.id, e.rating);
    if (e.type === 'rating.recorded' && e.followUp) l.followUps.set(e.followUp.id, e.followUp);
    if (e.type === 'case.numbered' && e.rating) l.ratings.set(e.rating.id, e.rating);
    if (e.type === 'followUp.updated') {
      l.followUps.set(e.followUp.id, e.followUp);
      const voided = e.voidedRatingId !== null ? l.ratings.get(e.voidedRatingId) : undefined;
      if (voided) l.ratings.set(voided.id, { ...voided, voided: true });
    }
  }
  return l;
}

export type By = 'hour' | 'service' | 'window' | 'staff' | 'area' | 'day' | 'total';
export interface Setting { day: string; timeZone: string; now: number; areaOfService: Map<number, number>; areaOfWindow: Map<number, number>; sessions: [number, number][] }
type Figures = Omit<StatsRow, 'label'>;

const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);
const minutes = (ms: number) => Math.round(ms / 6000) / 10;
const rate = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 10000 : null);
const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
const p90 = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.9) - 1] : null);

/** The figures worked out the plain way, one leg and one interval at a time, for comparison with the SQL. */
export function expectedRows(l: Ledger, by: By, s: Setting): Figures[] {
  const dayStart = hallTimeToEpoch(s.day, '00:00', s.timeZone);
  const dayEnd = dayStart + 24 * 3_600_000;
  const end = Math.min(dayEnd, s.now);
  const keyOfLeg = (t: Ticket): string | null => {
    switch (by) {
      case 'hour': return String(Math.floor((t.issuedAt - dayStart) / 3_600_000)).padStart(2, '0');
      case 'service': return String(t.serviceId);
      case 'window': return t.windowId === null ? null : String(t.windowId);
      case 'staff': return t.staffId === null ? null : String(t.staffId);
      case 'area': return String(s.areaOfService.get(t.serviceId));
      case 'day': return t.hallDay;
      case 'total': return 'total';
    }
  };
  const rows = new Map<string, Figures>();
  const row = (k: string): Figures => {
    let r = rows.get(k);
    if (!r) {
      rows.set(k, r = {
        key: k, tickets: 0, served: 0, noShow: 0, transferred: 0, cancelled: 0, waitMeanSec: null, waitP90Sec: null,
        handlingMeanSec: null, handlingP90Sec: null, openMinutes: 0, busyMinutes: 0, idleMinutes: 0, utilisation: null,
        pauseMinutes: { lunch: 0, break: 0, meeting: 0, other: 0 }, ratings: 0, goodRatings: 0, badRatings: 0, goodRate: null,
        followUps: { open: 0, contacted: 0, rectified: 0, explained: 0, appealed: 0, closed: 0, overdue: 0 },
        appointmentsKept: 0, appointmentsMissed: 0, lunchBreakServed: 0, extendedHoursServed: 0,
      });
    }
    return r;
  };
  const waits = new Map<string, number[]>();
  const handlings = new Map<string, number[]>();
  const add = (m: Map<string, number[]>, k: string, v: number) => m.set(k, [...(m.get(k) ?? []), v]);
  for (const t of l.tickets.values()) {
    // A leg no window called still counts, by window or staff in a row of its own ('none'), so rows add up to the total.
    const k = keyOfLeg(t) ?? (by === 'window' || by === 'staff' ? 'none' : null);
    if (k === null) continue;
    const r = row(k);
    r.tickets++;
    if (t.status === 'done') r.served++;
    if (t.status === 'transferred') r.transferred++;
    // Wait: from joining the queue (issuedAt: the arrival, or the transfer for a transferred leg) to the first call.
    const firstCall = l.firstCalls.get(t.id);
    if (t.status === 'no_show' || (t.status === 'cancelled' && firstCall !== undefined)) r.noShow++;
    if (t.status === 'cancelled' && firstCall === undefined) r.cancelled++;
    if (firstCall !== undefined) add(waits, k, firstCall - t.issuedAt);
    if (t.startedAt !== null && t.finishedAt !== null) add(handlings, k, t.finishedAt - t.startedAt);
    if (t.startedAt !== null) {
      const minute = Math.floor((t.startedAt - dayStart) / 60_000);
      const inSession = s.sessions.some(([a, b]) => minute >= a && minute < b);
      const first = s.sessions[0][0];
      const last = s.sessions[s.sessions.length - 1][1];
      if (!inSession && minute >= first && minute < last) r.lunchBreakServed++;
      if (minute < first || minute >= last) r.extendedHoursServed++;
    }
  }
  for (const [k, xs] of waits) Object.assign(row(k), { waitMeanSec: seconds(mean(xs)), waitP90Sec: seconds(p90(xs)) });
  for (const [k, xs] of handlings) Object.assign(row(k), { handlingMeanSec: seconds(mean(xs)), handlingP90Sec: seconds(p90(xs)) });

  if (by !== 'service') windowFigures(l, by, s, dayStart, end, row);
  for (const rating of l.ratings.values()) {
    if (rating.voided) continue;
    const k = keyOfLeg(l.tickets.get(rating.ticketId)!);
    if (k === null) continue;
    const r = row(k);
    r.ratings++;
    if (rating.level >= 3) r.goodRatings++;
    else r.badRatings++;
  }
  for (const c of l.followUps.values()) {
    const k = keyOfLeg(l.tickets.get(c.ticketId)!);
    if (k === null) continue;
    const f = row(k).followUps;
    f[c.status]++;
    const live = c.status !== 'closed';
    if (live && ((c.contactedAt === null && s.now >= c.contactDueAt) || (c.resolvedAt === null && s.now >= c.rectifyDueAt))) f.overdue++;
  }
  for (const a of l.appointments.values()) {
    const ticket = a.ticketId !== null ? l.tickets.get(a.ticketId) : undefined;
    const k = by === 'hour' ? a.slotStart.slice(0, 2) : by === 'window' || by === 'staff' ? (ticket ? keyOfLeg(ticket) ?? 'none' : null)
      : by === 'service' ? String(a.serviceId) : by === 'area' ? String(s.areaOfService.get(a.serviceId)) : by === 'day' ? a.date : 'total';
    if (k === null) continue;
    if (a.status === 'checked_in') row(k).appointmentsKept++;
    if (a.status === 'missed') row(k).appointmentsMissed!++;
  }
  for (const r of rows.values()) {
    r.goodRate = rate(r.goodRatings, r.ratings);
    if (by === 'service') Object.assign(r, { openMinutes: null, busyMinutes: null, idleMinutes: null, pauseMinutes: null });
    if (by === 'window' || by === 'staff') r.appointmentsMissed = null;
    if (r.key === 'none') Object.assign(r, { openMinutes: null, busyMinutes: null, idleMinutes: null, utilisation: null, pauseMinutes: null });
  }
  const last = (k: string) => (k === 'none' ? 1 : 0);
  return [...rows.values()].sort((a, b) => (by === 'hour' || by === 'day' ? a.key.localeCompare(b.key) : last(a.key) - last(b.key) || Number(a.key) - Number(b.key) || 0));
}

/** Open and paused time from each window's status changes; busy time from each leg's call to its end. */
function windowFigures(l: Ledger, by: By, s: Setting, dayStart: number, end: number, row: (k: string) => Figures): void {
  const open = new Map<string, number>();
  const busy = new Map<string, number>();
  const paused = new Map<string, Record<string, number>>();
  const spread = (from: number, to: number, attrs: { windowId: number; staffId: number | null }, each: (k: string, ms: number) => void) => {
    const a = Math.max(from, dayStart);
    const b = Math.min(to, end);
    if (b <= a) return;
    if (by === 'hour') {
      for (let h = 0; h < 24; h++) {
        const piece = Math.min(b, dayStart + (h + 1) * 3_600_000) - Math.max(a, dayStart + h * 3_600_000);
        if (piece > 0) each(String(h).padStart(2, '0'), piece);
      }
      return;
    }
    const k = by === 'window' ? String(attrs.windowId) : by === 'staff' ? (attrs.staffId === null ? null : String(attrs.staffId))
      : by === 'area' ? String(s.areaOfWindow.get(attrs.windowId)) : by === 'day' ? s.day : 'total';
    if (k !== null) each(k, b - a);
  };
  const byWindow = new Map<number, { at: number; runtime: WindowRuntime }[]>();
  for (const c of l.runtimes) byWindow.set(c.runtime.windowId, [...(byWindow.get(c.runtime.windowId) ?? []), c]);
  for (const changes of byWindow.values()) {
    changes.forEach((c, i) => {
      const until = changes[i + 1]?.at ?? end;
      const r = c.runtime;
      if (r.status === 'open') spread(c.at, until, r, (k, ms) => open.set(k, (open.get(k) ?? 0) + ms));
      if (r.status === 'paused') {
        spread(c.at, until, r, (k, ms) => {
          const p = paused.get(k) ?? { lunch: 0, break: 0, meeting: 0, other: 0 };
          p[r.pauseReason ?? 'other'] += ms;
          paused.set(k, p);
        });
      }
    });
  }
  for (const t of l.tickets.values()) {
    if (t.calledAt === null || t.windowId === null) continue;
    spread(t.calledAt, t.finishedAt ?? end, { windowId: t.windowId, staffId: t.staffId }, (k, ms) => busy.set(k, (busy.get(k) ?? 0) + ms));
  }
  for (const k of new Set([...open.keys(), ...busy.keys(), ...paused.keys()])) {
    const r = row(k);
    const o = open.get(k) ?? 0;
    const b = busy.get(k) ?? 0;
    const p = paused.get(k) ?? { lunch: 0, break: 0, meeting: 0, other: 0 };
    Object.assign(r, {
      openMinutes: minutes(o), busyMinutes: minutes(b), idleMinutes: minutes(Math.max(0, o - b)), utilisation: rate(b, o),
      pauseMinutes: { lunch: minutes(p.lunch), break: minutes(p.break), meeting: minutes(p.meeting), other: minutes(p.other) },
    });
  }
}
