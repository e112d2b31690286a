import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE_IDENTITIES } from '../../../drivers/simulators/fixtures/id-card-identities.js';
import { addDays } from '../../../server/core/hall-time.js';
import { TestSocket } from '../../support/ws-client.js';
import { childTimeoutMs, freePort, killAllHalls, startChildHall, type ChildHall } from '../../server/child-hall.js';
import { visitor, type Visitor } from './privacy-fixture.js';

const password = 'stored-identity-password';
const card = FIXTURE_IDENTITIES[1];
const online = visitor('拓跋雪岚', '19921203', '951');
const atDesk = visitor('长孙无忌', '19660606', '162');
const booked = visitor('宇文成都', '19720717', '273');
const later = visitor('令狐冲霄', '19830318', '384');

/**
 * The hall as installed, logging at debug level, is taken through every path that carries a full identity (card
 * reader, phone, staff desk, appointments and check-in) and every window move on those visitors, then an admin's
 * export and a refused erasure. Afterwards the log, the database file and its WAL are searched byte for byte:
 * no full ID number (nor its first 14 characters), no name, no card address.
 */
describe('identities through every path of the hall', () => {
  let dir: string;
  let hall: ChildHall;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hall-identity-'));
  });
  afterEach(async () => {
    await killAllHalls();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leave no full ID number, name or address in the log, the database or its WAL', async () => {
    const config = join(dir, 'hall.config.json');
    writeFileSync(config, JSON.stringify({ devices: { simulate: true, simulation: 'in-process' }, rateLimit: { publicPerMinute: 1000 } }));
    hall = await startChildHall(await freePort(), {
      HALL_CONFIG: config, HALL_DB: join(dir, 'hall.db'), HALL_SECRETS_PATH: join(dir, 'secrets.json'), HALL_ADMIN_PASSWORD: password, HALL_LOG_LEVEL: 'debug',
    });
    const kioskToken = /kiosk screen: \S+\?token=(\S+)/.exec(hall.stdout())![1];
    const api = async (method: string, path: string, body?: unknown, auth: { cookie?: string; token?: string } = {}) => {
      const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
      if (auth.cookie) headers.cookie = auth.cookie;
      if (auth.token) headers.authorization = `Bearer ${auth.token}`;
      const res = await fetch(hall.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      return { status: res.status, body: await res.json() };
    };
    const login = async (staffNumber: string) => {
      const res = await fetch(`${hall.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ staffNumber, password }) });
      return res.headers.get('set-cookie')!.split(';')[0];
    };
    const ok = async (expected: number, pending: Promise<{ status: number; body: any }>) => {
      const res = await pending;
      expect(res.status, JSON.stringify(res.body)).toBe(expected);
      return res.body;
    };

    // The card reader: the kiosk hears of the card and issues with its one-time token.
    const kiosk = await TestSocket.open(hall.url.replace('http', 'ws') + '/ws', { token: kioskToken, follow: { scope: 'hall' } });
    await kiosk.next((m) => m.type === 'snapshot');
    await ok(200, api('POST', '/api/devices/simulated/card', { fixture: 1 }, { token: kioskToken }));
    const { card: read } = await kiosk.next((m) => m.type === 'card', 5000);
    const fromCard = (await ok(201, api('POST', '/api/tickets', { serviceId: 1, cardToken: read.cardToken }, { token: kioskToken }))).ticket;
    kiosk.close();

    const staff = await login('1001');
    await ok(201, api('POST', '/api/tickets', { serviceId: 1, identity: online }));
    await ok(201, api('POST', '/api/tickets', { serviceId: 2, identity: atDesk }, { cookie: staff }));
    await ok(201, api('POST', '/api/appointments', { serviceId: 2, date: addDays(fromCard.hallDay, 1), slotStart: '09:00', identity: later }));
    const today = fromCard.hallDay;
    // The slot under way now (the demo hall is open around the clock): booked, then checked in with the identity.
    const slots = (await ok(200, api('GET', `/api/appointments/slots?serviceId=4&date=${today}`))) as { start: string; end: string }[];
    const beijingNow = new Date(Date.now() + 8 * 3600_000).toISOString().slice(11, 16);
    const current = slots.find((s) => s.start <= beijingNow && beijingNow < (s.end === '00:00' ? '24:00' : s.end))!;
    await ok(201, api('POST', '/api/appointments', { serviceId: 4, date: today, slotStart: current.start, identity: booked }));
    await ok(201, api('POST', '/api/appointments/check-in', { identity: booked }, { token: kioskToken }));

    // Window 1 takes the card holder through call, recall, start and a transfer; the new leg is cancelled.
    await ok(200, api('POST', '/api/windows/1/status', { status: 'open' }, { cookie: staff }));
    const called = await ok(200, api('POST', '/api/windows/1/call-next', undefined, { cookie: staff }));
    expect(called.id).toBe(fromCard.id);
    await ok(200, api('POST', '/api/windows/1/recall', undefined, { cookie: staff }));
    await ok(200, api('POST', '/api/windows/1/start', undefined, { cookie: staff }));
    await ok(200, api('POST', `/api/tickets/${fromCard.id}/transfer`, { serviceId: 3 }, { cookie: staff }));
    const leg = (await ok(200, api('GET', '/api/hall', undefined, { cookie: staff }))).waiting.find((w: any) => w.visitId === fromCard.visitId);
    await ok(200, api('POST', `/api/tickets/${leg.id}/cancel`, { reason: 'left' }, { cookie: staff }));
    // The phone visitor: a no-show, re-queued, then served and rated.
    await ok(200, api('POST', '/api/windows/1/call-next', undefined, { cookie: staff }));
    const missed = await ok(200, api('POST', '/api/windows/1/no-show', undefined, { cookie: staff }));
    await ok(200, api('POST', `/api/tickets/${missed.id}/requeue`, undefined, { cookie: staff }));
    await ok(200, api('POST', '/api/windows/1/call-next', undefined, { cookie: staff }));
    await ok(200, api('POST', '/api/windows/1/start', undefined, { cookie: staff }));
    await ok(200, api('POST', '/api/windows/1/finish', undefined, { cookie: staff }));
    await ok(201, api('POST', '/api/ratings', { ticketId: missed.id, level: 2, reasons: ['efficiency'] }, { cookie: staff }));

    // The admin's export and erasure, with every identity typed in; erasure is refused (still in today's queue).
    const admin = await login('admin');
    for (const person of [online, atDesk, booked, later, { name: card.name, idNumber: card.idNumber }] as Visitor[]) {
      const exported = await ok(200, api('POST', '/api/privacy/export', { idNumber: person.idNumber }, { cookie: admin }));
      expect(JSON.stringify(exported)).not.toContain(person.idNumber);
      expect((await api('POST', '/api/privacy/erase', { idNumber: person.idNumber, confirm: true }, { cookie: admin })).body.code).toBe('PERSON_IN_QUEUE');
    }
    await ok(422, api('POST', '/api/privacy/export', { idNumber: online.idNumber.slice(0, 17) + (online.idNumber[17] === '1' ? '2' : '1') }, { cookie: admin }));

    hall.process.kill('SIGTERM');
    expect(await hall.exited).toBe(0);
    const log = hall.stdout() + hall.stderr();
    expect(log).toContain('person data exported');
    const stored = ['hall.db', 'hall.db-wal'].filter((f) => existsSync(join(dir, f))).map((f) => ({ f, bytes: readFileSync(join(dir, f)) }));
    const people: Visitor[] = [online, atDesk, booked, later, { name: card.name, idNumber: card.idNumber }];
    const secrets = [...people.flatMap((p) => [p.name, p.idNumber, p.idNumber.slice(0, 14)]), card.address];
    for (const secret of secrets) {
      expect(log.includes(secret), `the log holds ${[...secret].length} characters of an identity`).toBe(false);
      for (const { f, bytes } of stored) expect(bytes.includes(Buffer.from(secret)), `${f} holds an identity in clear`).toBe(false);
    }
  }, childTimeoutMs);
});
