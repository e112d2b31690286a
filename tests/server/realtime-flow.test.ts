import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../support/hall-server.js';
import { TestSocket } from '../support/ws-client.js';

const visitor = { name: '张三', idNumber: '11010519491231002X' };

describe('a call reaches every screen', () => {
  let t: TestHall;
  let staffCookie: string;
  beforeAll(async () => {
    t = await startTestHall();
    staffCookie = await t.login('1001');
  });
  afterAll(async () => t.stop());

  it('pushes an issued ticket to a board following the hall, with the masked name to render', async () => {
    const board = await TestSocket.open(t.wsUrl, { token: t.boardToken, follow: { scope: 'hall' } });
    const snapshot = await board.next((m) => m.type === 'snapshot');
    expect(snapshot.data.windows).toHaveLength(12);
    const issued = await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 6 } });
    expect(issued.status).toBe(201);
    const event = await board.next((m) => m.type === 'event' && m.event.type === 'ticket.issued');
    expect(event.event.ticket.number).toBe(issued.body.ticket.number);
    expect(event.prev).toBe(snapshot.seq);
    board.close();
  });

  it('delivers a call to the board, the pad of the window and the phone of the ticket', async () => {
    await t.api('POST', '/api/windows/8/status', { cookie: staffCookie, body: { status: 'open' } });
    const issued = await t.api('POST', '/api/tickets', { body: { serviceId: 6, identity: visitor } });
    expect(issued.status).toBe(201);
    const board = await TestSocket.open(t.wsUrl, { token: t.boardToken, follow: { scope: 'area', areaId: 2 } });
    const pad = await TestSocket.open(t.wsUrl, { follow: { scope: 'window', windowId: 8 } }, { cookie: staffCookie });
    const phone = await TestSocket.open(t.wsUrl, { follow: { scope: 'ticket', ticketToken: issued.body.token } });
    await board.next((m) => m.type === 'snapshot');
    const padSnap = await pad.next((m) => m.type === 'snapshot');
    expect(padSnap.data.waiting.map((w: any) => w.number)).toContain(issued.body.ticket.number);
    await phone.next((m) => m.type === 'visit' && m.data.ticket.status === 'waiting');

    const called = await t.api('POST', '/api/windows/8/call-next', { cookie: staffCookie });
    expect(called.status).toBe(200);
    for (const screen of [board, pad]) {
      const e = await screen.next((m) => m.type === 'event' && m.event.type === 'ticket.called');
      expect(e.event.ticket.number).toBe(called.body.number);
      expect(e.event.window.number).toBe(8);
      expect(e.event.ticket.person.nameMasked).toBe('张*');
      expect(JSON.stringify(e)).not.toContain(visitor.idNumber);
    }
    const v = await phone.next((m) => m.type === 'visit' && m.data.ticket.status === 'called', 3000);
    expect(v.data.window.number).toBe(8);
    board.close(); pad.close(); phone.close();
  });

  it('lets a pad run commands over its WebSocket and answers with the same id', async () => {
    const pad = await TestSocket.open(t.wsUrl, { follow: { scope: 'window', windowId: 8 } }, { cookie: staffCookie });
    await pad.next((m) => m.type === 'snapshot');
    pad.send({ type: 'command', id: 'a1', name: 'startService', args: { windowId: 8 } });
    const reply = await pad.next((m) => m.id === 'a1');
    expect(reply.type).toBe('reply');
    expect(reply.result.status).toBe('serving');
    pad.send({ type: 'command', id: 'a2', name: 'startService', args: { windowId: 8 } });
    const refused = await pad.next((m) => m.id === 'a2');
    expect(refused.type).toBe('error');
    expect(refused.error.code).toBe('INVALID_TRANSITION');
    expect(refused.error.message.zh).toContain('办理中');
    pad.close();
  });

  it('refuses a socket that follows the hall without a token', async () => {
    const anon = await TestSocket.open(t.wsUrl, { follow: { scope: 'hall' } });
    const err = await anon.next((m) => m.type === 'error');
    expect(err.error.code).toBe('UNAUTHENTICATED');
    anon.close();
  });
});
