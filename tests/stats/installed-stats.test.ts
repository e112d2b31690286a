import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { childTimeoutMs, freePort, killAllHalls, startChildHall } from '../server/child-hall.js';
import { readXlsx } from './read-exports.js';

/**
 * The statistics thread in the hall as `npm start` runs it: the bundle starts the thread's module from beside
 * itself (build/server/stats-worker.js), where sources would start the TypeScript module.
 */
describe('statistics in the installed hall (the server bundle)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hall-installed-stats-'));
  afterAll(async () => {
    await killAllHalls();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a report and an export from its statistics thread', async () => {
    const password = 'installed-stats-password';
    const hall = await startChildHall(await freePort(), {
      HALL_DB: join(dir, 'hall.db'), HALL_SECRETS_PATH: join(dir, 'secrets.json'), HALL_LOG_LEVEL: 'warn', HALL_ADMIN_PASSWORD: password,
    });
    const login = await fetch(`${hall.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ staffNumber: 'admin', password }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const report = await fetch(`${hall.url}/api/stats?from=2026-01-01&to=2026-01-31&by=service`, { headers: { cookie } });
    expect(report.status).toBe(200);
    const body = await report.json();
    expect(body.total).toMatchObject({ key: 'total', tickets: 0 });
    expect(body.rows).toEqual([]);
    const file = await fetch(`${hall.url}/api/stats/window-report/export?month=2026-01&format=xlsx`, { headers: { cookie } });
    expect(file.status).toBe(200);
    expect((await readXlsx(Buffer.from(await file.arrayBuffer())))[0][0]).toBe('排名 Rank');
    hall.process.kill('SIGTERM');
    expect(await hall.exited).toBe(0);
    expect(hall.stderr()).not.toMatch(/Error|error/);
  }, childTimeoutMs);
});
