import type { Role } from '../../../server/operations/caller.js';
import type { TestHall } from '../../support/hall-server.js';
import { TestSocket } from '../../support/ws-client.js';
import { HallClock, idNumber, startHall } from '../../server/test-hall.js';

/** Everyone who may knock: nobody, a phone with its ticket token, each kind of paired device, each staff role. */
export const callerNames = ['none', 'phone', 'kiosk', 'board', 'pad', 'bridge', 'staff', 'supervisor', 'admin'] as const;
export type CallerName = (typeof callerNames)[number];

const staffNumbers = { staff: '1001', supervisor: 'S01', admin: 'admin' } as const;
type StaffName = keyof typeof staffNumbers;
const isStaff = (name: CallerName): name is StaffName => name in staffNumbers;

/** The roles the hall should see for each caller; a phone's token is a credential only on its own socket. */
export function rolesOf(name: CallerName, channel: 'http' | 'ws'): Role[] {
  switch (name) {
    case 'none': return ['public'];
    case 'phone': return channel === 'ws' ? ['phone'] : ['public'];
    case 'staff': return ['staff'];
    case 'supervisor': return ['supervisor', 'staff'];
    case 'admin': return ['admin', 'supervisor', 'staff'];
    default: return [name];
  }
}

/** Limits that would otherwise refuse a test that knocks hundreds of times from one address. */
export const generousLimits = {
  rateLimit: { publicPerMinute: 1_000_000 },
  loginThrottle: { failuresPerStaff: 1_000_000, failuresPerAddress: 1_000_000 },
  websocket: { messagesPerSecond: 1_000_000, messageBurst: 1_000_000 },
};

export interface Answer { status: number; body: any }
export type SocketAnswer = { type: 'reply' | 'error'; error?: { code: string; message: { zh: string; en: string } }; result?: unknown } | { type: 'closed'; code: number };

export interface HallCallers {
  t: TestHall;
  clock: HallClock;
  /** The window the pad and the bridge are paired to. */
  windowId: number;
  /** A finished ticket at that window that each staff caller served (their own), for operations bound to one. */
  ticketOf(name: CallerName): number;
  phoneToken: string;
  /** Sends a request with the caller's credentials over HTTP. */
  http(name: CallerName, request: { method: string; path: string; body?: string }): Promise<Answer>;
  /** Sends a command over the caller's WebSocket, (re)opening it as needed. */
  command(name: CallerName, commandName: string, args: Record<string, unknown>): Promise<SocketAnswer>;
  /** Logs staff back in whose sessions an operation ended (a logout), so the next request meets them alive. */
  revive(only?: CallerName): Promise<void>;
  stop(): Promise<void>;
}

export async function startHallWithCallers(overrides: Record<string, unknown> = {}): Promise<HallCallers> {
  const clock = new HallClock();
  const t = await startHall({ clock, overrides: { ...generousLimits, ...overrides } });
  const windowId = 8;
  const cookies = {} as Record<StaffName, string>;
  for (const name of Object.keys(staffNumbers) as StaffName[]) cookies[name] = await t.login(staffNumbers[name]);
  const pair = async (role: string) => {
    const { code } = (await t.api('POST', '/api/devices/pairing-codes', { cookie: cookies.admin, body: { role, windowId } })).body;
    return (await t.api('POST', '/api/devices/pair', { body: { code, name: role } })).body.token as string;
  };
  const tokens: Partial<Record<CallerName, string>> = { kiosk: t.kioskToken, board: t.boardToken, pad: await pair('pad'), bridge: await pair('bridge') };

  // Each staff caller serves one visitor at the pad's window, so operations bound to "your own" visitor have one.
  const served = {} as Record<StaffName, number>;
  await t.api('POST', `/api/windows/${windowId}/status`, { cookie: cookies.staff, body: { status: 'open' } });
  for (const name of Object.keys(staffNumbers) as StaffName[]) {
    await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 6 } });
    const called = await t.api('POST', `/api/windows/${windowId}/call-next`, { cookie: cookies[name] });
    if (called.status !== 200) throw new Error(`setup: ${name} could not call at window ${windowId}: ${JSON.stringify(called.body)}`);
    await t.api('POST', `/api/windows/${windowId}/start`, { cookie: cookies[name] });
    await t.api('POST', `/api/windows/${windowId}/finish`, { cookie: cookies[name] });
    served[name] = called.body.id;
  }
  const phoneToken = (await t.api('POST', '/api/tickets', { body: { serviceId: 6, identity: { name: '访客', idNumber: idNumber('19800101', '123') } } })).body.token as string;

  const headers = (name: CallerName): Record<string, string> => {
    if (isStaff(name)) return { cookie: cookies[name] };
    if (name === 'phone') return { authorization: `Bearer ${phoneToken}` };
    const token = tokens[name];
    return token ? { authorization: `Bearer ${token}` } : {};
  };

  const sockets = new Map<CallerName, TestSocket>();
  let nextId = 0;
  const socketOf = async (name: CallerName): Promise<TestSocket> => {
    const open = sockets.get(name);
    if (open && open.ws.readyState === open.ws.OPEN) return open;
    let s: TestSocket;
    if (name === 'none') {
      s = new TestSocket(t.wsUrl);
      await s.opened;
    } else if (name === 'phone') {
      s = await TestSocket.open(t.wsUrl, { follow: { scope: 'ticket', ticketToken: phoneToken } });
      await s.next((m) => m.type === 'visit');
    } else {
      const follow = name === 'pad' || name === 'bridge' ? { scope: 'window', windowId } : { scope: 'hall' };
      s = isStaff(name) ? await TestSocket.open(t.wsUrl, { follow }, { cookie: cookies[name] }) : await TestSocket.open(t.wsUrl, { token: tokens[name], follow });
      await s.next((m) => m.type === 'snapshot');
    }
    sockets.set(name, s);
    return s;
  };

  return {
    t, clock, windowId, phoneToken,
    ticketOf: (name) => (isStaff(name) ? served[name] : served.staff),
    async http(name, request) {
      const h: Record<string, string> = { ...headers(name), ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}) };
      const res = await fetch(t.url + request.path, { method: request.method, headers: h, body: request.body, signal: AbortSignal.timeout(10_000) });
      const text = await res.text();
      let body: unknown = text;
      try { body = text ? JSON.parse(text) : null; } catch { /* not JSON: a file */ }
      return { status: res.status, body };
    },
    async command(name, commandName, args) {
      const s = await socketOf(name);
      const id = `c${++nextId}`;
      let onClose: (code: number) => void = () => {};
      const closed = new Promise<SocketAnswer>((resolve) => { onClose = (code) => resolve({ type: 'closed', code }); s.ws.once('close', onClose); });
      s.send({ type: 'command', id, name: commandName, args });
      try {
        return await Promise.race([s.next((m) => m.id === id, 5000), closed]);
      } finally {
        s.ws.off('close', onClose);
      }
    },
    async revive(only) {
      for (const name of Object.keys(staffNumbers) as StaffName[]) {
        if (only && only !== name) continue;
        if ((await t.api('GET', '/api/auth/me', { cookie: cookies[name] })).status === 200) continue;
        cookies[name] = await t.login(staffNumbers[name]);
        sockets.get(name)?.close();
        sockets.delete(name);
      }
    },
    async stop() {
      for (const s of sockets.values()) s.close();
      await t.stop();
    },
  };
}
