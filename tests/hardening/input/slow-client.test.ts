import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestHall } from '../../support/hall-server.js';
import { TestSocket } from '../../support/ws-client.js';
import { startHall } from '../../server/test-hall.js';

/**
 * A screen that stops reading (a hung browser tab, a board behind a dead Wi-Fi link that still holds its TCP
 * connection) must not hold up the others: the hall writes to every screen without waiting, keeps what a slow one
 * has not taken, and cuts it off once that backlog passes the limit; it reconnects and gets a fresh snapshot.
 */
describe('a client that stops reading', () => {
  let t: TestHall;
  let staff: string;
  beforeAll(async () => {
    t = await startHall({ overrides: { websocket: { maxBufferedKiB: 64 } } });
    staff = await t.login('1001');
    // A long queue makes every snapshot large, so a stalled screen's backlog grows fast.
    for (let i = 0; i < 15; i++) {
      await Promise.all(Array.from({ length: 20 }, () => t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 6 } })));
    }
    await t.api('POST', '/api/windows/8/status', { cookie: staff, body: { status: 'open' } });
    expect((await t.api('POST', '/api/windows/8/call-next', { cookie: staff })).status).toBe(200);
  });
  afterAll(async () => t.stop());

  it('does not delay the calls other boards see, and is cut off once too far behind', async () => {
    const stalled = await TestSocket.open(t.wsUrl, { token: t.boardToken, follow: { scope: 'hall' } });
    const snapshot = await stalled.next((m) => m.type === 'snapshot');
    const snapshotBytes = JSON.stringify(snapshot).length;
    // The socket stops reading, as a hung screen would; it still asks for the whole picture many times, in batches
    // within its message budget, until the backlog is past what the kernel's socket buffers on both sides can hold
    // (several MB on loopback), so that the backlog lands in the server's own buffer.
    (stalled.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    for (let batch = 0; batch < 4; batch++) {
      for (let i = 0; i < 35; i++) stalled.send({ type: 'resync' });
      await new Promise((r) => setTimeout(r, 1_800));
    }

    const board = await TestSocket.open(t.wsUrl, { token: t.boardToken, follow: { scope: 'hall' } });
    await board.next((m) => m.type === 'snapshot');
    const latencies: number[] = [];
    for (let i = 0; i < 60; i++) {
      const sent = performance.now();
      expect((await t.api('POST', '/api/windows/8/recall', { cookie: staff })).status).toBe(200);
      const seen = await board.next((m) => m.type === 'event' && m.event.type === 'ticket.recalled' && m.receivedAt >= sent, 2000);
      latencies.push(seen.receivedAt - sent);
    }

    expect(snapshotBytes).toBeGreaterThan(64 * 1024);
    expect(Math.max(...latencies), `call-to-board ms: ${latencies.map(Math.round).join(' ')}`).toBeLessThan(250);
    // Only the reading board is left: the stalled one was cut off.
    await expect.poll(() => t.hall.hub.clientCount, { timeout: 3000 }).toBe(1);
    board.close();
    stalled.ws.terminate();
  });
});
