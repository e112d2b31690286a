import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../support/hall-server.js';
import { idNumber, startHall } from './test-hall.js';

const serviceF = 6; // 不动产查询, prefix F, no ID card needed
const serviceG = 7; // 户籍业务, prefix G, real-name
const serviceK = 10; // 咨询服务, prefix K

describe('issuing tickets under concurrency', () => {
  let t: TestHall;
  beforeAll(async () => {
    t = await startHall();
  });
  afterAll(async () => t.stop());

  it('gives 200 simultaneous kiosk requests 200 distinct consecutive numbers, each stored once', async () => {
    const responses = await Promise.all(Array.from({ length: 200 }, () =>
      t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: serviceF } })));

    expect(responses.map((r) => r.status)).toEqual(Array(200).fill(201));
    const numbers = responses.map((r) => r.body.ticket.number as string);
    const expected = Array.from({ length: 200 }, (_, i) => `F${String(i + 1).padStart(3, '0')}`);
    expect([...numbers].sort()).toEqual(expected);
    expect(new Set(responses.map((r) => r.body.token)).size).toBe(200);

    const db = new Database(t.config.databasePath, { readonly: true });
    try {
      const stored = db.prepare('SELECT number FROM tickets WHERE service_id = ? ORDER BY seq_no').pluck().all(serviceF);
      expect(stored).toEqual(expected);
      expect(db.prepare("SELECT COUNT(*) FROM events WHERE type = 'ticket.issued'").pluck().get()).toBe(200);
    } finally {
      db.close();
    }
  });

  it('keeps each service on its own counter when two services are issued at once', async () => {
    const issue = (serviceId: number, i: number) => t.api('POST', '/api/tickets', {
      token: t.kioskToken,
      // 户籍业务 (G) is real-name: each visitor brings their own ID number.
      body: serviceId === serviceG ? { serviceId, identity: { name: `访客${i}`, idNumber: idNumber('19800101', String(100 + i)) } } : { serviceId },
    });
    const responses = await Promise.all(Array.from({ length: 60 }, (_, i) => issue(i % 2 ? serviceK : serviceG, i)));
    expect(responses.map((r) => r.status)).toEqual(Array(60).fill(201));
    const numbers = responses.map((r) => r.body.ticket.number as string).sort();
    const run = (prefix: string) => Array.from({ length: 30 }, (_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`);
    expect(numbers).toEqual([...run('G'), ...run('K')]);
  });
});
