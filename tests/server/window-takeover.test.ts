import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../support/hall-server.js';
import { TestSocket } from '../support/ws-client.js';
import { idNumber, startHall } from './test-hall.js';

const today = '2026-03-10';

/** Sends a command over a pad's socket and waits for its reply or error. */
async function command(socket: TestSocket, id: string, name: string, args: Record<string, unknown>): Promise<any> {
  socket.send({ type: 'command', id, name, args });
  return socket.next((m) => m.id === id);
}

// The QA report: 1002 signed in on a second pad, picked window 1 where 1001 had called A001, and ran it from there.
describe('two clerks and one window', () => {
  let t: TestHall;
  let first: string;
  let second: string;
  let firstPad: TestSocket;
  let secondPad: TestSocket;
  let staffIds: Map<string, number>;

  beforeAll(async () => {
    t = await startHall();
    first = await t.openWindow('1001', 1);
    second = await t.login('1002');
    const staff = await t.api('GET', '/api/staff', { cookie: await t.login('admin') });
    staffIds = new Map(staff.body.map((s: { number: string; id: number }) => [s.number, s.id]));
    const issued = await t.api('POST', '/api/tickets', { body: { serviceId: 1, identity: { name: '张三', idNumber: idNumber('19800101', '001') } } });
    expect(issued.status).toBe(201);
    expect((await t.api('POST', '/api/windows/1/call-next', { cookie: first })).status).toBe(200);
    firstPad = await TestSocket.open(t.wsUrl, { follow: { scope: 'window', windowId: 1 } }, { cookie: first });
    secondPad = await TestSocket.open(t.wsUrl, { follow: { scope: 'window', windowId: 1 } }, { cookie: second });
    await firstPad.next((m) => m.type === 'snapshot');
    await secondPad.next((m) => m.type === 'snapshot');
  });
  afterAll(async () => {
    firstPad?.close();
    secondPad?.close();
    await t?.stop();
  });

  it('refuses the second clerk on the socket and over HTTP, naming who staffs the window', async () => {
    const refused = await command(secondPad, 's1', 'startService', { windowId: 1 });
    expect(refused).toMatchObject({
      type: 'error',
      error: { code: 'WINDOW_STAFFED', message: { zh: '1号窗口由工作人员01值守中；如需接替，请选择“接管窗口”', en: 'Window 1 is staffed by 工作人员01; take it over to work there' } },
    });
    const overHttp = await t.api('POST', '/api/windows/1/start', { cookie: second });
    expect(overHttp).toMatchObject({ status: 409, body: { code: 'WINDOW_STAFFED' } });
    expect((await t.api('POST', '/api/windows/1/status', { cookie: second, body: { status: 'open' } })).body.code).toBe('WINDOW_STAFFED');
  });

  it('lets the second clerk take over: the first clerk\'s pad hears who has the window now', async () => {
    const taken = await command(secondPad, 's2', 'setWindowStatus', { windowId: 1, status: 'open', takeOver: true });
    expect(taken).toMatchObject({ type: 'reply', result: { status: 'open', staffName: '工作人员02', currentTicket: { status: 'called' } } });
    const heard = await firstPad.next((m) => m.type === 'event' && m.event.type === 'window.statusChanged');
    expect(heard.event.window).toMatchObject({ number: 1, status: 'open', staffId: staffIds.get('1002'), staffName: '工作人员02' });
    expect((await command(firstPad, 'f1', 'startService', { windowId: 1 })).error.message.zh).toContain('由工作人员02值守中');
  });

  it('credits the visitor to the clerk who served them, and the audit log names the takeover', async () => {
    expect((await command(secondPad, 's3', 'startService', { windowId: 1 })).type).toBe('reply');
    expect((await command(secondPad, 's4', 'finishService', { windowId: 1 })).type).toBe('reply');
    const supervisor = await t.login('S01');
    const stats = await t.api('GET', `/api/stats?from=${today}&to=${today}&by=staff`, { cookie: supervisor });
    expect(stats.status).toBe(200);
    const served = stats.body.rows.filter((r: { served: number }) => r.served > 0).map((r: { key: string; served: number }) => [r.key, r.served]);
    expect(served).toEqual([[String(staffIds.get('1002')), 1]]);
    const log = (await t.api('GET', '/api/events?limit=1000', { cookie: supervisor })).body as { type: string; actor: any; payload: any }[];
    const takeOver = log.find((e) => e.type === 'window.statusChanged' && e.payload.takeOver);
    expect(takeOver).toMatchObject({
      actor: { kind: 'staff', staffId: staffIds.get('1002') },
      payload: { runtime: { windowId: 1, staffId: staffIds.get('1002') }, takeOver: { fromStaffId: staffIds.get('1001'), ticket: { staffId: staffIds.get('1002') } } },
    });
  });
});

describe('a takeover across a restart', () => {
  it('still credits the visitor at the counter to the clerk who took over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-takeover-'));
    try {
      let t = await startHall({ dir });
      const first = await t.openWindow('1001', 2);
      await t.api('POST', '/api/tickets', { body: { serviceId: 2, identity: { name: '李四', idNumber: idNumber('19900215', '002') } } });
      expect((await t.api('POST', '/api/windows/2/call-next', { cookie: first })).status).toBe(200);
      const second = await t.login('1002');
      expect((await t.api('POST', '/api/windows/2/status', { cookie: second, body: { status: 'open', takeOver: true } })).status).toBe(200);
      await t.stop();

      t = await startHall({ dir });
      const again = await t.login('1002');
      expect((await t.api('POST', '/api/windows/2/start', { cookie: again })).status).toBe(200);
      expect((await t.api('POST', '/api/windows/2/finish', { cookie: again })).status).toBe(200);
      const staff = (await t.api('GET', '/api/staff', { cookie: await t.login('admin') })).body as { number: string; id: number }[];
      const stats = await t.api('GET', `/api/stats?from=${today}&to=${today}&by=staff`, { cookie: await t.login('S01') });
      const served = stats.body.rows.filter((r: { served: number }) => r.served > 0).map((r: { key: string }) => r.key);
      expect(served).toEqual([String(staff.find((s) => s.number === '1002')!.id)]);
      await t.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
