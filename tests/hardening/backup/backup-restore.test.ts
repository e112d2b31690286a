import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../support/browser.js';
import { startTestHall, type TestHall } from '../../support/hall-server.js';
import { freePort } from '../../server/child-hall.js';
import { HallClock } from '../../server/test-hall.js';
import { runOperatorTool } from '../../support/operator-tool.js';

const runRestore = (args: string[], env?: Record<string, string>) => runOperatorTool('server/backup/restore.ts', args, env);

const records = 6; // 不动产查询 (F), no ID card needed; window 8 serves it first

/**
 * A backup taken online while the hall works, the hall changed afterwards, then `npm run restore` with the server
 * stopped: the hall comes back exactly as it was when the backup was taken, and numbering carries on from there.
 */
describe('backing up and restoring the hall', () => {
  const dir = tempDir('hall-backup-');
  const clock = new HallClock('2026-03-10 10:00');
  let t: TestHall | undefined;
  const start = async (port: number) => startTestHall({
    dir: dir.path, clock: clock.now,
    overrides: { port, devices: { simulation: 'in-process' }, backup: { everyMinutes: 0, keep: 3 } },
  });
  // The demo kiosk's token is printed when the hall is first seeded; a restarted hall keeps the pairing.
  let kioskToken = '';
  const issue = async () => (await t!.api('POST', '/api/tickets', { token: kioskToken, body: { serviceId: records } })).body.ticket;
  const ticketRows = (path: string) => {
    const db = new Database(path, { readonly: true });
    try {
      return db.prepare('SELECT id, number, status, hall_day AS day FROM tickets ORDER BY id').all();
    } finally {
      db.close();
    }
  };
  afterEach(async () => {
    await t?.stop();
    t = undefined;
  });
  afterAll(() => dir.remove());

  it('restores a backup taken while the hall was working, and refuses while the server holds the database', async () => {
    const port = await freePort();
    t = await start(port);
    kioskToken = t.kioskToken;
    const staff = await t.openWindow('1001', 8);
    const issued = [await issue(), await issue(), await issue()];
    expect(issued.map((x) => x.number)).toEqual(['F001', 'F002', 'F003']);
    await t.api('POST', '/api/windows/8/call-next', { cookie: staff });
    // Tickets keep coming while the backup runs: it is a consistent snapshot, not a copy of a moving file.
    const during = Promise.all([issue(), issue()]);
    const backup = await t.hall.backups.runNow();
    await during;
    expect(statSync(backup.path).mode & 0o777).toBe(0o600);
    // What the backup holds is the truth to come back to: three tickets, plus those of the burst it caught.
    const atBackup = ticketRows(backup.path) as { number: string; status: string }[];
    expect(atBackup.length).toBeGreaterThanOrEqual(3);
    expect(atBackup.map((r) => r.number)).toEqual(['F001', 'F002', 'F003', 'F004', 'F005'].slice(0, atBackup.length));
    const lastSeqAtBackup = new Database(backup.path, { readonly: true }).prepare('SELECT MAX(seq) FROM events').pluck().get();

    // The hall goes on after the backup.
    const afterBackup = [await issue(), await issue()];
    await t.api('POST', '/api/windows/8/start', { cookie: staff });
    await t.api('POST', '/api/windows/8/finish', { cookie: staff });
    const dbPath = t.config.databasePath;
    const changed = ticketRows(dbPath);

    const refused = await runRestore([backup.path, '--db', dbPath]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('请先停止服务');
    expect(refused.stderr).toContain('Stop it first');
    expect(ticketRows(dbPath)).toEqual(changed);

    await t.stop();
    t = undefined;
    const restored = await runRestore([backup.path, '--db', dbPath]);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    // Every line speaks Chinese first, then English.
    const atBackupLine = `事件至第 ${lastSeqAtBackup} 条，号码 ${atBackup.length} 个，最后营业日 2026-03-10 Events up to seq ${lastSeqAtBackup}, ${atBackup.length} tickets`;
    expect(restored.stdout).toContain(atBackupLine);
    expect(restored.stdout).toMatch(/\n {2}原数据库保留为 The database it replaced is kept as \S+hall\.db\.before-restore-/);
    for (const line of restored.stdout.trim().split('\n')) expect(line).toMatch(/^\s*[\u4e00-\u9fff]/);
    // Staff are told from which number on a ticket may be given out twice, should the backup be today's.
    const lastAtBackup = atBackup[atBackup.length - 1].number;
    expect(restored.stdout).toContain(`备份中 2026-03-10 各号段最后的号 Last number of each series on 2026-03-10 in the backup: ${lastAtBackup}\n`);
    expect(restored.stdout).toContain('If that day is today, numbers after these may already have been given out');
    expect(readdirSync(dir.path).some((f) => f.startsWith('hall.db.before-restore-'))).toBe(true);
    // Read by the test and the restore alike, the backup has nothing beside it.
    expect(readdirSync(dirname(backup.path))).toEqual([backup.name]);

    t = await start(port);
    expect(ticketRows(dbPath)).toEqual(atBackup);
    expect((await (await fetch(`${t.url}/healthz`)).json()).seq).toBe(lastSeqAtBackup);
    const cookie = await t.login('1001');
    const hall = (await t.api('GET', '/api/hall', { cookie })).body;
    expect(hall.waiting.map((w: any) => w.number)).toEqual(atBackup.filter((r) => r.status === 'waiting').map((r) => r.number));
    expect(hall.windows.find((w: any) => w.number === 8).currentTicket?.number).toBe('F001');
    expect(hall.windows.find((w: any) => w.number === 8).currentTicket?.status).toBe('called');
    // Numbering carries on from the backup's last number: nothing after it is known to the restored hall.
    const next = await issue();
    expect(next.number).toBe(`F${String(atBackup.length + 1).padStart(3, '0')}`);
    expect(afterBackup.map((x) => x.number)).not.toContain(atBackup[atBackup.length - 1].number);
  });

  it('takes backups on the schedule by itself and rotates them', async () => {
    const port = await freePort();
    t = await startTestHall({
      dir: dir.path, clock: clock.now,
      overrides: { port, devices: { simulation: 'in-process' }, backup: { dir: join(dir.path, 'scheduled'), everyMinutes: 0.005, keep: 2 } },
    });
    const backups = t.hall.backups;
    await expect.poll(() => backups.list().length, { timeout: 5000 }).toBe(2);
    const first = backups.list()[0].name;
    await expect.poll(() => backups.list()[0].name, { timeout: 5000 }).not.toBe(first);
    expect(backups.list()).toHaveLength(2);
    for (const b of backups.list()) {
      const db = new Database(b.path, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    }
    await t.stop();
    t = undefined;
    // Checked by a reader and rotated, the backups leave nothing else in their folder.
    expect(readdirSync(backups.dir).sort()).toEqual(backups.list().map((b) => b.name));
  });

  it('keeps only the newest backups, and restores none that is damaged or not a hall database', async () => {
    t = await start(await freePort());
    kioskToken = t.kioskToken;
    const backupsDir = t.hall.backups.dir;
    writeFileSync(join(backupsDir, 'hall-2026-01-01T00-00-00-000Z.db.partial'), 'left by a crash');
    // What readers of backups still in WAL mode left beside them, one long since rotated away.
    for (const side of ['-wal', '-shm']) writeFileSync(join(backupsDir, `hall-2026-01-02T00-00-00-000Z.db${side}`), '');
    const taken = [];
    for (let i = 0; i < 5; i++) {
      await issue();
      taken.push(await t.hall.backups.runNow());
      if (i === 0) for (const side of ['-wal', '-shm']) writeFileSync(taken[0].path + side, '');
    }
    const kept = t.hall.backups.list().map((b) => b.name);
    expect(kept).toEqual(taken.slice(2).map((b) => b.name));
    expect(readdirSync(backupsDir).sort()).toEqual(kept);
    const dbPath = t.config.databasePath;
    await t.stop();
    t = undefined;
    const digest = () => createHash('sha256').update(readFileSync(dbPath)).digest('hex');
    const before = digest();

    const damaged = join(dir.path, 'damaged.db');
    copyFileSync(taken[4].path, damaged);
    const bytes = readFileSync(damaged);
    bytes.fill(0xa5, 4096 * 2, 4096 * 2 + 2000);
    writeFileSync(damaged, bytes);
    const refusedDamaged = await runRestore([damaged, '--db', dbPath]);
    expect(refusedDamaged.code).toBe(1);
    expect(refusedDamaged.stderr).toMatch(/备份文件已损坏|备份文件无法读取/);

    const stranger = join(dir.path, 'stranger.db');
    new Database(stranger).exec('CREATE TABLE notes (text TEXT)');
    const refusedStranger = await runRestore([stranger, '--db', dbPath]);
    expect(refusedStranger.code).toBe(1);
    expect(refusedStranger.stderr).toContain('not a backup of a hall database');
    expect(digest()).toBe(before);
    expect(existsSync(`${dbPath}.restoring`)).toBe(false);

    // A backup taken before backups left WAL mode is restored without anything left beside it either.
    const older = join(backupsDir, 'hall-2026-02-01T00-00-00-000Z.db');
    copyFileSync(taken[4].path, older);
    const walMode = new Database(older);
    walMode.pragma('journal_mode = WAL');
    walMode.close();
    expect(readFileSync(older)[18]).toBe(2); // the header still says WAL
    const restoredOlder = await runRestore([older, '--db', dbPath]);
    expect(restoredOlder.code).toBe(0);
    expect(readdirSync(backupsDir).sort()).toEqual([older, ...taken.slice(2).map((b) => b.path)].map((p) => basename(p)).sort());
  });
});
