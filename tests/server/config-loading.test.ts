import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { migrate, openDatabase } from '../../server/store/database.js';
import { startHall } from './test-hall.js';
import { childTimeoutMs, killAllHalls, spawnHall } from './child-hall.js';

const migrationFiles = readdirSync(join(dirname(fileURLToPath(import.meta.url)), '../../sql')).filter((f) => /^\d+_.*\.sql$/.test(f));

function refusal(load: () => unknown): string {
  try {
    load();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('the hall configuration', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hall-config-'));
  });
  afterEach(async () => {
    await killAllHalls();
    rmSync(dir, { recursive: true, force: true });
  });
  const file = (content: unknown) => {
    const path = join(dir, 'hall.config.json');
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  it('stops on a bad environment value with a message naming the key and the variable', () => {
    expect(refusal(() => loadConfig({ HALL_PORT: 'abc' }))).toMatch(/^\s*port \(HALL_PORT\): /m);
    expect(refusal(() => loadConfig({ HALL_TZ: 'Mars/Base' }))).toMatch(/^\s*timeZone \(HALL_TZ\): .*time zone/m);
    expect(refusal(() => loadConfig({ HALL_SYNCHRONOUS: 'sometimes' }))).toMatch(/^\s*synchronous \(HALL_SYNCHRONOUS\): .*FULL/m);
    expect(refusal(() => loadConfig({ HALL_RED_WAIT_MINUTES: '0' }))).toMatch(/^\s*thresholds\.redWaitMinutes \(HALL_RED_WAIT_MINUTES\): /m);
    expect(refusal(() => loadConfig({ HALL_VAULT_KEY: 'short' }))).toMatch(/^\s*secrets\.vaultKey \(HALL_VAULT_KEY\): /m);
  });

  it('stops on a bad file value, an unknown key or an unreadable file with a message naming it', () => {
    expect(refusal(() => loadConfig({ HALL_CONFIG: file({ port: 'abc' }) }))).toMatch(/^\s*port: /m);
    expect(refusal(() => loadConfig({ HALL_CONFIG: file({ rateLimit: { publicPerMinute: 0 } }) }))).toMatch(/^\s*rateLimit\.publicPerMinute: /m);
    expect(refusal(() => loadConfig({ HALL_CONFIG: file({ prot: 8080 }) }))).toContain("'prot'");
    const broken = file('{ "port": 8080,');
    expect(refusal(() => loadConfig({ HALL_CONFIG: broken }))).toContain(broken);
  });

  it('takes the file first and lets the environment override it', () => {
    const path = file({ port: 9000, timeZone: 'Asia/Urumqi', rateLimit: { publicPerMinute: 7 } });
    const config = loadConfig({ HALL_CONFIG: path, HALL_PORT: '9100' });
    expect(config).toMatchObject({ port: 9100, timeZone: 'Asia/Urumqi', rateLimit: { publicPerMinute: 7 }, synchronous: 'FULL' });
  });

  it('makes the server exit with status 2 and the message when started with a bad value', async () => {
    const child = spawnHall({ HALL_TZ: 'Mars/Base', HALL_DB: join(dir, 'hall.db'), HALL_SECRETS_PATH: join(dir, 'secrets.json') });
    expect(await child.exited).toBe(2);
    expect(child.stderr()).toContain('timeZone (HALL_TZ): not a known IANA time zone');
  }, childTimeoutMs);

  it('applies each migration once and records it', () => {
    const path = join(dir, 'hall.db');
    const first = openDatabase(path);
    const recorded = first.prepare('SELECT version, applied_at AS appliedAt FROM schema_migrations ORDER BY version').all() as { version: number; appliedAt: number }[];
    expect(recorded.map((r) => r.version)).toEqual(migrationFiles.map((f) => Number.parseInt(f, 10)).sort((a, b) => a - b));
    expect(migrate(first)).toEqual([]);
    first.close();

    const again = openDatabase(path);
    expect(again.prepare('SELECT version, applied_at AS appliedAt FROM schema_migrations ORDER BY version').all()).toEqual(recorded);
    expect(again.prepare("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'tickets'").pluck().get()).toBe(1);
    again.close();
  });

  it('keeps every acknowledged command on disk (FULL) by default, and only a crash-safe journal with NORMAL', async () => {
    const t = await startHall();
    try {
      expect(t.config.synchronous).toBe('FULL');
      expect(t.hall.db.pragma('journal_mode', { simple: true })).toBe('wal');
      const before = t.hall.ctx.runner.wal.syncs;
      const res = await t.api('POST', '/api/tickets', { body: { serviceId: 6 }, token: t.kioskToken });
      expect(res.status).toBe(201);
      expect(t.hall.ctx.runner.wal.syncs).toBeGreaterThan(before);
    } finally {
      await t.stop();
    }
    const fast = await startHall({ overrides: { synchronous: loadConfig({ HALL_SYNCHRONOUS: 'NORMAL' }).synchronous } });
    try {
      expect((await fast.api('POST', '/api/tickets', { body: { serviceId: 6 }, token: fast.kioskToken })).status).toBe(201);
      expect(fast.hall.ctx.runner.wal.syncs).toBe(0);
    } finally {
      await fast.stop();
    }
  });
});
