import type { Writable } from 'node:stream';
import * as ws from 'ws';

/** ws exports its receiver (the frame parser its clients use) without a type of its own. */
const { Receiver } = ws as unknown as { Receiver: new (options: { isServer: boolean; maxPayload: number }) => Writable };

/**
 * The text messages in `bytes`, read the way a WebSocket client reads them (ws's own receiver, client side): a
 * malformed header, a mask from the server or a binary frame fails the read.
 */
export function readTextFrames(bytes: Buffer): Promise<string[]> {
  const receiver = new Receiver({ isServer: false, maxPayload: 0 });
  const texts: string[] = [];
  return new Promise((resolve, reject) => {
    receiver.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) reject(new Error('a binary frame'));
      texts.push(data.toString('utf8'));
    });
    receiver.on('error', reject);
    receiver.end(bytes, () => resolve(texts));
  });
}
