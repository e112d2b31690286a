import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopGraceMs } from '../../server/hall.js';
import type { TestHall } from '../support/hall-server.js';
import { TestSocket } from '../support/ws-client.js';
import { startHall } from './test-hall.js';

/**
 * A screen that stops reading (a hung browser, a cable half out) must not make the hall hold its messages without
 * end: past maxBufferedKiB it is cut off, and it reconnects for a fresh snapshot. The others see nothing of it.
 */
describe('a screen that stops reading', () => {
  let t: TestHall;
  let staff: string;

  beforeAll(async () => {
    t = await startHall({ overrides: { websocket: { maxBufferedKiB: 16, messagesPerSecond: 1000, messageBurst: 1000 } } });
    staff = await t.openWindow('1001', 8);
  });
  afterAll(async () => t.stop());

  it('is cut off once the hall holds more than its limit for it, while a board that reads goes on', async () => {
    const hung = await TestSocket.open(t.wsUrl, { token: t.boardToken, follow: { scope: 'hall' } });
    const first = await hung.next((m) => m.type === 'snapshot');
    const snapshotBytes = JSON.stringify(first).length;
    const reading = await TestSocket.open(t.wsUrl, { token: t.boardToken, follow: { scope: 'hall' } });
    await reading.next((m) => m.type === 'snapshot');

    // It stops reading; what it asks for piles up in the kernel's buffers first, then in the hall's.
    hung.ws.pause();
    const cutOff = new Promise<number>((resolve) => hung.ws.once('close', resolve));
    let asked = 0;
    const asking = setInterval(() => {
      for (let i = 0; i < 20; i++) hung.send({ type: 'resync' });
      asked += 20;
    }, 10);
    const code = await Promise.race([cutOff, new Promise<string>((resolve) => setTimeout(() => resolve('still open'), 8000))]);
    clearInterval(asking);
    expect(code).toBe(1006);
    // Far more than the limit was asked for: it was the limit, not the first snapshot, that cut it off.
    expect(asked * snapshotBytes).toBeGreaterThan(16 * 1024 * 4);

    const issued = await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 6 } });
    const called = await t.api('POST', '/api/windows/8/call-next', { cookie: staff });
    expect(called.body.number).toBe(issued.body.ticket.number);
    const event = await reading.next((m) => m.type === 'event' && m.event.type === 'ticket.called');
    expect(event.event.ticket.number).toBe(called.body.number);
    reading.close();
  }, 15_000);
});

describe('a client that holds a request open while the hall stops', () => {
  it('does not keep the hall from stopping: past the grace it is cut off', async () => {
    const t = await startHall();
    // A kiosk's upload that stalls half-way: the request is in flight, so the connection is never idle.
    const socket = connect(Number(new URL(t.url).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`POST /api/tickets HTTP/1.1\r\nHost: hall\r\nAuthorization: Bearer ${t.kioskToken}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"serviceId":`);
    const cut = new Promise((resolve) => socket.once('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 200));

    const started = performance.now();
    await t.stop();
    const took = performance.now() - started;
    await cut;
    // Without the cut-off the stop waited for the request timeout (30 s).
    expect(took).toBeGreaterThanOrEqual(stopGraceMs - 50);
    expect(took).toBeLessThan(stopGraceMs + 5000);
  }, 20_000);
});
