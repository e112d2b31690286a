import { connect } from 'node:net';
import type { SetUpHall } from '../sim/http-setup.js';
import type { BenchHall } from '../support/hall-process.js';
import { openSocket, type PhoneFleet } from '../support/screens.js';
import { round, roundSummary, sleep, summarize } from '../support/stats.js';
import { describeFanout } from './call-to-screen.js';

/** Phone updates after a call come within this; a probe waits this long before the next. */
const settleMs = 1600;

/**
 * Time to the last phone: with the simulation stopped, a few windows are cleared, then each probe is one callNext
 * on a quiet hall, so every visit message carrying its seq or later is that call's fan-out. The latency is from
 * the moment callNext was sent to the last of those messages to arrive.
 */
export async function lastPhoneProbes(setup: SetUpHall, phones: PhoneFleet, hall: BenchHall, count: number) {
  const windows = [...setup.pads.keys()].slice(0, count * 2);
  for (const w of windows) {
    const pad = setup.pads.get(w)!;
    const windowId = setup.windowIds.get(w);
    await pad.command('finishService', { windowId });
    await pad.command('markNoShow', { windowId });
    await pad.command('setWindowStatus', { windowId, status: 'open' });
  }
  await sleep(2 * settleMs);
  await hall.ask({ type: 'fanout' });
  const started = performance.now();
  const last: number[] = [];
  const first: number[] = [];
  const reached: number[] = [];
  for (const w of windows) {
    if (last.length >= count) break;
    const pad = setup.pads.get(w)!;
    phones.mark();
    const out = await pad.command('callNext', { windowId: setup.windowIds.get(w) });
    await sleep(settleMs);
    const seq = out.ok ? pad.calledSeq.get(out.result.id) : undefined;
    const messages = phones.mark().filter((m) => seq !== undefined && m.seq >= seq);
    if (messages.length === 0) continue;
    last.push(Math.max(...messages.map((m) => m.at)) - out.sentAt);
    first.push(Math.min(...messages.map((m) => m.at)) - out.sentAt);
    reached.push(messages.length);
  }
  const fanout = describeFanout(await hall.ask({ type: 'fanout' }), (performance.now() - started) / 1000);
  return {
    lastPhone: roundSummary(summarize(last)),
    detail: { probes: last.length, firstPhoneMs: roundSummary(summarize(first)), phonesUpdatedPerCall: roundSummary(summarize(reached), 0) },
    fanout,
  };
}

/**
 * Server memory per WebSocket client: the hall's RSS and JS heap (after a full GC) before and after `extra` more
 * phones connect and get their first update, divided by their number. The hall is quiet meanwhile.
 */
export async function memoryPerClient(hall: BenchHall, setup: SetUpHall, phones: PhoneFleet, extra: number) {
  void setup;
  const before = await hall.ask({ type: 'memory' });
  const wsUrl = hall.url.replace('http', 'ws') + '/ws';
  const sockets = [];
  const greeted: Promise<void>[] = [];
  for (let i = 0; i < extra; i++) {
    const ws = await openSocket(wsUrl);
    greeted.push(new Promise((resolve) => ws.once('message', () => resolve())));
    ws.send(JSON.stringify({ type: 'hello', follow: { scope: 'ticket', ticketToken: phones.tokens[i % phones.tokens.length] } }));
    sockets.push(ws);
  }
  await Promise.race([Promise.all(greeted), sleep(10_000)]);
  await sleep(500);
  const after = await hall.ask({ type: 'memory' });
  for (const ws of sockets) ws.terminate();
  const clients = after.clients - before.clients;
  const kb = (x: number) => round(x / 1024 / Math.max(1, clients), 2);
  return {
    clientsAdded: clients,
    rssKBPerClient: kb(after.rss - before.rss),
    jsHeapKBPerClient: kb(after.heapUsed + after.external + after.arrayBuffers - before.heapUsed - before.external - before.arrayBuffers),
    serverRssMB: round(after.rss / 1048576, 1),
    clientsConnected: after.clients,
  };
}

/**
 * (g)'s floor beside the fan-out it is held against: in the hall's own process, just after the probes, one message
 * of a phone update's size written to as many raw TCP connections as a probe's call wrote to boards and pads, and
 * as many as it wrote to phones, each burst after a quiet stretch as each probe's call came. A write in a burst of a
 * few dozen after a quiet moment costs about twice one of 2,000 written back to back (the caches, and the clients
 * that wake to read, are cold), so the floor is taken the way the fan-out it is the floor of happens.
 */
export async function rawWriteBursts(hall: BenchHall, sizes: { boards: number; phones: number }, bytes: number, rounds = 8, quietMs = 500) {
  const { port } = await hall.ask<{ port: number }>({ type: 'rawListen' });
  const count = Math.max(sizes.boards, sizes.phones);
  const sockets = Array.from({ length: count }, () => {
    const socket = connect(port, '127.0.0.1');
    socket.on('data', () => undefined);
    socket.on('error', () => undefined);
    return socket;
  });
  try {
    for (let i = 0; i < 200 && (await hall.ask<{ count: number }>({ type: 'rawCount' })).count < count; i++) await sleep(20);
    const boards: number[] = [];
    const phones: number[] = [];
    for (let r = 0; r < rounds; r++) {
      await sleep(quietMs);
      boards.push((await hall.ask<{ usPerClient: number }>({ type: 'rawBurst', count: sizes.boards, bytes, round: 2 * r })).usPerClient);
      await sleep(quietMs);
      phones.push((await hall.ask<{ usPerClient: number }>({ type: 'rawBurst', count: sizes.phones, bytes, round: 2 * r + 1 })).usPerClient);
    }
    return {
      bytes, quietMs,
      boardsBurst: { clients: sizes.boards, usPerClient: roundSummary(summarize(boards)) },
      phonesBurst: { clients: sizes.phones, usPerClient: roundSummary(summarize(phones)) },
    };
  } finally {
    for (const socket of sockets) socket.destroy();
  }
}
