import Database from 'better-sqlite3';
import { copyFileSync, fdatasync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SyncFile } from '../../server/store/wal-sync.js';
import { startTestHall, type TestHall } from '../support/hall-server.js';
import { TestSocket } from '../support/ws-client.js';
import { idNumber } from './test-hall.js';

const serviceF = 6; // 不动产查询: no ID card needed
const serviceG = 7; // 户籍业务: real-name

/** A disk whose every sync takes `ms`, counted as begun and as done; `fail` makes the next one report an I/O error. */
function slowDisk(ms: number) {
  const disk = { syncs: 0, finished: 0, fail: false, sync: null as unknown as SyncFile };
  disk.sync = (fd, done) => {
    disk.syncs++;
    if (disk.fail) return setTimeout(() => done(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' })), ms);
    setTimeout(() => fdatasync(fd, (err) => { disk.finished++; done(err); }), ms);
  };
  return disk;
}

describe('an acknowledged command is on disk (group commit)', () => {
  let t: TestHall;
  afterEach(async () => t.stop());

  it('answers the kiosk and tells the board only after the journal reached the disk', async () => {
    const disk = slowDisk(300);
    t = await startTestHall({ syncFile: disk.sync });
    const board = await TestSocket.open(t.wsUrl, { token: t.boardToken, follow: { scope: 'hall' } });
    await board.next((m) => m.type === 'snapshot');
    const sent = performance.now();
    const issued = await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: serviceF } });
    const answered = performance.now();
    expect(issued.status).toBe(201);
    expect(answered - sent).toBeGreaterThanOrEqual(290);
    // The wait printed on the ticket is the new ticket's own, worked out before the disk confirmed it.
    expect(issued.body.forecast).toMatchObject({ ticketId: issued.body.ticket.id, position: 0 });
    const event = await board.next((m) => m.type === 'event' && m.event.type === 'ticket.issued');
    expect(event.receivedAt - sent).toBeGreaterThanOrEqual(290);
    board.close();
  });

  it('keeps deciding while the disk is busy: 40 kiosks at once get 40 numbers from a few syncs', async () => {
    const disk = slowDisk(100);
    t = await startTestHall({ syncFile: disk.sync });
    const before = disk.syncs;
    const replies = await Promise.all(Array.from({ length: 40 }, () =>
      t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: serviceF } })));
    expect(replies.map((r) => r.status)).toEqual(Array(40).fill(201));
    expect(new Set(replies.map((r) => r.body.ticket.number)).size).toBe(40);
    // One sync per ticket would be 40 (4 s here); they share syncs instead.
    expect(disk.syncs - before).toBeLessThanOrEqual(10);
  });

  it('answers a ticket once its own sync is done, not after the next kiosk\'s ticket committed meanwhile', async () => {
    const disk = slowDisk(500);
    t = await startTestHall({ syncFile: disk.sync });
    const issue = () => t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: serviceF } });
    await issue(); // the forecast thread has a forecast of the service from here on
    const before = disk.finished;
    let syncsDoneAtFirstReply = -1;
    const first = issue().then((r) => { syncsDoneAtFirstReply = disk.finished - before; return r; });
    // The second ticket commits while the first one's sync runs, and needs a sync of its own after it.
    await new Promise((r) => setTimeout(r, 100));
    const second = await issue();
    expect([(await first).status, second.status]).toEqual([201, 201]);
    expect(second.body.ticket.id).toBeGreaterThan((await first).body.ticket.id);
    expect(syncsDoneAtFirstReply).toBe(1);
    expect(disk.finished - before).toBe(2);
  });

  it('refuses a second ticket for the same person only once the first, which the refusal names, is on disk', async () => {
    const disk = slowDisk(500);
    t = await startTestHall({ syncFile: disk.sync });
    const body = { serviceId: serviceG, identity: { name: '张三', idNumber: idNumber('19800101', '123') } };
    await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: serviceF } });
    const before = disk.finished;
    const first = t.api('POST', '/api/tickets', { token: t.kioskToken, body });
    await new Promise((r) => setTimeout(r, 100)); // the first is committed, its sync still running
    const second = await t.api('POST', '/api/tickets', { token: t.kioskToken, body });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('ALREADY_HOLDING');
    expect(disk.finished - before).toBeGreaterThanOrEqual(1);
    expect((await first).status).toBe(201);
  });

  it('moves a waiting phone up only once the call that moved it is on disk', async () => {
    const disk = slowDisk(300);
    t = await startTestHall({ syncFile: disk.sync, overrides: { phoneUpdateMs: 100 } });
    const staff = await t.openWindow('1001', 8);
    const issue = async () => (await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: serviceF } })).body;
    await issue();
    const second = await issue();
    const phone = await TestSocket.open(t.wsUrl, { follow: { scope: 'ticket', ticketToken: second.token } });
    const ahead = (n: number) => (m: any) => m.type === 'visit' && m.data.forecast?.position === n;
    await phone.next(ahead(1), 3_000);
    const call = t.api('POST', '/api/windows/8/call-next', { cookie: staff });
    // Memory has the call at once and a forecast could follow within milliseconds; the disk takes 300 ms.
    await new Promise((r) => setTimeout(r, 200));
    expect(phone.messages.some(ahead(0))).toBe(false);
    expect((await call).status).toBe(200);
    await phone.next(ahead(0), 3_000);
    phone.close();
  });

  it('syncs what is written beside the queue too: a login is on disk before the session cookie is handed out', async () => {
    const disk = slowDisk(300);
    t = await startTestHall({ syncFile: disk.sync });
    // The demo hall's seeding may still be on its way to the disk; the login's own sync is what is counted.
    await t.hall.ctx.runner.durable();
    const before = disk.syncs;
    const sent = performance.now();
    await t.login('1001');
    expect(performance.now() - sent).toBeGreaterThanOrEqual(290);
    expect(disk.syncs).toBe(before + 1);
  });

  it('refuses with a storage error, tells no screen, and stays refusing when the disk fails', async () => {
    const disk = slowDisk(20);
    t = await startTestHall({ syncFile: disk.sync });
    const board = await TestSocket.open(t.wsUrl, { token: t.boardToken, follow: { scope: 'hall' } });
    await board.next((m) => m.type === 'snapshot');
    disk.fail = true;
    const failed = await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: serviceF } });
    expect(failed.status).toBe(503);
    expect(failed.body.code).toBe('STORAGE_ERROR');
    expect(failed.body.message.zh).toContain('数据保存失败');
    const again = await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: serviceF } });
    expect(again.status).toBe(503);
    const health = await t.api('GET', '/healthz');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ ok: false, code: 'STORAGE_ERROR' });
    await new Promise((r) => setTimeout(r, 100));
    expect(board.messages.filter((m) => m.type === 'event')).toEqual([]);
    board.close();
  });
});

describe('the journal is copied into the database file off the main thread', () => {
  let t: TestHall;
  afterEach(async () => t.stop());

  it('leaves checkpoints to their thread, which brings every issued ticket into the database file', async () => {
    t = await startTestHall();
    expect(t.hall.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    const replies = await Promise.all(Array.from({ length: 300 }, () =>
      t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: serviceF } })));
    expect(replies.every((r) => r.status === 201)).toBe(true);
    const runsAfterIssuing = t.hall.checkpoints.runs;
    await expect.poll(() => t.hall.checkpoints.runs > runsAfterIssuing && t.hall.checkpoints.last?.copied === t.hall.checkpoints.last?.walFrames,
      { timeout: 5_000, interval: 50 }).toBe(true);
    // The database file alone, without its journal, now holds every ticket.
    const copy = join(t.dir, 'copy.db');
    copyFileSync(t.config.databasePath, copy);
    const db = new Database(copy, { readonly: true });
    try {
      expect(db.prepare("SELECT COUNT(*) FROM tickets WHERE service_id = ?").pluck().get(serviceF)).toBe(300);
    } finally {
      db.close();
    }
  });
});
