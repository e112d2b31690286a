import type { RatingLevel, RatingReason } from '../../protocol/ratings.js';
import type { Actor, Ticket } from '../../server/core/types.js';
import { at, visitor } from '../core/hall-fixture.js';
import { statsHall, type StatsHall } from './stats-hall.js';

/** A small seeded generator (mulberry32): the same seed gives the same day, so a failure can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Things to do at given moments; run in time order with the hall's clock set to each moment. */
class Agenda {
  private items: { at: number; seq: number; fn: () => void }[] = [];
  private seq = 0;
  constructor(private readonly hall: StatsHall) {}
  at(time: number, fn: () => void): void {
    this.items.push({ at: Math.round(time), seq: this.seq++, fn });
  }
  runAll(): void {
    while (this.items.length > 0) {
      let next = 0;
      for (let i = 1; i < this.items.length; i++) {
        const a = this.items[i];
        const b = this.items[next];
        if (a.at < b.at || (a.at === b.at && a.seq < b.seq)) next = i;
      }
      const [item] = this.items.splice(next, 1);
      this.hall.clock.now = Math.max(this.hall.clock.now, item.at);
      item.fn();
    }
  }
}

export const day = '2026-11-23';
const t = (hhmm: string) => at(`${day} ${hhmm}`);
const sec = 1000;
const min = 60_000;

export interface GeneratedDay { hall: StatsHall; reportAt: number }

/**
 * A Monday in the hall, through the real command runner: appointments booked the evening before, visitors from
 * 09:00 to 17:00 (none at lunch), five windows that open, pause for lunch, breaks and a meeting, call, serve,
 * transfer, mark no-shows, serve on through lunch and past closing; ratings on the window screen and the phone,
 * case numbers, bad ratings followed up and appealed; the day closed at midnight.
 */
export function generateDay(seed = 20261123): GeneratedDay {
  const hall = statsHall({ followUp: { contactHours: 1, rectifyWorkingDays: 1, holidays: [], workdays: [] } });
  const rng = seededRandom(seed);
  const between = (lo: number, hi: number) => lo + rng() * (hi - lo);
  const pick = <T>(items: T[]) => items[Math.floor(rng() * items.length)];
  const agenda = new Agenda(hall);
  const state = hall.runner.state;
  const supervisor: Actor = { kind: 'staff', staffId: hall.staff.supervisor, role: 'supervisor' };
  const staffOf = (id: number): Actor => ({ kind: 'staff', staffId: id, role: 'staff' });
  const { pension, transfer, property } = hall.service;
  let people = 0;
  const person = (elderly: boolean) => visitor(`访客${++people}`, elderly ? '19500101' : '19850101', String(people).padStart(3, '0'));

  // Appointments, booked the evening before; most are kept.
  hall.clock.now = at('2026-11-22 21:00');
  const slots = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30'];
  for (let i = 0; i < 14; i++) {
    const booked = hall.tryRun('createAppointment', { serviceId: pick([pension, transfer]), date: day, slotStart: pick(slots), person: person(false), code: String(500000 + i) });
    if (booked && rng() < 0.7) agenda.at(booked.startsAt - between(0, 15) * min, () => void hall.tryRun('checkInAppointment', { code: booked.code }));
  }
  // One visitor checks in early and leaves before any window calls them: kept, and handled by nobody.
  const leaver = hall.tryRun('createAppointment', { serviceId: pension, date: day, slotStart: '16:30', person: person(false), code: '599999' });
  if (leaver) agenda.at(t('16:20'), () => {
    const ticket = hall.tryRun('checkInAppointment', { code: leaver.code });
    if (ticket) agenda.at(t('16:22'), () => void hall.tryRun('cancelTicket', { ticketId: ticket.id, reason: 'visitor' }));
  });

  // Visitors, about one every two minutes while the services are open: a little more than the windows manage.
  for (let time = t('09:00'); ; ) {
    time += -Math.log(1 - rng()) * 120 * sec;
    if (time >= t('12:00') && time < t('13:30')) time = t('13:30') + between(0, 60) * sec;
    if (time >= t('17:00')) break;
    agenda.at(time, () => {
      const serviceId = rng() < 0.5 ? pension : rng() < 0.8 ? transfer : property;
      const issued = hall.tryRun('issueTicket', { serviceId, channel: 'kiosk', person: rng() < 0.6 ? person(rng() < 0.12) : null });
      if (issued && rng() < 0.05) {
        agenda.at(hall.clock.now + between(10, 40) * min, () => {
          if (state.tickets.get(issued.id)?.status === 'waiting') hall.tryRun('cancelTicket', { ticketId: issued.id, reason: 'visitor' });
        });
      }
    });
  }

  const rate = (ticket: Ticket, windowStaff: number) => {
    const roll = rng();
    const level = (roll < 0.6 ? 5 : roll < 0.8 ? 4 : roll < 0.88 ? 3 : roll < 0.95 ? 2 : 1) as RatingLevel;
    const reasons: RatingReason[] = level <= 2 ? [pick(['attitude', 'efficiency', 'knowledge', 'environment', 'other'] as RatingReason[])] : [];
    const comment = reasons.includes('other') ? '等候时间太长' : undefined;
    const phone = rng() < 0.15;
    agenda.at(hall.clock.now + (phone ? between(30, 90) * min : between(3, 45) * sec), () => {
      const rating = hall.tryRun('rateVisit', { ticketId: ticket.id, level, reasons, comment, channel: phone ? 'phone' : 'window' });
      if (rating?.followUpId) followUp(rating.followUpId, windowStaff);
    });
    if (rng() < 0.5) agenda.at(hall.clock.now + between(1, 120) * sec, () => void hall.tryRun('postCaseNumber', { ticketId: ticket.id, caseNumber: `BJ${ticket.id}` }));
  };

  let bad = 0;
  const followUp = (id: number, windowStaff: number) => {
    const act = (action: 'contact' | 'rectify' | 'explain' | 'close' | 'appeal' | 'uphold' | 'withdraw', actor: Actor = supervisor) => hall.tryRun('recordFollowUp', { followUpId: id, action, note: action }, actor);
    bad++;
    if (bad === 1) {
      agenda.at(hall.clock.now + 10 * min, () => void act('appeal', staffOf(windowStaff)));
      agenda.at(hall.clock.now + 40 * min, () => void act('uphold'));
      return;
    }
    if (bad === 2) agenda.at(hall.clock.now + 5 * min, () => void act('appeal', staffOf(windowStaff)));
    if (bad === 2) agenda.at(hall.clock.now + 15 * min, () => void act('withdraw'));
    if (rng() < 0.4) return;
    agenda.at(hall.clock.now + between(20, 80) * min, () => {
      if (!act('contact') || rng() < 0.3) return;
      agenda.at(hall.clock.now + between(60, 180) * min, () => {
        if (act(rng() < 0.7 ? 'rectify' : 'explain') && rng() < 0.5) agenda.at(hall.clock.now + 30 * min, () => void act('close'));
      });
    });
  };

  for (const w of hall.windows) runWindow(w, { agenda, hall, rng, between, rate, staffOf });
  agenda.runAll();
  // Midnight: the appointments nobody kept become missed.
  hall.clock.now = at('2026-11-24 00:00:30');
  hall.run('closeDay', {});
  return { hall, reportAt: at('2026-11-24 10:00') };
}

interface WindowContext {
  agenda: Agenda;
  hall: StatsHall;
  rng: () => number;
  between(lo: number, hi: number): number;
  rate(ticket: Ticket, staffId: number): void;
  staffOf(id: number): Actor;
}

/** One window's day: open, then call-serve-finish until closing time and an empty queue, with pauses. */
function runWindow(w: { id: number; number: number; staffId: number }, c: WindowContext): void {
  const { agenda, hall, rng, between } = c;
  const actor = c.staffOf(w.staffId);
  const now = () => hall.clock.now;
  const lunches = w.number === 1 || w.number === 3 || w.number === 9;
  let lunched = false;
  let breakAt = t('10:00') + between(0, 300) * min;
  let met = w.number !== 2;
  const status = (s: 'open' | 'closed' | 'paused', reason?: 'lunch' | 'break' | 'meeting') =>
    hall.run('setWindowStatus', { windowId: w.id, status: s, ...(reason ? { reason } : {}) }, actor);
  const pauseUntil = (reason: 'lunch' | 'break' | 'meeting', until: number) => {
    status('paused', reason);
    agenda.at(until, () => { status('open'); poll(); });
  };
  const poll = () => {
    if (lunches && !lunched && now() >= t('12:00')) { lunched = true; return pauseUntil('lunch', t('13:30') + between(0, 5) * min); }
    if (!met && now() >= t('15:00')) { met = true; return pauseUntil('meeting', now() + 20 * min); }
    if (now() >= breakAt) { breakAt = Infinity; return pauseUntil('break', now() + between(5, 12) * min); }
    const closing = now() >= t(w.number === 4 ? '17:00' : '17:05');
    if (closing && w.number === 4) return void status('closed');
    const called = hall.tryRun('callNext', { windowId: w.id }, actor);
    if (!called) return closing ? void status('closed') : agenda.at(now() + 20 * sec, poll);
    agenda.at(now() + between(15, 90) * sec, () => {
      if (rng() < 0.08) {
        hall.run('markNoShow', { windowId: w.id }, actor);
        if (rng() < 0.4) agenda.at(now() + between(2, 5) * min, () => void hall.tryRun('requeueTicket', { ticketId: called.id }));
        return agenda.at(now() + 5 * sec, poll);
      }
      hall.run('startService', { windowId: w.id }, actor);
      const minutes = hall.runner.state.services.get(called.serviceId)!.defaultHandlingMinutes;
      agenda.at(now() + minutes * between(0.4, 1.8) * min, () => {
        if (rng() < 0.07) {
          const other = called.serviceId === hall.service.pension ? hall.service.transfer : hall.service.pension;
          hall.run('transferTicket', rng() < 0.5 ? { ticketId: called.id, serviceId: other } : { ticketId: called.id, windowId: hall.windows[4].id }, actor);
        } else {
          c.rate(hall.run('finishService', { windowId: w.id }, actor), w.staffId);
        }
        agenda.at(now() + 5 * sec, poll);
      });
    });
  };
  agenda.at(t(w.number === 9 ? '09:30' : '09:00') + between(0, 120) * sec, () => { status('open'); poll(); });
}
