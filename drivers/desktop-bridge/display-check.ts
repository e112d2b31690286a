import { connect } from 'node:net';
import { BridgeFailure } from './errors.js';

// nut.js on X11 does not report a missing display as an error: libnut prints "Could not open main display" and the
// process dies with a segmentation fault at the first key stroke. So the bridge makes sure the X server answers
// before nut.js touches it. (A server that refuses our authorisation cookie still gets past this check.)

/** Systems whose desktop is X11, where nut.js needs DISPLAY and pastes come from X selections. */
export function isX11Platform(platform: NodeJS.Platform = process.platform): boolean {
  return ['linux', 'freebsd', 'openbsd', 'netbsd'].includes(platform);
}

export type DisplayAddress = { kind: 'unix'; number: number } | { kind: 'tcp'; host: string; port: number };

/** ":0", ":1.0", "unix:0" -> local socket; "localhost:10.0" (ssh forwarding) -> TCP port 6000 + n. */
export function parseDisplay(display: string | undefined): DisplayAddress | undefined {
  const match = /^([^:]*):(\d+)(?:\.\d+)?$/.exec(display?.trim() ?? '');
  if (!match) return undefined;
  const host = match[1];
  const number = Number(match[2]);
  if (host === '' || host === 'unix') return { kind: 'unix', number };
  return { kind: 'tcp', host, port: 6000 + number };
}

function canConnect(options: { path: string } | { host: string; port: number }, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(options);
    const done = (reachable: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(reachable);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Throws NO_DISPLAY unless the X server named by `display` accepts a connection. Only meaningful on X11 systems. */
export async function assertDisplayReachable(display: string | undefined, timeoutMs = 1000): Promise<void> {
  const address = parseDisplay(display);
  if (!address) throw new BridgeFailure('NO_DISPLAY', display ? `DISPLAY=${display}` : 'DISPLAY is not set');
  let reachable: boolean;
  if (address.kind === 'tcp') {
    reachable = await canConnect({ host: address.host, port: address.port }, timeoutMs);
  } else {
    const path = `/tmp/.X11-unix/X${address.number}`;
    // Servers in containers often listen only on the abstract socket of the same name.
    reachable = (await canConnect({ path }, timeoutMs)) || (await canConnect({ path: `\0${path}` }, timeoutMs));
  }
  if (!reachable) throw new BridgeFailure('NO_DISPLAY', `DISPLAY=${display}`);
}
