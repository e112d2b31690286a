import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, hallDay } from '../../server/core/hall-time.js';
import { TestSocket } from '../support/ws-client.js';
import { childTimeoutMs, freePort, killAllHalls, startChildHall, type ChildHall } from './child-hall.js';
import { idNumber } from './test-hall.js';

const password = 'privacy-test-password';
const people = [
  { name: '欧阳明月', idNumber: idNumber('19560708', '113') },
  { name: '上官飞燕', idNumber: idNumber('19881122', '224') },
  { name: '诸葛青云', idNumber: idNumber('19991231', '335') },
  { name: '司马长风', idNumber: idNumber('20010101', '446') },
];
const badCheckDigit = (id: string) => id.slice(0, 17) + (id[17] === '0' ? '1' : '0');

/**
 * The hall as installed (its own pino logger, at debug level, writing to stdout) is put through identity-bearing
 * requests and error paths; afterwards neither its log nor its database file holds a full name or ID number.
 */
describe('what the hall writes about visitors', () => {
  let dir: string;
  let hall: ChildHall;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hall-privacy-'));
  });
  afterEach(async () => {
    await killAllHalls();
    rmSync(dir, { recursive: true, force: true });
  });
  const post = (path: string, body: unknown, raw?: string) =>
    fetch(`${hall.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw ?? JSON.stringify(body) });

  it('never logs or stores a full ID number or name, even when storing fails', async () => {
    const db = join(dir, 'hall.db');
    const config = join(dir, 'hall.config.json');
    writeFileSync(config, JSON.stringify({ devices: { simulation: 'in-process' } }));
    hall = await startChildHall(await freePort(), {
      HALL_CONFIG: config, HALL_DB: db, HALL_SECRETS_PATH: join(dir, 'secrets.json'), HALL_ADMIN_PASSWORD: password, HALL_LOG_LEVEL: 'debug',
    });
    const [first, second, third, fourth] = people;

    expect((await post('/api/tickets', { serviceId: 1, identity: first })).status).toBe(201);
    expect((await post('/api/tickets', { serviceId: 1, identity: first })).status).toBe(409);
    expect((await post('/api/tickets', { serviceId: 1, identity: { ...second, idNumber: badCheckDigit(second.idNumber) } })).status).toBe(422);
    expect((await post('/api/tickets', null, `{"serviceId":1,"identity":{"name":"${second.name}","idNumber":"${second.idNumber}"`)).status).toBe(400);
    expect((await post('/api/tickets', { serviceId: 1, identity: { ...second, phone: '13800000000' } })).status).toBe(400);
    const tomorrow = addDays(hallDay(Date.now(), 'Asia/Shanghai'), 1);
    expect((await post('/api/appointments', { serviceId: 2, date: tomorrow, slotStart: '09:00', identity: second })).status).toBe(201);
    expect((await post('/api/auth/login', { staffNumber: 'admin', password: `${password}-wrong` })).status).toBe(401);

    // A phone issues over its WebSocket too, once well and once with a number that fails its check digit.
    const token = (await (await post('/api/tickets', { serviceId: 2, identity: third })).json()).token;
    const phone = await TestSocket.open(hall.url.replace('http', 'ws') + '/ws', { follow: { scope: 'ticket', ticketToken: token } });
    phone.send({ type: 'command', id: 'w1', name: 'issueTicket', args: { serviceId: 4, identity: third } });
    phone.send({ type: 'command', id: 'w2', name: 'issueTicket', args: { serviceId: 5, identity: { ...fourth, idNumber: badCheckDigit(fourth.idNumber) } } });
    expect((await phone.next((m) => m.id === 'w1')).type).toBe('reply');
    expect((await phone.next((m) => m.id === 'w2')).error.code).toBe('ID_INVALID');
    phone.close();

    // The disk refuses the next ticket: the command fails with 503 and the failure is logged.
    const writer = new Database(db);
    writer.exec("CREATE TRIGGER disk_refuses BEFORE INSERT ON tickets BEGIN SELECT RAISE(ABORT, 'simulated disk failure'); END");
    const failed = await post('/api/tickets', { serviceId: 7, identity: fourth });
    writer.exec('DROP TRIGGER disk_refuses');
    writer.close();
    expect(failed.status).toBe(503);
    expect((await failed.json()).code).toBe('STORAGE_ERROR');

    hall.process.kill('SIGTERM');
    expect(await hall.exited).toBe(0);
    const log = hall.stdout() + hall.stderr();
    expect(log).toContain('command could not be stored');
    expect(log).toContain('simulated disk failure');

    const stored = ['hall.db', 'hall.db-wal'].filter((f) => existsSync(join(dir, f))).map((f) => readFileSync(join(dir, f)));
    for (const person of people) {
      for (const secret of [person.name, person.idNumber, person.idNumber.slice(0, 14)]) {
        expect(log, `log holds ${secret.length} characters of a visitor's identity`).not.toContain(secret);
        for (const bytes of stored) expect(bytes.includes(Buffer.from(secret)), 'database holds an identity in clear').toBe(false);
      }
    }
    expect(log).not.toContain(password);
  }, childTimeoutMs);
});
