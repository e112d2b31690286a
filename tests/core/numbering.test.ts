import { describe, expect, it } from 'vitest';
import { at, issue, newHall, run, serviceInput } from './hall-fixture.js';

/** A hall whose pension service takes tickets around the clock, every day, to watch numbers across midnights. */
function roundTheClock() {
  const hall = newHall();
  const pension = hall.state.services.get(hall.service.pension)!;
  run(hall.state, 'saveService', { ...pension, hours: { days: [1, 2, 3, 4, 5, 6, 7], sessions: [{ start: '00:00', end: '00:00' }] } }, at('2026-11-23 08:00'));
  return hall;
}

describe('ticket numbers', () => {
  it('are the service prefix and three digits, consecutive within a service', () => {
    const hall = newHall();
    const numbers = [0, 1, 2].map((i) => issue(hall, hall.service.pension, at('2026-11-23 09:00') + i).number);
    expect(numbers).toEqual(['A001', 'A002', 'A003']);
  });

  it('count separately for each service', () => {
    const hall = newHall();
    const numbers = [hall.service.pension, hall.service.transfer, hall.service.pension, hall.service.transfer]
      .map((s) => issue(hall, s, at('2026-11-23 09:00')).number);
    expect(numbers).toEqual(['A001', 'B001', 'A002', 'B002']);
  });

  it('use a two-letter prefix as it is', () => {
    const hall = newHall();
    const id = run(hall.state, 'saveService', serviceInput(hall.area.general, 'hukou', 'HK', '户籍办理'), at('2026-11-23 08:00')).id;
    expect(issue(hall, id, at('2026-11-23 09:00')).number).toBe('HK001');
  });

  it("start again at the hall's midnight in Beijing, which is 16:00 UTC", () => {
    const hall = roundTheClock();
    expect(at('2026-11-23 23:59')).toBe(Date.UTC(2026, 10, 23, 15, 59));
    expect(at('2026-11-24 00:01')).toBe(Date.UTC(2026, 10, 23, 16, 1));
    issue(hall, hall.service.pension, at('2026-11-23 23:58'));
    const late = issue(hall, hall.service.pension, at('2026-11-23 23:59'));
    const early = issue(hall, hall.service.pension, at('2026-11-24 00:01'));
    expect(late).toMatchObject({ number: 'A002', hallDay: '2026-11-23' });
    expect(early).toMatchObject({ number: 'A001', hallDay: '2026-11-24' });
  });

  it('do not start again at UTC midnight, which is 08:00 in the hall', () => {
    const hall = roundTheClock();
    const before = issue(hall, hall.service.pension, Date.UTC(2026, 10, 23, 23, 59));
    const after = issue(hall, hall.service.pension, Date.UTC(2026, 10, 24, 0, 1));
    expect([before.number, after.number]).toEqual(['A001', 'A002']);
    expect([before.hallDay, after.hallDay]).toEqual(['2026-11-24', '2026-11-24']);
  });

  it('are never given twice when the clock jumps back across midnight', () => {
    const hall = roundTheClock();
    for (const t of ['23:50', '23:55', '23:58']) issue(hall, hall.service.pension, at(`2026-11-23 ${t}`));
    const afterMidnight = issue(hall, hall.service.pension, at('2026-11-24 00:01'));
    const jumpedBack = issue(hall, hall.service.pension, at('2026-11-23 23:59'));
    expect(afterMidnight).toMatchObject({ number: 'A001', hallDay: '2026-11-24' });
    // The counter keeps the later day, so the number continues that day's sequence.
    expect(jumpedBack).toMatchObject({ number: 'A002', hallDay: '2026-11-24' });
    const numbersOf24th = [...hall.state.tickets.values()].filter((t) => t.hallDay === '2026-11-24').map((t) => t.number);
    expect(new Set(numbersOf24th).size).toBe(numbersOf24th.length);
  });

  it('go on past 999 as A1000 and never repeat within the day', () => {
    const hall = newHall();
    const numbers: string[] = [];
    for (let i = 0; i < 1001; i++) numbers.push(issue(hall, hall.service.pension, at('2026-11-23 09:00') + i * 10).number);
    expect(numbers[998]).toBe('A999');
    expect(numbers[999]).toBe('A1000');
    expect(numbers[1000]).toBe('A1001');
    expect(new Set(numbers).size).toBe(1001);
  });

  it('continue after a transfer without the transferred leg taking a number of the new service', () => {
    const hall = newHall();
    const a = issue(hall, hall.service.pension, at('2026-11-23 09:00'));
    run(hall.state, 'transferTicket', { ticketId: a.id, serviceId: hall.service.transfer }, at('2026-11-23 09:01'));
    expect(issue(hall, hall.service.transfer, at('2026-11-23 09:02')).number).toBe('B001');
    expect(issue(hall, hall.service.pension, at('2026-11-23 09:02')).number).toBe('A002');
  });
});
