import { describe, expect, it } from 'vitest';
import { slotPlacesOn } from '../../server/core/commands/appointments.js';
import { at, newHall, refuse, run, visitor } from './hall-fixture.js';

const zhang = visitor('张三', '19800101');

// The QA report: today's list offered slots that had passed ("left": 4) while booking one was refused SLOT_PAST.
describe('the slots a booking screen lists', () => {
  it('gives a slot that has ended no places and marks it passed, agreeing with booking', () => {
    const hall = newHall();
    const pension = hall.state.services.get(hall.service.pension)!;
    const now = at('2026-11-23 10:05');
    const slots = slotPlacesOn(hall.state, pension, '2026-11-23', now);
    expect(slots.find((s) => s.start === '09:30')).toEqual({ start: '09:30', end: '10:00', left: 0, passed: true });
    // The slot under way can still be booked, as createAppointment accepts it until it ends.
    expect(slots.find((s) => s.start === '10:00')).toEqual({ start: '10:00', end: '10:30', left: pension.appointmentsPerSlot });
    for (const s of slots) {
      const args = { serviceId: pension.id, date: '2026-11-23', slotStart: s.start, person: zhang, code: '100001' };
      if (s.passed) expect(refuse(hall.state, 'createAppointment', args, now).code).toBe('SLOT_PAST');
    }
    run(hall.state, 'createAppointment', { serviceId: pension.id, date: '2026-11-23', slotStart: '10:00', person: zhang, code: '100001' }, now);
    expect(slotPlacesOn(hall.state, pension, '2026-11-23', now).find((s) => s.start === '10:00')!.left).toBe(pension.appointmentsPerSlot - 1);
  });

  it('lists every slot of a later day with its places', () => {
    const hall = newHall();
    const pension = hall.state.services.get(hall.service.pension)!;
    const slots = slotPlacesOn(hall.state, pension, '2026-11-24', at('2026-11-23 10:05'));
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((s) => s.left === pension.appointmentsPerSlot && s.passed === undefined)).toBe(true);
  });
});
