import { TestSocket } from '../support/ws-client.js';

/**
 * A test socket whose close is watched from before its hello, so a close that comes at once is not missed;
 * `closed` resolves with the close code the server gave.
 */
export async function openWatched(url: string, hello: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ socket: TestSocket; closed: Promise<number> }> {
  const socket = new TestSocket(url, headers);
  const closed = new Promise<number>((resolve) => socket.ws.once('close', (code) => resolve(code)));
  await socket.opened;
  socket.send({ type: 'hello', ...hello });
  return { socket, closed };
}
