import { TestSocket } from '../support/ws-client.js';

/**
 * A test socket whose close is watched from before its hello, so a close that comes at once is not missed.
 * `closed()` resolves with the close code the server gave, or fails after the timeout.
 */
export async function openWatched(url: string, hello: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ socket: TestSocket; closed(timeoutMs?: number): Promise<number> }> {
  const socket = new TestSocket(url, headers);
  const code = new Promise<number>((resolve) => socket.ws.once('close', (c) => resolve(c)));
  await socket.opened;
  socket.send({ type: 'hello', ...hello });
  const closed = (timeoutMs = 3000) => Promise.race([
    code,
    new Promise<number>((_, reject) => setTimeout(() => reject(new Error(`socket still open after ${timeoutMs} ms`)), timeoutMs).unref()),
  ]);
  return { socket, closed };
}
