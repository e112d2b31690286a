import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statisticsReport } from '../../server/stats/report.js';
import { StatsThread } from '../../server/stats/stats-thread.js';
import { at, idNumberFor } from '../core/hall-fixture.js';
import { startTestHall, type TestHall } from '../support/hall-server.js';
import { writeBusyFebruary } from './busy-month.js';
import { FakeClock } from './stats-hall.js';

const today = '2026-03-10';
const february = 'from=2026-02-01&to=2026-02-28';

describe('statistics on their own thread', () => {
  const clock = new FakeClock(at(`${today} 10:00`));
  let t: TestHall;
  let admin: string;
  let staff: string;
  const thread = () => t.hall.ctx.stats.thread!;
  /** Until the hall has handed a request to its statistics thread. */
  const reportInFlight = async () => {
    while (thread().waiting === 0) await new Promise((resolve) => setTimeout(resolve, 5));
  };

  beforeAll(async () => {
    t = await startTestHall({ clock: clock.read });
    [admin, staff] = await Promise.all([t.login('admin'), t.login('1001')]);
    const state = t.hall.ctx.runner.state;
    writeBusyFebruary(t.hall.db, { legs: 60_000, serviceIds: [...state.services.keys()], windowIds: [...state.windows.keys()] });
    expect((await t.api('POST', '/api/windows/1/status', { cookie: staff, body: { status: 'open' } })).status).toBe(200);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('answers a ticket issue and a call while a month report by hour is being worked out', async () => {
    const order: string[] = [];
    const report = t.api('GET', `/api/stats?${february}&by=hour`, { cookie: admin }).then((r) => { order.push('report'); return r; });
    await reportInFlight();
    const issued = await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 1, identity: { name: '李四', idNumber: idNumberFor('19800101', '101') } } });
    order.push('issue');
    const called = await t.api('POST', '/api/windows/1/call-next', { cookie: staff });
    order.push('call');
    expect(issued.status).toBe(201);
    expect(called.body.id).toBe(issued.body.ticket.id);
    expect((await report).body.total.tickets).toBe(60_000);
    expect(order).toEqual(['issue', 'call', 'report']);
  });

  it('gives the figures the main thread works out from the same database', async () => {
    const fromThread = await t.api('GET', `/api/stats?from=2026-02-01&to=2026-02-07&by=service`, { cookie: admin });
    const here = statisticsReport(t.hall.db, t.hall.ctx.runner.state, { from: '2026-02-01', to: '2026-02-07', by: 'service' }, clock.now);
    expect(fromThread.body).toEqual(JSON.parse(JSON.stringify(here)));
    expect(fromThread.body.rows.length).toBeGreaterThan(1);
  });

  it('starts a new worker after its worker is killed, and answers what the dead one was asked', async () => {
    const oneDay = `/api/stats?from=2026-02-02&to=2026-02-02&by=window`;
    const expected = (await t.api('GET', oneDay, { cookie: admin })).body;
    const first = thread().threadId;
    const starts = thread().starts;
    await thread().kill();
    expect(thread().threadId).toBeNull();
    expect(await t.api('GET', oneDay, { cookie: admin })).toMatchObject({ status: 200, body: expected });
    expect(thread().threadId).not.toBe(first);
    // Killed with a request out: the request goes to the next worker.
    const inFlight = t.hall.ctx.stats.report({ from: '2026-02-02', to: '2026-02-02', by: 'window' });
    await thread().kill();
    expect(await inFlight).toEqual(expected);
    expect(thread().starts).toBe(starts + 2);
  });

  it('gives an internal error, as the main thread would, for a request that kills two workers', async () => {
    const oneDay = `/api/stats?from=2026-02-02&to=2026-02-02&by=staff`;
    // With no worker running, the request waits for a new one to load: killed before it can answer, twice.
    await thread().kill();
    const response = t.api('GET', oneDay, { cookie: admin });
    await reportInFlight();
    await thread().kill();
    await thread().kill();
    expect(await response).toMatchObject({ status: 500, body: { code: 'INTERNAL', message: { zh: '系统内部错误', en: 'Internal error' } } });
    expect((await t.api('GET', oneDay, { cookie: admin })).status).toBe(200);
  });
});

describe('a statistics thread on its own', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stats-thread-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes a failing query or a file it cannot open back with SQLite\'s code, so the routes map it as they always have', async () => {
    const path = join(dir, 'empty.db');
    new Database(path).close();
    const thread = new StatsThread(path);
    const settings = { timeZone: 'Asia/Shanghai', hours: { days: [1], sessions: [] } } as never;
    const failed = thread.ask({ kind: 'report', query: { from: '2026-02-01', to: '2026-02-01', by: 'day' } }, { settings, services: new Map(), now: 0 });
    await expect(failed).rejects.toMatchObject({ name: 'SqliteError', code: 'SQLITE_ERROR', message: expect.stringContaining('no such table') });
    await thread.close();
    const missing = new StatsThread(join(dir, 'missing.db'));
    const unopened = missing.ask({ kind: 'windowReport', month: '2026-02' }, { settings, services: new Map(), now: 0 });
    await expect(unopened).rejects.toMatchObject({ code: 'SQLITE_CANTOPEN' });
    expect(missing.starts).toBe(1);
    await missing.close();
    await expect(thread.ask({ kind: 'windowReport', month: '2026-02' }, { settings, services: new Map(), now: 0 })).rejects.toThrow('statistics closed');
  });
});
