import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { TestSocket } from '../../support/ws-client.js';
import { fingerprint } from '../../server/db-fingerprint.js';
import { HallClock, idNumber } from '../../server/test-hall.js';

const records = 6; // F, no ID card; windows 8 (main) and 7 (backup) serve it, and 12 serves everything
const enquiries = 10; // K, no ID card; windows 11 (main) and 9 (backup)

interface Attempt { name: string; status: number; code?: string }

/**
 * The disk fills up. SQLite's max_page_count caps the file at its current size, which fails a write that needs one
 * more page exactly as a full disk does (SQLITE_FULL). Every kind of command then either fits in the space left or
 * is refused with 503 STORAGE_ERROR in both languages, leaving no trace; reads and screens go on; when
 * space returns the hall takes commands again, numbering on without a gap, and a restart finds the same hall.
 */
describe('a hall whose disk is full', () => {
  const dir = tempDir('hall-disk-full-');
  const clock = new HallClock('2026-03-10 10:00');
  let t: TestHall;
  let staff: string;
  let admin: string;
  const kiosk = () => ({ token: t.kioskToken });

  beforeAll(async () => {
    t = await startTestHall({ dir: dir.path, clock: clock.now, overrides: { devices: { simulation: 'in-process' } } });
    staff = await t.login('1001');
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t.stop();
    dir.remove();
  });

  /** Sends a command while the disk is full: it must either succeed or be refused cleanly, nothing in between. */
  async function attempt(name: string, send: () => Promise<{ status: number; body: any }>): Promise<Attempt> {
    const before = fingerprint(t.config.databasePath);
    const res = await send();
    if (res.status === 503) {
      expect(res.body.code, name).toBe('STORAGE_ERROR');
      expect(res.body.message.zh).toMatch(/\S/);
      expect(res.body.message.en).toMatch(/\S/);
      expect(fingerprint(t.config.databasePath), `${name} left a trace`).toEqual(before);
    } else {
      expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
    }
    return { name, status: res.status, code: res.body?.code };
  }

  it('refuses what does not fit with 503 and leaves no trace, keeps serving reads, and recovers when space returns', async () => {
    const issue = async (serviceId: number) => (await t.api('POST', '/api/tickets', { ...kiosk(), body: { serviceId } })).body;
    const post = (path: string, body?: unknown, cookie = staff) => t.api('POST', path, { cookie, body });
    // Every window is left where its command can run: called, serving, open and idle; tickets waiting and missed.
    for (let i = 0; i < 8; i++) await issue(i % 2 === 0 ? records : enquiries);
    for (const w of [7, 8, 9, 10, 11, 12]) await post(`/api/windows/${w}/status`, { status: 'open' });
    await post('/api/windows/11/call-next');
    const missed = (await post('/api/windows/11/no-show')).body;
    for (const w of [7, 8, 9, 11]) expect((await post(`/api/windows/${w}/call-next`)).status).toBe(200);
    const rated = (await post('/api/windows/9/start')).body;
    await post('/api/windows/9/finish');
    await post('/api/windows/9/call-next');
    await post('/api/windows/9/start');
    const waiting = (await t.api('GET', '/api/hall', { cookie: staff })).body.waiting as { id: number; serviceId: number; number: string }[];
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    const service = (await t.api('GET', '/api/services', { cookie: admin })).body.find((s: any) => s.id === records);
    const firstToken = (await t.api('POST', '/api/tickets', { ...kiosk(), body: { serviceId: records } })).body.token;

    const board = await TestSocket.open(t.wsUrl, { token: t.boardToken, follow: { scope: 'hall' } });
    await board.next((m) => m.type === 'snapshot');
    t.hall.db.pragma(`max_page_count = ${t.hall.db.pragma('page_count', { simple: true })}`);
    const attempts: Attempt[] = [];
    for (let i = 0; i < 40 && !attempts.some((a) => a.status === 503); i++) {
      attempts.push(await attempt('issueTicket', () => t.api('POST', '/api/tickets', { ...kiosk(), body: { serviceId: records } })));
    }
    expect(attempts.at(-1)!.status, 'the disk never filled').toBe(503);
    // A ticket no longer fits, but a window's status change, the smallest event, may: filled up with those too.
    const statusRefused = () => attempts.at(-1)!.name === 'fillWithStatus' && attempts.at(-1)!.status === 503;
    for (let i = 0; i < 40 && !statusRefused(); i++) {
      attempts.push(await attempt('fillWithStatus', () => post('/api/windows/10/status', i % 2 ? { status: 'open' } : { status: 'paused', reason: 'break' })));
    }

    const moves: [string, () => Promise<{ status: number; body: any }>][] = [
      ['callNext', () => post('/api/windows/12/call-next')],
      ['recall', () => post('/api/windows/7/recall')],
      ['startService', () => post('/api/windows/8/start')],
      ['finishService', () => post('/api/windows/9/finish')],
      ['markNoShow', () => post('/api/windows/11/no-show')],
      ['requeueTicket', () => post(`/api/tickets/${missed.id}/requeue`)],
      ['transferTicket', () => post(`/api/tickets/${waiting[0].id}/transfer`, { serviceId: waiting[0].serviceId === records ? enquiries : records })],
      ['cancelTicket', () => post(`/api/tickets/${waiting[1].id}/cancel`, { reason: 'left' })],
      ['setWindowStatus', () => post('/api/windows/10/status', { status: 'paused', reason: 'lunch' })],
      ['createAppointment', () => t.api('POST', '/api/appointments', { body: { serviceId: 1, date: '2026-03-11', slotStart: '09:00', identity: { name: '满盘', idNumber: idNumber('19800101', '555') } } })],
      ['updateService', () => t.api('PUT', `/api/services/${records}`, { cookie: admin, body: { ...service, id: undefined, name: { zh: '不动产查询（满）', en: 'Records (full)' } } })],
      ['rateVisit', () => post('/api/ratings', { ticketId: rated.id, level: 5 })],
    ];
    for (const [name, send] of moves) attempts.push(await attempt(name, send));
    // The queue's commands each append an event, and there is no room for one.
    expect(attempts.filter((a) => a.status === 503).map((a) => a.name)).toEqual(['issueTicket', 'fillWithStatus', ...moves.map(([name]) => name)]);
    // A write outside the command runner (a device pairing code) fails the same way once its table is full too.
    const pairings: Attempt[] = [];
    for (let i = 0; i < 100 && !pairings.some((a) => a.status === 503); i++) {
      pairings.push(await attempt('createPairingCode', () => t.api('POST', '/api/devices/pairing-codes', { cookie: admin, body: { role: 'board' } })));
    }
    expect(pairings.at(-1)).toMatchObject({ status: 503, code: 'STORAGE_ERROR' });

    // Reads go on: the hall, a visitor's ticket, health, and a board's fresh picture; no screen saw a refused change.
    expect((await t.api('GET', '/api/hall', { cookie: staff })).status).toBe(200);
    expect((await t.api('GET', `/api/visits/${firstToken}`)).status).toBe(200);
    expect((await t.api('GET', '/healthz')).status).toBe(200);
    const seenEvents = board.messages.filter((m) => m.type === 'event').length;
    board.send({ type: 'resync' });
    await board.next((m) => m.type === 'snapshot' && m !== board.messages[0]);
    expect(board.messages.filter((m) => m.type === 'event')).toHaveLength(seenEvents);

    // Space returns: the same commands go through, and numbering goes on from the last ticket actually issued.
    const lastNumber = Math.max(...(await t.api('GET', '/api/hall', { cookie: staff })).body.waiting
      .filter((w: any) => w.serviceId === records).map((w: any) => Number(w.number.slice(1))), 0);
    t.hall.db.pragma('max_page_count = 1073741823');
    for (const [name, send] of moves) expect((await send()).status, name).toBeLessThan(300);
    const next = (await t.api('POST', '/api/tickets', { ...kiosk(), body: { serviceId: records } })).body.ticket;
    expect(Number(next.number.slice(1))).toBeGreaterThan(lastNumber);
    const db = new Database(t.config.databasePath, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const numbers = db.prepare("SELECT seq_no FROM tickets WHERE service_id = ? AND channel <> 'transfer' ORDER BY seq_no").pluck().all(records) as number[];
    db.close();
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    board.close();

    // And the hall a restart reads back from the file is the hall that was in memory.
    const view = async () => {
      const hall = (await t.api('GET', '/api/hall', { cookie: await t.login('1001') })).body;
      return { waiting: hall.waiting.map((w: any) => `${w.number} ${w.status}`), windows: hall.windows.map((w: any) => `${w.number} ${w.status} ${w.currentTicket?.number ?? '-'}`) };
    };
    const inMemory = await view();
    await t.stop();
    t = await startTestHall({ dir: dir.path, clock: clock.now, overrides: { devices: { simulation: 'in-process' } } });
    expect(await view()).toEqual(inMemory);
  });
});
