import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createHall } from '../../server/hall.js';
import { takeDatabaseAlone } from '../../server/store/exclusive-use.js';
import { DatabaseInUseError, tryLockDatabase } from '../../server/store/instance-lock.js';
import { tempDir } from '../support/browser.js';
import type { TestHall } from '../support/hall-server.js';
import { runOperatorTool } from '../support/operator-tool.js';
import { childTimeoutMs, freePort, killAllHalls, spawnHall, startChildHall, type ChildHall } from './child-hall.js';
import { startHall } from './test-hall.js';

const records = 6; // 不动产查询 (F), no ID card needed

const ticketRows = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT id, number, status FROM tickets ORDER BY id').all() as { id: number; number: string; status: string }[];
  } finally {
    db.close();
  }
};

/** A hall server refused because another holds its database: the message names the file in both languages. */
function expectRefusedAsInUse(stderr: string, dbPath: string): void {
  expect(stderr).toContain(`另一个大厅服务正在使用数据库 ${dbPath}`);
  expect(stderr).toContain(`Another hall server is using the database ${dbPath}`);
}

describe('one hall server per database, in one process', () => {
  const dir = tempDir('hall-lock-');
  let t: TestHall | undefined;
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });
  afterAll(() => dir.remove());

  it('refuses a second hall on the same file and changes nothing; after close() a new one starts and numbers on', async () => {
    t = await startHall({ dir: dir.path });
    // Printed when the demo hall is seeded; a restarted hall keeps the pairing.
    const kioskToken = t.kioskToken;
    const issue = async () => (await t!.api('POST', '/api/tickets', { token: kioskToken, body: { serviceId: records } })).body.ticket;
    expect((await issue()).number).toBe('F001');
    const dbPath = t.config.databasePath;
    const before = ticketRows(dbPath);
    const seq = async () => (await (await fetch(`${t!.url}/healthz`)).json()).seq;
    const seqBefore = await seq();

    const second = await createHall(t.config, { log: pino({ level: 'silent' }) }).then(() => null, (err: unknown) => err);
    expect(second).toBeInstanceOf(DatabaseInUseError);
    expectRefusedAsInUse((second as Error).message, dbPath);
    expect(ticketRows(dbPath)).toEqual(before);
    expect(await seq()).toBe(seqBefore);

    // The first hall goes on numbering from its own count, the refused one having given out nothing.
    expect((await issue()).number).toBe('F002');
    expect(ticketRows(dbPath).map((r) => r.number)).toEqual(['F001', 'F002']);

    await t.stop();
    t = await startHall({ dir: dir.path });
    expect((await issue()).number).toBe('F003');
  });

  it('lets an operator tool and a hall exclude each other through the same lock', async () => {
    t = await startHall({ dir: dir.path });
    const dbPath = t.config.databasePath;
    expect(takeDatabaseAlone(dbPath)).toBeNull();
    await t.stop();
    t = undefined;

    const tool = takeDatabaseAlone(dbPath)!;
    expect(tool).not.toBeNull();
    const refused = await startHall({ dir: dir.path }).then(() => null, (err: unknown) => err);
    expect(refused).toBeInstanceOf(DatabaseInUseError);
    tool.release();
    t = await startHall({ dir: dir.path });
  });

  it('refuses the restore and the admin reset while the hall holds its lock, even with the database itself free', async () => {
    // The hall takes the lock before it opens the database: a start still on its way has the file to itself.
    t = await startHall({ dir: dir.path });
    const dbPath = t.config.databasePath;
    const backup = await t.hall.backups.runNow();
    await t.stop();
    t = undefined;
    const starting = tryLockDatabase(dbPath)!;
    try {
      const before = ticketRows(dbPath);
      const restore = await runOperatorTool('server/backup/restore.ts', [backup.path, '--db', dbPath]);
      expect(restore.code).toBe(1);
      expect(restore.stderr).toContain('请先停止服务');
      const reset = await runOperatorTool('scripts/reset-admin.ts', [], { HALL_DB: dbPath, HALL_SECRETS_PATH: join(dir.path, 'secrets.json') });
      expect(reset.code).toBe(1);
      expect(reset.stderr).toContain('Stop it first');
      expect(ticketRows(dbPath)).toEqual(before);
      expect(existsSync(`${dbPath}.restoring`)).toBe(false);
    } finally {
      starting.release();
    }
  }, 60_000);
});

describe('one hall server per database, as `npm start` runs it', () => {
  const dir = tempDir('hall-lock-process-');
  afterAll(async () => {
    await killAllHalls();
    dir.remove();
  });
  const envIn = (sub: string, extra: Record<string, string> = {}) => ({
    HALL_DB: join(dir.path, sub, 'hall.db'), HALL_SECRETS_PATH: join(dir.path, sub, 'secrets.json'),
    HALL_ADMIN_PASSWORD: 'lock-test-password', HALL_LOG_LEVEL: 'warn', ...extra,
  });
  const kioskTokenOf = (hall: ChildHall) => /kiosk screen: \S+\?token=(\S+)/.exec(hall.stdout())![1];
  const login = async (url: string) => {
    const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ staffNumber: 'S01', password: 'lock-test-password' }) });
    return res.headers.get('set-cookie')!.split(';')[0];
  };
  const kioskStatus = async (url: string, cookie: string) => (await (await fetch(`${url}/api/devices/status`, { headers: { cookie } })).json()).kiosks[0];
  const socatFor = (path: string) => {
    try {
      return execFileSync('pgrep', ['-f', path]).toString().trim();
    } catch {
      return ''; // pgrep finds none
    }
  };

  it('refuses a second start on the same database or port, and the first hall keeps its printer and card reader', async () => {
    const port = await freePort();
    const first = await startChildHall(port, envIn('first'));
    const kioskToken = kioskTokenOf(first);
    const cookie = await login(first.url);
    const online = { reader: { connected: true, samOk: true }, printer: { connected: true, condition: null } };
    await expect.poll(() => kioskStatus(first.url, cookie), { timeout: 10_000 }).toMatchObject(online);

    const sameDatabase = spawnHall({ ...envIn('first'), HALL_HOST: '127.0.0.1', HALL_PORT: String(await freePort()) });
    expect(await sameDatabase.exited).toBe(2);
    expectRefusedAsInUse(sameDatabase.stderr(), join(dir.path, 'first', 'hall.db'));
    expect(sameDatabase.stdout()).not.toContain('listening on');

    // Another database on the same port: refused too, its own simulated devices stopped again.
    const samePort = spawnHall({ ...envIn('second'), HALL_HOST: '127.0.0.1', HALL_PORT: String(port) });
    expect(await samePort.exited).toBe(2);
    expect(samePort.stderr()).toContain(`端口 ${port} 已被其他程序占用`);
    expect(samePort.stderr()).toContain(`Port ${port} is in use by another program`);
    const secondLinks = join(dir.path, 'second', 'simulated-devices');
    expect(existsSync(secondLinks) ? readdirSync(secondLinks) : []).toEqual([]);
    expect(socatFor(secondLinks)).toBe('');
    // Refused before anything was written: a first install on a busy port must not seed the demo hall and lose its
    // one-time password and device links with the refusal. Started again on a free port, it shows them.
    expect(existsSync(join(dir.path, 'second', 'hall.db'))).toBe(false);
    const second = await startChildHall(await freePort(), envIn('second'));
    expect(second.stdout()).toContain('Demo hall created');
    expect(second.stdout()).toMatch(/kiosk screen: \S+\?token=/);
    second.process.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    // The first hall's kiosk still reads cards and prints tickets.
    expect(await kioskStatus(first.url, cookie)).toMatchObject(online);
    const issued = await fetch(`${first.url}/api/tickets`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${kioskToken}` }, body: JSON.stringify({ serviceId: records }),
    }).then((r) => r.json());
    expect(issued.ticket.number).toBe('F001');
    expect(issued.print).toEqual({ ok: true });
    const printed = await fetch(`${first.url}/api/devices/simulated/printer/last`, { headers: { authorization: `Bearer ${kioskToken}` } }).then((r) => r.json());
    expect(printed.lines.join('\n')).toContain('F001');

    first.process.kill('SIGTERM');
    expect(await first.exited).toBe(0);
  }, childTimeoutMs);

  it('lets go of the database when the hall is killed with SIGKILL, so the next start works', async () => {
    // In-process simulators: a killed hall cannot stop socat.
    const config = join(dir.path, 'in-process.json');
    writeFileSync(config, JSON.stringify({ devices: { simulation: 'in-process' } }));
    const env = envIn('killed', { HALL_CONFIG: config });
    const port = await freePort();
    const first = await startChildHall(port, env);
    const kioskToken = kioskTokenOf(first);
    const issue = () => fetch(`${first.url}/api/tickets`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${kioskToken}` }, body: JSON.stringify({ serviceId: records }),
    }).then((r) => r.json());
    expect((await issue()).ticket.number).toBe('F001');
    first.process.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');

    const again = await startChildHall(port, env);
    const next = await fetch(`${again.url}/api/tickets`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${kioskToken}` }, body: JSON.stringify({ serviceId: records }),
    }).then((r) => r.json());
    expect(next.ticket.number).toBe('F002');
    again.process.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, childTimeoutMs);
});
