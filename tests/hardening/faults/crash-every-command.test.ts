import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { childTimeoutMs, freePort, killAllHalls, startChildHall } from '../../server/child-hall.js';
import { configLane, eventKeySql, windowLane, type Burst, type HallClient, type LaneResult } from './command-lanes.js';

const password = 'crash-lanes-password';
/** Windows with services no other lane's window serves; transfers go to services whose windows stay closed. */
const lanes = [
  { lane: 0, windowId: 1, serviceId: 1, transferTo: 3, staff: '1001' },
  { lane: 1, windowId: 5, serviceId: 4, transferTo: 6, staff: '1002' },
  { lane: 2, windowId: 9, serviceId: 7, transferTo: 6, staff: '1003' },
  { lane: 3, windowId: 10, serviceId: 8, transferTo: 3, staff: '1004' },
];
const renamedService = 6;
const killAfterAcks = 240;

function client(url: string, cookie: string): HallClient {
  const send = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(url + path, {
      method, headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.json() };
  };
  return { get: (path) => send('GET', path), post: (path, body) => send('POST', path, body), put: (path, body) => send('PUT', path, body) };
}

/**
 * Every kind of command runs in parallel lanes (each a window's day on a loop, plus an admin changing config) until
 * the hall is killed with SIGKILL mid-burst. After a restart every acknowledged change is in the event log, at
 * most the one command each lane had in flight was stored without its answer, and every table agrees with the
 * log that wrote it.
 */
describe('a hall killed with SIGKILL during bursts of every command type', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hall-crash-all-'));
  });
  afterEach(async () => {
    await killAllHalls();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged change, and its tables agree with its log', async () => {
    const port = await freePort();
    writeFileSync(join(dir, 'hall.config.json'), JSON.stringify({ rateLimit: { publicPerMinute: 100_000 }, devices: { simulation: 'in-process' } }));
    const env = {
      HALL_CONFIG: join(dir, 'hall.config.json'), HALL_DB: join(dir, 'hall.db'), HALL_SECRETS_PATH: join(dir, 'secrets.json'),
      HALL_ADMIN_PASSWORD: password, HALL_LOG_LEVEL: 'warn',
    };
    const first = await startChildHall(port, env);
    const login = async (staffNumber: string) => {
      const res = await fetch(`${first.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ staffNumber, password }) });
      expect(res.status).toBe(200);
      return res.headers.get('set-cookie')!.split(';')[0];
    };
    const admin = client(first.url, await login('admin'));
    const service = (await admin.get('/api/services')).body.find((s: { id: number }) => s.id === renamedService);
    const baseline = (await admin.get('/healthz')).body.seq as number;
    const clients = await Promise.all(lanes.map(async (spec) => client(first.url, await login(spec.staff))));

    // Killed once enough changes are acknowledged, while every lane is still sending.
    let acks = 0;
    let killed = false;
    const burst: Burst = {
      dead: () => killed,
      acked: () => {
        if (++acks < killAfterAcks || killed) return;
        killed = true;
        first.process.kill('SIGKILL');
      },
    };
    const finished: LaneResult[] = await Promise.all([
      ...lanes.map((spec, i) => windowLane(clients[i], spec, burst)),
      configLane(admin, service, burst),
    ]);
    expect(await first.exited).toBe('SIGKILL');
    expect(finished.flatMap((r) => r.refused)).toEqual([]);
    expect(finished.every((r) => r.cutOff)).toBe(true);

    const second = await startChildHall(port, env);
    const db = new Database(env.HALL_DB, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Map<string, number>();
      for (const row of db.prepare(`SELECT type, ${eventKeySql} AS key, COUNT(*) AS n FROM events WHERE seq > ? GROUP BY type, key`).all(baseline) as { type: string; key: number; n: number }[]) {
        stored.set(`${row.type} ${row.key}`, row.n);
      }
      const acked = new Map<string, number>();
      for (const a of finished.flatMap((r) => r.acks)) acked.set(`${a.type} ${a.key}`, (acked.get(`${a.type} ${a.key}`) ?? 0) + 1);
      const types = new Set([...acked.keys()].map((k) => k.split(' ')[0]));
      expect([...types].sort()).toEqual(['appointment.booked', 'config.saved', 'rating.recorded', 'ticket.called', 'ticket.cancelled', 'ticket.finished',
        'ticket.issued', 'ticket.noShow', 'ticket.recalled', 'ticket.requeued', 'ticket.started', 'ticket.transferred', 'window.statusChanged']);
      const lost = [...acked].filter(([key, n]) => (stored.get(key) ?? 0) < n);
      expect(lost, 'acknowledged changes missing after the restart').toEqual([]);
      const extra = [...stored].reduce((sum, [key, n]) => sum + n - (acked.get(key) ?? 0), 0);
      expect(extra, 'changes stored beyond those acknowledged').toBeLessThanOrEqual(finished.length);
      expect(finished.reduce((n, r) => n + r.acks.length, 0)).toBeGreaterThanOrEqual(killAfterAcks);

      // Every ticket row is what the last event about it said; every window's counter holds what its tickets say.
      const lastSaid = new Map<number, string>();
      for (const { payload } of db.prepare("SELECT payload FROM events WHERE type LIKE 'ticket.%' OR type = 'appointment.checkedIn' ORDER BY seq").all() as { payload: string }[]) {
        const p = JSON.parse(payload);
        for (const t of [p.ticket, p.next]) if (t) lastSaid.set(t.id, JSON.stringify(t));
      }
      const rows = db.prepare('SELECT id, json, status, window_id AS windowId FROM tickets').all() as { id: number; json: string; status: string; windowId: number | null }[];
      for (const r of rows) expect(JSON.parse(r.json), `ticket ${r.id}`).toEqual(JSON.parse(lastSaid.get(r.id)!));
      const runtimes = new Map((db.prepare('SELECT window_id AS id, json FROM window_runtime').all() as { id: number; json: string }[]).map((r) => [r.id, JSON.parse(r.json)]));
      for (const r of rows.filter((x) => x.status === 'called' || x.status === 'serving')) expect(runtimes.get(r.windowId!).currentTicketId, `ticket ${r.id}`).toBe(r.id);
      expect((await (await fetch(`${second.url}/healthz`)).json()).seq).toBe(db.prepare('SELECT MAX(seq) FROM events').pluck().get());
    } finally {
      db.close();
    }
  }, childTimeoutMs);
});
