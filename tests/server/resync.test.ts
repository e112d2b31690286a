import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../support/hall-server.js';
import { TestSocket } from '../support/ws-client.js';
import { startHall } from './test-hall.js';

/** Window 8 serves 不动产查询 (F) first; window 9 is in another area. */
describe('a screen that missed events catches up', () => {
  let t: TestHall;
  let staff: string;
  const issueF = () => t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 6 } });
  const lastSeq = async () => (await t.api('GET', '/healthz')).body.seq as number;

  beforeAll(async () => {
    t = await startHall();
    staff = await t.openWindow('1001', 8);
  });
  afterAll(async () => t.stop());

  it('gives a board that reconnects with hello a snapshot holding the calls it missed', async () => {
    const board = await TestSocket.open(t.wsUrl, { token: t.boardToken, follow: { scope: 'hall' } });
    const before = await board.next((m) => m.type === 'snapshot');
    board.close();
    await new Promise((resolve) => board.ws.once('close', resolve));

    const first = await issueF();
    const second = await issueF();
    const called = await t.api('POST', '/api/windows/8/call-next', { cookie: staff });
    expect(called.body.number).toBe(first.body.ticket.number);

    const back = await TestSocket.open(t.wsUrl, { token: t.boardToken, follow: { scope: 'hall' }, lastSeq: before.seq });
    const snapshot = await back.next((m) => m.type === 'snapshot');
    expect(snapshot.seq).toBe(await lastSeq());
    expect(snapshot.seq).toBeGreaterThan(before.seq);
    expect(snapshot.data.recentCalls[0].number).toBe(first.body.ticket.number);
    expect(snapshot.data.windows.find((w: any) => w.number === 8).currentTicket.number).toBe(first.body.ticket.number);
    expect(snapshot.data.waiting.map((w: any) => w.number)).toContain(second.body.ticket.number);
    expect(snapshot.data.waiting.map((w: any) => w.number)).not.toContain(first.body.ticket.number);
    back.close();
    await t.api('POST', '/api/windows/8/no-show', { cookie: staff });
  });

  it('answers {type: resync} with a fresh snapshot, and the next event follows on from it', async () => {
    const pad = await TestSocket.open(t.wsUrl, { follow: { scope: 'window', windowId: 8 } }, { cookie: staff });
    await pad.next((m) => m.type === 'snapshot');
    const issued = await issueF();
    await pad.next((m) => m.type === 'event' && m.event.ticket?.number === issued.body.ticket.number);

    pad.send({ type: 'resync' });
    const fresh = await pad.next((m) => m.type === 'snapshot' && m !== pad.messages[0]);
    expect(fresh.seq).toBe(await lastSeq());
    expect(fresh.data.waiting.map((w: any) => w.number)).toContain(issued.body.ticket.number);

    const called = await t.api('POST', '/api/windows/8/call-next', { cookie: staff });
    const event = await pad.next((m) => m.type === 'event' && m.event.type === 'ticket.called');
    expect(event.event.ticket.number).toBe(called.body.number);
    expect(event.prev).toBe(fresh.seq);
    pad.close();
    await t.api('POST', '/api/windows/8/no-show', { cookie: staff });
  });

  it('chains prev through every message of one connection, skipping nothing it was sent', async () => {
    const admin = await t.login('admin');
    const board = await TestSocket.open(t.wsUrl, { token: t.boardToken, follow: { scope: 'area', areaId: 2 } });
    await board.next((m) => m.type === 'snapshot');

    await issueF();
    await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 10 } }); // 咨询服务: another area
    await t.api('POST', '/api/windows/8/call-next', { cookie: staff });
    await t.api('POST', '/api/windows/8/recall', { cookie: staff });
    await t.api('POST', '/api/windows/8/start', { cookie: staff });
    // A config change reaches screens as a new snapshot, which the chain must carry on from.
    await t.api('POST', '/api/areas', { cookie: admin, body: { code: 'GA', name: { zh: '公安', en: 'Police' }, active: true } });
    await t.api('POST', '/api/windows/8/finish', { cookie: staff });
    await board.next((m) => m.type === 'event' && m.event.type === 'ticket.finished');

    const chain = board.messages.filter((m) => m.type === 'snapshot' || m.type === 'event');
    expect(chain.map((m) => m.event?.type ?? 'snapshot')).toEqual([
      'snapshot', 'ticket.issued', 'ticket.called', 'ticket.recalled', 'ticket.started', 'snapshot', 'ticket.finished',
    ]);
    for (let i = 1; i < chain.length; i++) {
      expect(chain[i].seq).toBeGreaterThan(chain[i - 1].seq);
      if (chain[i].type === 'event') expect(chain[i].prev).toBe(chain[i - 1].seq);
    }
    expect(chain.some((m) => m.event?.ticket?.areaId === 3)).toBe(false);
    board.close();
  });
});
