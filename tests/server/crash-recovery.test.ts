import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { childTimeoutMs, freePort, killAllHalls, startChildHall } from './child-hall.js';

const serviceF = 6;

interface Acknowledged { number: string; token: string }

/**
 * Workers issue tickets back to back until the hall stops answering; the hall is killed once `killAfter` are
 * acknowledged, so every worker is still sending when it dies. Only answers that arrived whole count.
 */
async function burstUntilDead(url: string, kioskToken: string, workers: number, killAfter: number, kill: () => void) {
  const acked: Acknowledged[] = [];
  const refusedBeforeKill: string[] = [];
  let cutOff = 0;
  let killed = false;
  const worker = async () => {
    for (;;) {
      try {
        const res = await fetch(`${url}/api/tickets`, {
          method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${kioskToken}` },
          body: JSON.stringify({ serviceId: serviceF }),
        });
        const body = await res.json();
        if (res.status === 201) acked.push({ number: body.ticket.number, token: body.token });
        else refusedBeforeKill.push(`${res.status} ${body.code}`);
      } catch {
        if (killed) cutOff++;
        else refusedBeforeKill.push('connection failed before the kill');
        return;
      }
      if (!killed && acked.length >= killAfter) {
        killed = true;
        kill();
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return { acked, refusedBeforeKill, cutOff };
}

describe('a hall killed with SIGKILL in the middle of a ticket burst', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hall-crash-'));
  });
  afterEach(async () => {
    await killAllHalls();
    rmSync(dir, { recursive: true, force: true });
  });

  it('still has every ticket it acknowledged after a restart, and numbers on without reusing any', async () => {
    const port = await freePort();
    // Public reads are rate-limited; the checks below read every acknowledged ticket by its token. The simulated
    // hardware stays in process: a killed hall cannot clean up pty pairs.
    writeFileSync(join(dir, 'hall.config.json'), JSON.stringify({ rateLimit: { publicPerMinute: 100_000 }, devices: { simulation: 'in-process' } }));
    const env = {
      HALL_CONFIG: join(dir, 'hall.config.json'), HALL_DB: join(dir, 'hall.db'), HALL_SECRETS_PATH: join(dir, 'secrets.json'),
      HALL_ADMIN_PASSWORD: 'crash-test-password', HALL_LOG_LEVEL: 'warn',
    };
    const first = await startChildHall(port, env);
    const kioskToken = /kiosk screen: \S+\?token=(\S+)/.exec(first.stdout())?.[1];
    expect(kioskToken, first.stdout()).toBeTruthy();

    const { acked, refusedBeforeKill, cutOff } = await burstUntilDead(first.url, kioskToken!, 24, 60, () => first.process.kill('SIGKILL'));
    expect(await first.exited).toBe('SIGKILL');
    expect(refusedBeforeKill).toEqual([]);
    expect(acked.length).toBeGreaterThanOrEqual(60);
    expect(cutOff).toBe(24); // every worker was still sending when the hall died

    const second = await startChildHall(port, env);
    for (const { number, token } of acked) {
      const res = await fetch(`${second.url}/api/visits/${token}`);
      expect(res.status, number).toBe(200);
      expect((await res.json()).ticket.number).toBe(number);
    }

    const db = new Database(env.HALL_DB, { readonly: true });
    const lastSeq = db.prepare('SELECT MAX(seq) FROM events').pluck().get();
    expect((await (await fetch(`${second.url}/healthz`)).json()).seq).toBe(lastSeq);
    const stored = db.prepare('SELECT hall_day AS day, seq_no AS seqNo, number FROM tickets WHERE service_id = ? ORDER BY seq_no').all(serviceF) as { day: string; seqNo: number; number: string }[];
    const issuedEvents = db.prepare("SELECT COUNT(*) FROM events WHERE type = 'ticket.issued'").pluck().get();
    db.close();
    expect(stored.length).toBe(issuedEvents);
    const storedNumbers = stored.map((s) => s.number);
    for (const { number } of acked) expect(storedNumbers).toContain(number);

    const next = await fetch(`${second.url}/api/tickets`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${kioskToken}` },
      body: JSON.stringify({ serviceId: serviceF }),
    });
    expect(next.status).toBe(201);
    const { ticket } = await next.json();
    const sameDay = stored.filter((s) => s.day === ticket.hallDay);
    // Numbers of a day run 1..n with no gap (a committed but unanswered ticket still holds its number) ...
    expect(sameDay.map((s) => s.seqNo)).toEqual(sameDay.map((_, i) => i + 1));
    // ... and the restarted hall carries on after the last one.
    expect(ticket.number).toBe(`F${String(sameDay.length + 1).padStart(3, '0')}`);
    expect(sameDay.map((s) => s.number)).not.toContain(ticket.number);
  }, childTimeoutMs);
});
