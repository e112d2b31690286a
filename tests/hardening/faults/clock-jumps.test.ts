import Database from 'better-sqlite3';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scheduler } from '../../../server/scheduler.js';
import { tempDir } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { HallClock } from '../../server/test-hall.js';

const records = 6; // F, window 8
const enquiries = 10; // K, window 11

/**
 * The server's clock is not to be trusted: an NTP correction sets it back two hours across midnight, a machine
 * that slept wakes a day later. Numbers are never given twice on a hall day, a ticket is never put on a day that
 * has already closed, and each hall day is closed exactly once, the scheduler ticking all along.
 */
describe('the hall\'s clock jumping back across midnight and forward a day', () => {
  const dir = tempDir('hall-clock-');
  const clock = new HallClock('2026-03-10 23:00');
  let t: TestHall;
  let kioskToken = '';
  let scheduler: Scheduler;
  const start = async () => {
    t = await startTestHall({ dir: dir.path, clock: clock.now, overrides: { devices: { simulation: 'in-process' } } });
    kioskToken ||= t.kioskToken;
    scheduler = new Scheduler(t.hall.ctx.runner, t.hall.ctx.vault, pino({ level: 'silent' }));
  };
  const issue = async (serviceId: number) => {
    const res = await t.api('POST', '/api/tickets', { token: kioskToken, body: { serviceId } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.ticket as { number: string; hallDay: string; status: string };
  };
  const stored = () => {
    const db = new Database(t.config.databasePath, { readonly: true });
    try {
      return {
        tickets: db.prepare("SELECT service_id AS service, hall_day AS day, seq_no AS seqNo, status FROM tickets WHERE channel <> 'transfer' ORDER BY id").all() as { service: number; day: string; seqNo: number; status: string }[],
        // Closes that ended something: a restart also logs one that only lets yesterday's finished tickets leave memory.
        closes: db.prepare(`SELECT json_extract(payload, '$.hallDay') FROM events WHERE type = 'day.closed'
          AND json_array_length(payload, '$.tickets') + json_array_length(payload, '$.appointments') + json_array_length(payload, '$.runtimes') > 0
          ORDER BY seq`).pluck().all() as string[],
      };
    } finally {
      db.close();
    }
  };

  beforeAll(start);
  afterAll(async () => {
    await t.stop();
    dir.remove();
  });

  it('numbers on in the later day and closes each day once when the clock is set back two hours across midnight', async () => {
    expect([(await issue(records)).number, (await issue(records)).number, (await issue(enquiries)).number]).toEqual(['F001', 'F002', 'K001']);

    clock.jumpTo('2026-03-11 00:30');
    scheduler.tick();
    expect(stored().closes).toEqual(['2026-03-11']);
    expect(await issue(records)).toMatchObject({ number: 'F001', hallDay: '2026-03-11' });

    // Set back two hours: the hall stays on the 11th, for every service, also one not yet used on the 11th.
    clock.jumpTo('2026-03-10 22:30');
    scheduler.tick();
    expect(await issue(records)).toMatchObject({ number: 'F002', hallDay: '2026-03-11' });
    expect(await issue(enquiries)).toMatchObject({ number: 'K001', hallDay: '2026-03-11', status: 'waiting' });

    // A restart while the clock is still behind changes nothing of that.
    await t.stop();
    await start();
    expect(await issue(enquiries)).toMatchObject({ number: 'K002', hallDay: '2026-03-11' });

    // Midnight comes round again: the 11th is not closed a second time, and its tickets still wait.
    clock.jumpTo('2026-03-11 00:40');
    scheduler.tick();
    scheduler.tick();
    expect(await issue(records)).toMatchObject({ number: 'F003', hallDay: '2026-03-11' });
    const { tickets, closes } = stored();
    expect(closes).toEqual(['2026-03-11']);
    expect(tickets.filter((x) => x.day === '2026-03-11').map((x) => x.status)).toEqual(Array(5).fill('waiting'));
  });

  it('closes the day it slept through once, and starts the next at 001, when the clock leaps 26 hours', async () => {
    clock.jumpTo('2026-03-12 02:40');
    scheduler.tick();
    scheduler.tick();
    expect(await issue(records)).toMatchObject({ number: 'F001', hallDay: '2026-03-12' });
    expect(await issue(enquiries)).toMatchObject({ number: 'K001', hallDay: '2026-03-12' });
    const { tickets, closes } = stored();
    expect(closes).toEqual(['2026-03-11', '2026-03-12']);
    expect(tickets.filter((x) => x.day === '2026-03-11').map((x) => x.status)).toEqual(Array(5).fill('cancelled'));

    // No (service, day) number twice, and each day's numbers run 1..n.
    const byDay = new Map<string, number[]>();
    for (const x of tickets) byDay.set(`${x.service} ${x.day}`, [...(byDay.get(`${x.service} ${x.day}`) ?? []), x.seqNo]);
    for (const [key, numbers] of byDay) expect(numbers, key).toEqual(numbers.map((_, i) => i + 1));
  });
});
