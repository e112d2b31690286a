import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { BridgeAgent } from '../../drivers/desktop-bridge/agent.js';
import type { FillResult, Identity } from '../../drivers/desktop-bridge/typist.js';

const identity = { idNumber: '11010619780808005X', name: '孙七', address: '北京市丰台区样本路66号', ticketNumber: 'F003' };
const profile = { name: 'test', steps: [{ field: 'idNumber' as const }] };

/** Just enough of the hall's /ws for a bridge: answers hello with a snapshot and records what the bridge sends. */
async function fakeHall(port = 0) {
  const wss = new WebSocketServer({ host: '127.0.0.1', port });
  await once(wss, 'listening');
  const received: any[] = [];
  const sockets = new Set<WebSocket>();
  wss.on('connection', (ws) => {
    sockets.add(ws);
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString());
      received.push(msg);
      if (msg.type === 'hello') ws.send(JSON.stringify({ type: 'snapshot', seq: 0, data: {} }));
    });
  });
  return {
    port: (wss.address() as AddressInfo).port,
    received,
    send: (msg: unknown) => sockets.forEach((s) => s.send(JSON.stringify(msg))),
    close: () => new Promise<void>((resolve) => { sockets.forEach((s) => s.terminate()); wss.close(() => resolve()); }),
  };
}

function capturedLog() {
  const lines: string[] = [];
  const stream = new Writable({ write(chunk, _enc, done) { lines.push(chunk.toString()); done(); } });
  return { log: pino({ level: 'debug' }, stream), text: () => lines.join('') };
}

describe('the bridge agent on a window PC', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function connectedAgent(typist: { fill(i: Identity, p: unknown): Promise<FillResult> }, log = capturedLog().log) {
    const hall = await fakeHall();
    cleanups.push(() => hall.close());
    const agent = new BridgeAgent({ server: `http://127.0.0.1:${hall.port}`, token: 'bridge-token', windowId: 3, profile, typist, log });
    cleanups.push(() => agent.stop());
    const connected = once(agent, 'connected', { signal: AbortSignal.timeout(3000) });
    agent.start();
    await connected;
    return { hall, agent };
  }

  it('says hello with its token and follows its window, and comes back by itself after the hall restarts', async () => {
    const { hall, agent } = await connectedAgent({ fill: async () => ({ ok: true, profile: 'x', fields: [], clipboardRestored: true, elapsedMs: 1 }) });
    expect(hall.received[0]).toEqual({ type: 'hello', token: 'bridge-token', follow: { scope: 'window', windowId: 3 } });

    const gone = once(agent, 'disconnected', { signal: AbortSignal.timeout(2000) });
    await hall.close();
    await gone;
    await new Promise((resolve) => setTimeout(resolve, 600));
    const restartedAt = performance.now();
    const again = await fakeHall(hall.port);
    cleanups.push(() => again.close());
    await once(agent, 'connected', { signal: AbortSignal.timeout(6000) });
    // Backoff doubles from 250 ms and is capped at 5 s; after ~1 s of absence the next try is at most ~2 s away.
    expect(performance.now() - restartedAt).toBeLessThan(2500);
    expect(again.received[0].type).toBe('hello');
  });

  it('types a fill for its own window, reports the outcome as a command, and never logs the identity', async () => {
    const calls: Identity[] = [];
    const { log, text } = capturedLog();
    const { hall, agent } = await connectedAgent({
      fill: async (i) => { calls.push(i); return { ok: true, profile: 'x', fields: [{ field: 'idNumber', length: 18, via: 'type' }], clipboardRestored: true, elapsedMs: 7 }; },
    }, log);

    hall.send({ type: 'fill', fill: { requestId: 'other', windowId: 4, ticketNumber: 'F002', identity } });
    const filled = once(agent, 'filled', { signal: AbortSignal.timeout(2000) });
    hall.send({ type: 'fill', fill: { requestId: 'r1', windowId: 3, ticketNumber: 'F003', identity } });
    await filled;
    expect(calls).toEqual([identity]);
    await expect.poll(() => hall.received.find((m) => m.type === 'command')).toMatchObject({
      name: 'reportFill', args: { windowId: 3, requestId: 'r1', ok: true, fields: 1, elapsedMs: 7 },
    });
    expect(text()).toContain('F003');
    for (const value of [identity.idNumber, identity.name, identity.address]) expect(text()).not.toContain(value);
  });

  it('reports a failed fill with its code and both languages', async () => {
    const { hall } = await connectedAgent({
      fill: async () => ({ ok: false, error: { code: 'WRONG_WINDOW', zh: '当前窗口不是业务系统，已停止录入', en: 'the focused window is not the business system', started: false }, elapsedMs: 2 }),
    });
    hall.send({ type: 'fill', fill: { requestId: 'r2', windowId: 3, ticketNumber: 'F004', identity } });
    await expect.poll(() => hall.received.find((m) => m.type === 'command')?.args).toMatchObject({
      requestId: 'r2', ok: false, code: 'WRONG_WINDOW', message: { zh: expect.stringContaining('业务系统') }, started: false, fields: 0,
    });
  });
});
