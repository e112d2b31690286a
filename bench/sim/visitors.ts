import { demoServices } from '../../server/seed/demo-data.js';
import { hallTimeToEpoch } from '../../server/core/hall-time.js';
import { identityFor, visitorAge, type SimIdentity } from '../support/identities.js';
import { Rng } from '../support/rng.js';
import type { DayProfile } from './profile.js';

/** One leg of a visit: the service and how long its case really takes at the counter. */
export interface Leg { service: string; handlingMs: number }

/**
 * A visitor of the simulated day, drawn in full before the day starts so every driver sees the same people:
 * when they come, what for, whether they booked, whether they answer the call, and where they are sent on.
 */
export interface SimVisitor {
  index: number;
  arriveAt: number;
  identity: SimIdentity;
  /** The first leg, and a second one when the case is transferred to another service. */
  legs: Leg[];
  declaredPriority: 'DISABLED' | 'MILITARY' | null;
  /** Booked for the slot starting at this wall-clock time ('HH:MM'), checking in at arriveAt. */
  appointmentSlot: string | null;
  walkUpMs: number;
  /** Does not come to the counter when first called; returns after this long (or never, null) to be re-queued. */
  noShow: { returnsAfterMs: number | null } | null;
  hasPhone: boolean;
}

const onlineAllowed = new Set(demoServices.filter((s) => s.onlineAllowed).map((s) => s.code));

export function drawVisitors(profile: DayProfile): SimVisitor[] {
  const rng = new Rng(profile.seed);
  const totalWeight = profile.hours.reduce((s, h) => s + h.weight, 0);
  const arrivals: number[] = [];
  for (const { hour, weight } of profile.hours) {
    const start = hallTimeToEpoch(profile.date, `${String(hour).padStart(2, '0')}:00`, profile.timeZone);
    const count = Math.round((profile.tickets * weight) / totalWeight);
    for (let i = 0; i < count; i++) arrivals.push(start + Math.floor(rng.next() * 3_600_000));
  }
  arrivals.sort((a, b) => a - b);
  const mix = profile.mix.map((m) => ({ weight: m.share, value: m }));
  return arrivals.map((arriveAt, index) => {
    const m = rng.weighted(mix);
    const handling = (code: string) => {
      const spec = profile.mix.find((x) => x.code === code)!;
      return Math.round(rng.lognormal(spec.meanMinutes, spec.sigma) * 60_000);
    };
    const legs: Leg[] = [{ service: m.code, handlingMs: handling(m.code) }];
    if (m.transfer && rng.chance(m.transfer.rate)) legs.push({ service: m.transfer.to, handlingMs: handling(m.transfer.to) });
    const booked = onlineAllowed.has(m.code) && rng.chance(profile.appointmentShare);
    const noShow = rng.chance(profile.noShowRate) ? { returnsAfterMs: rng.chance(profile.returnRate) ? rng.int(5, 25) * 60_000 : null } : null;
    return {
      index, arriveAt,
      identity: identityFor(index, visitorAge(rng), profile.date, rng),
      legs,
      declaredPriority: rng.chance(profile.declaredPriorityShare) ? (rng.chance(0.7) ? 'DISABLED' : 'MILITARY') : null,
      appointmentSlot: booked ? slotFor(arriveAt, profile, rng) : null,
      walkUpMs: Math.round(rng.lognormal(profile.walkUpSeconds.mean, profile.walkUpSeconds.sigma) * 1000),
      noShow,
      hasPhone: rng.chance(profile.phoneShare),
    };
  });
}

/** A visitor with a booking arrives between 20 minutes before their 30-minute slot and 10 minutes into it. */
function slotFor(arriveAt: number, profile: DayProfile, rng: Rng): string {
  const dayStart = hallTimeToEpoch(profile.date, '00:00', profile.timeZone);
  const minutesOfDay = (arriveAt - dayStart) / 60_000 + rng.between(-10, 20);
  const slot = Math.min(16 * 60 + 30, Math.max(8 * 60, Math.floor(minutesOfDay / 30) * 30));
  return `${String(Math.floor(slot / 60)).padStart(2, '0')}:${String(slot % 60).padStart(2, '0')}`;
}
