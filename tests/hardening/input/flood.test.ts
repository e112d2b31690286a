import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../../support/hall-server.js';
import { TestSocket } from '../../support/ws-client.js';
import { idNumber, startHall } from '../../server/test-hall.js';

const perSecond = 20;
const burst = 40;

/**
 * Each WebSocket has a message budget: a burst, then a steady rate. A screen a little over it is told to slow down
 * (RATE_LIMITED, with the id of the command it refuses); one that keeps flooding is cut off (4029). Neither costs
 * the other screens anything they would notice.
 */
describe('a device that floods the hall with messages', () => {
  let t: TestHall;
  let staff: string;
  beforeAll(async () => {
    t = await startHall({ overrides: { websocket: { messagesPerSecond: perSecond, messageBurst: burst }, rateLimit: { publicPerMinute: 5 } } });
    staff = await t.openWindow('1001', 8);
    for (let i = 0; i < 30; i++) await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 6 } });
  });
  afterAll(async () => t.stop());

  it('is throttled and then cut off, while a pad\'s commands and a board\'s calls go on as usual', async () => {
    const board = await TestSocket.open(t.wsUrl, { token: t.boardToken, follow: { scope: 'hall' } });
    const pad = await TestSocket.open(t.wsUrl, { follow: { scope: 'window', windowId: 8 } }, { cookie: staff });
    const flooder = await TestSocket.open(t.wsUrl, { token: t.kioskToken, follow: { scope: 'hall' } });
    await Promise.all([board, pad, flooder].map((s) => s.next((m) => m.type === 'snapshot')));
    const cutOff = new Promise<number>((resolve) => flooder.ws.once('close', resolve));

    const flood = (async () => {
      for (let i = 0; i < 2000 && flooder.ws.readyState === flooder.ws.OPEN; i++) {
        flooder.send({ type: 'command', id: `f${i}`, name: 'requeueTicket', args: { ticketId: 999_999 } });
        if (i % 50 === 0) await new Promise((r) => setImmediate(r));
      }
    })();
    const padMs: number[] = [];
    const boardMs: number[] = [];
    for (let i = 0; i < 10; i++) {
      const sent = performance.now();
      pad.send({ type: 'command', id: `p${i}`, name: i % 2 ? 'recall' : 'callNext', args: { windowId: 8 } });
      const answer = await pad.next((m) => m.id === `p${i}`, 2000);
      padMs.push(performance.now() - sent);
      expect(answer.type, JSON.stringify(answer)).toBe('reply');
      const seen = await board.next((m) => m.type === 'event' && m.receivedAt >= sent && ['ticket.called', 'ticket.recalled'].includes(m.event.type), 2000);
      boardMs.push(seen.receivedAt - sent);
      if (i % 2) await t.api('POST', '/api/windows/8/start', { cookie: staff }).then(() => t.api('POST', '/api/windows/8/finish', { cookie: staff }));
    }
    await flood;

    expect(await cutOff).toBe(4029);
    const answers = flooder.messages.filter((m) => typeof m.id === 'string' && m.id.startsWith('f'));
    const served = answers.filter((m) => m.error?.code === 'NOT_FOUND');
    const slowedDown = answers.filter((m) => m.error?.code === 'RATE_LIMITED');
    // Commands still running when the socket closed get no answer; none beyond the budget ever ran.
    expect(served.length).toBeGreaterThan(0);
    expect(served.length).toBeLessThan(burst + perSecond * 2);
    expect(slowedDown.length).toBeGreaterThan(0);
    expect(slowedDown.length).toBeLessThanOrEqual(burst + 1);
    expect(slowedDown[0].error.message).toMatchObject({ zh: expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) });
    expect(Math.max(...padMs), `pad ms ${padMs.map(Math.round)}`).toBeLessThan(300);
    expect(Math.max(...boardMs), `board ms ${boardMs.map(Math.round)}`).toBeLessThan(300);
    board.close();
    pad.close();
  });

  it('tells a screen a little over its budget to slow down, and serves it again after a pause', async () => {
    const screen = await TestSocket.open(t.wsUrl, { token: t.boardToken, follow: { scope: 'hall' } });
    await screen.next((m) => m.type === 'snapshot');
    for (let i = 0; i < burst + 5; i++) screen.send({ type: 'ping' });
    await screen.next((m) => m.type === 'error' && m.error.code === 'RATE_LIMITED');
    // The hello and 44 pings took the bucket of 40 five below empty: at 20 a second it is back above in 0.3 s.
    await new Promise((r) => setTimeout(r, 600));
    const pongs = screen.messages.filter((m) => m.type === 'pong').length;
    expect(pongs).toBeGreaterThanOrEqual(burst - 1);
    expect(pongs).toBeLessThan(burst + 5);
    screen.send({ type: 'ping' });
    await screen.next((m) => m.type === 'pong' && screen.messages.filter((x) => x.type === 'pong').length > pongs);
    expect(screen.ws.readyState).toBe(screen.ws.OPEN);
    screen.close();
  });

  it('limits a phone taking tickets over its socket as HTTP limits the public', async () => {
    const issued = await t.api('POST', '/api/tickets', { body: { serviceId: 6, identity: { name: '访客', idNumber: idNumber('19700101', '555') } } });
    const phone = await TestSocket.open(t.wsUrl, { follow: { scope: 'ticket', ticketToken: issued.body.token } });
    await phone.next((m) => m.type === 'visit');
    const codes: string[] = [];
    for (let i = 0; i < 7; i++) {
      phone.send({ type: 'command', id: `w${i}`, name: 'issueTicket', args: { serviceId: 6, identity: { name: '访客', idNumber: idNumber('19700101', String(600 + i)) } } });
      const answer = await phone.next((m) => m.id === `w${i}`);
      codes.push(answer.type === 'reply' ? 'issued' : answer.error.code);
    }
    expect(codes.filter((c) => c === 'issued').length).toBeLessThanOrEqual(5);
    expect(codes.slice(-2)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    phone.close();
  });
});
