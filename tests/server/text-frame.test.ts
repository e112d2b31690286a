import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { textFrame } from '../../server/realtime/text-frame.js';
import { readTextFrames } from '../support/read-frames.js';

/** Text of exactly `bytes` bytes in UTF-8, mostly Chinese (three bytes a character), so bytes and characters differ. */
const textOfBytes = (bytes: number) => 'n'.repeat(bytes % 3) + '号'.repeat(Math.floor(bytes / 3));

// Each side of the three header sizes: 7-bit length, 16-bit, 64-bit.
const sizes = [0, 1, 125, 126, 127, 65_535, 65_536, 200_000];

let server: Server | null = null;
afterEach(() => server?.close());

describe('a text frame built whole', () => {
  it('has the shortest header for its length and reads back as the same text', async () => {
    for (const bytes of sizes) {
      const text = textOfBytes(bytes);
      const frame = textFrame(text);
      expect(frame.length - bytes).toBe(bytes < 126 ? 2 : bytes < 65_536 ? 4 : 10);
      expect(await readTextFrames(frame)).toEqual([text]);
    }
  });

  it('reaches a real client in order among ws\'s own messages, pings and closing handshake', async () => {
    const wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
    server = createServer();
    server.on('upgrade', (req, socket, head) => wss.handleUpgrade(req, socket, head, (ws) => {
      for (const bytes of sizes) {
        socket.write(textFrame(textOfBytes(bytes)));
        ws.send(`ws ${bytes}`);
        ws.ping();
      }
      ws.close(1000, 'done');
    }));
    await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', ok));
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
    const received: string[] = [];
    let pings = 0;
    client.on('message', (data) => received.push(data.toString()));
    client.on('ping', () => pings++);
    const [code, reason] = await new Promise<[number, string]>((ok) => client.on('close', (c, r) => ok([c, r.toString()])));
    expect([code, reason]).toEqual([1000, 'done']);
    expect(pings).toBe(sizes.length);
    expect(received).toEqual(sizes.flatMap((bytes) => [textOfBytes(bytes), `ws ${bytes}`]));
  });
});
