import { createServer, type Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/**
 * The floor of the fan-out, in a process of its own like the hall: the same message written to N raw TCP
 * sockets in a loop, and sent to N plain `ws` connections, timed per client. The hall's fan-out cost per client
 * reads as a ratio to these.
 */
const raw: Socket[] = [];
const wsClients: WebSocket[] = [];
const rawServer = createServer((socket) => { socket.setNoDelay(true); raw.push(socket); socket.on('error', () => undefined); });
const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
wss.on('connection', (ws) => wsClients.push(ws));
rawServer.listen(0, '127.0.0.1', () => {
  const address = (s: { address(): unknown }) => (s.address() as { port: number }).port;
  process.send!({ type: 'ready', rawPort: address(rawServer), wsPort: address(wss) });
});

function timeRounds(rounds: number, write: () => void, count: number): number[] {
  const perClientUs: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const started = performance.now();
    write();
    perClientUs.push(((performance.now() - started) * 1000) / Math.max(1, count));
  }
  return perClientUs;
}

process.on('message', async (m: { type: string; bytes: number; rounds: number }) => {
  if (m.type === 'counts') process.send!({ type: 'counts', raw: raw.length, ws: wsClients.length });
  if (m.type === 'write') {
    // A JSON-ish string of the size of a phone's visit message, different each round as the hall's would be.
    const message = (round: number) => `{"type":"visit","seq":${round},"data":"${'x'.repeat(Math.max(0, m.bytes - 40))}"}`;
    let round = 0;
    const rawUs = timeRounds(m.rounds, () => { const text = message(round++); for (const s of raw) s.write(text); }, raw.length);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const wsUs = timeRounds(m.rounds, () => { const text = message(round++); for (const c of wsClients) c.send(text); }, wsClients.length);
    process.send!({ type: 'write', rawUs, wsUs });
  }
});
