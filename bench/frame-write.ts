/**
 * One message written to a burst of WebSocket clients three ways, per client: `ws`'s send, a whole frame built
 * by the hub's `textFrame` and written in one socket write (what the hub does), and a raw TCP write of the same
 * text (the floor). The clients run in a child process; each burst comes after a quiet 100 ms, as a call's does.
 *
 *   npx tsx bench/frame-write.ts [--clients 205] [--rounds 40] [--bytes 695]
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { WebSocket, WebSocketServer } from 'ws';
import { textFrame } from '../server/realtime/text-frame.js';
import { round, sleep, summarize } from './support/stats.js';

const { values } = parseArgs({ options: { client: { type: 'boolean', default: false }, clients: { type: 'string', default: '205' }, rounds: { type: 'string', default: '40' }, bytes: { type: 'string', default: '695' } } });
const clients = Number(values.clients);

if (values.client) {
  // The clients: as many WebSockets and raw connections, reading everything.
  const [wsUrl, rawPort] = [process.env.FRAME_WS!, Number(process.env.FRAME_RAW)];
  let open = 0;
  const opened = () => { if (++open === 2 * clients) process.send!('ready'); };
  for (let i = 0; i < clients; i++) {
    new WebSocket(wsUrl, { perMessageDeflate: false }).on('open', opened).on('message', () => undefined);
    connect(rawPort, '127.0.0.1', opened).on('data', () => undefined);
  }
} else {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  const sockets: { ws: WebSocket; socket: Socket }[] = [];
  wss.on('connection', (ws, req) => sockets.push({ ws, socket: req.socket }));
  const raws: Socket[] = [];
  const rawServer = createServer((s) => { s.setNoDelay(true); raws.push(s); }).listen(0, '127.0.0.1');
  await Promise.all([once(wss, 'listening'), once(rawServer, 'listening')]);
  const child = fork(fileURLToPath(import.meta.url), ['--client', '--clients', String(clients)], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, FRAME_WS: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`, FRAME_RAW: String((rawServer.address() as AddressInfo).port) },
  });
  await Promise.race([once(child, 'message'), once(child, 'exit').then(() => { throw new Error('the clients exited before they connected'); })]);

  const text = (round: number) => `{"type":"visit","seq":${round},"data":"${'x'.repeat(Math.max(0, Number(values.bytes) - 40))}"}`;
  const ways: Record<string, (message: string) => void> = {
    'ws send': (m) => { for (const c of sockets) c.ws.send(m); },
    'whole frame, one write': (m) => { for (const c of sockets) c.socket.write(textFrame(m)); },
    'raw write (floor)': (m) => { for (const s of raws) s.write(m); },
  };
  const perClient: Record<string, number[]> = {};
  for (let r = 0; r < Number(values.rounds); r++) {
    for (const [name, write] of Object.entries(ways)) {
      await sleep(100);
      const started = performance.now();
      write(text(r));
      // The first five rounds warm up the JIT.
      if (r >= 5) (perClient[name] ??= []).push(((performance.now() - started) * 1000) / clients);
    }
  }
  console.log(`${clients} clients, ${values.bytes} bytes, µs per client:`);
  for (const [name, us] of Object.entries(perClient)) {
    const s = summarize(us);
    console.log(`  ${name.padEnd(24)} p50 ${round(s.p50, 1)}  mean ${round(s.mean, 1)}`);
  }
  child.kill();
  process.exit(0);
}
