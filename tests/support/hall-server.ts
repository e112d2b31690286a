import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadConfig, type Config } from '../../server/config.js';
import { createHall, type Hall } from '../../server/hall.js';
import type { SyncFile } from '../../server/store/wal-sync.js';

export interface TestHall {
  hall: Hall;
  url: string;
  wsUrl: string;
  dir: string;
  config: Config;
  adminPassword: string;
  kioskToken: string;
  boardToken: string;
  /** Logs in and returns the session cookie header value. */
  login(staffNumber: string): Promise<string>;
  /** Logs in and opens a window as that staff member, as a pad does at the start of a shift; returns the cookie. */
  openWindow(staffNumber: string, window: number): Promise<string>;
  api(method: string, path: string, options?: { body?: unknown; cookie?: string; token?: string; raw?: string }): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

export const testPassword = 'hall-test-password';

/**
 * A real hall on a real port, on a real SQLite file built by the real migrations, with the demo hall seeded.
 * `clock` lets a test move the hall's time; the default is the real clock.
 */
export async function startTestHall(options: { clock?: () => number; overrides?: Record<string, unknown>; dir?: string; syncFile?: SyncFile } = {}): Promise<TestHall> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'hall-test-'));
  const config = loadConfig({}, {
    host: '127.0.0.1', port: 0, databasePath: join(dir, 'hall.db'), secretsPath: join(dir, 'secrets.json'),
    // No simulators unless a test asks: a hall per test would otherwise start socat and the whole simulated kit.
    adminPassword: testPassword, logLevel: 'silent', devices: { simulate: false }, ...options.overrides,
  });
  const hall = await createHall(config, { clock: options.clock, log: pino({ level: 'silent' }), syncFile: options.syncFile });
  const url = await hall.listen();
  const token = (role: string) => hall.seed?.devices.find((d) => d.role === role)?.token ?? '';
  const api: TestHall['api'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = {};
    if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] = 'application/json';
    if (opts.cookie) headers.cookie = opts.cookie;
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    const res = await fetch(url + path, { method, headers, body: opts.raw ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const login: TestHall['login'] = async (staffNumber) => {
    const res = await fetch(url + '/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ staffNumber, password: testPassword }) });
    if (res.status !== 200) throw new Error(`login ${staffNumber} failed: ${res.status}`);
    return res.headers.get('set-cookie')!.split(';')[0];
  };
  return {
    hall, url, wsUrl: url.replace('http', 'ws') + '/ws', dir, config, adminPassword: testPassword,
    kioskToken: token('kiosk'), boardToken: token('board'),
    api, login,
    async openWindow(staffNumber, window) {
      const cookie = await login(staffNumber);
      const res = await api('POST', `/api/windows/${window}/status`, { cookie, body: { status: 'open' } });
      if (res.status !== 200) throw new Error(`window ${window} did not open: ${res.status} ${JSON.stringify(res.body)}`);
      return cookie;
    },
    async stop() {
      await hall.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
