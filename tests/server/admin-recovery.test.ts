import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../support/hall-server.js';
import { runOperatorTool } from '../support/operator-tool.js';

/** Runs the recovery command as the README tells an operator to, with only the given HALL_* settings. */
const resetAdmin = (args: string[], env: Record<string, string>) => runOperatorTool('scripts/reset-admin.ts', args, env);

/**
 * A hall whose only admin was deactivated before the last-admin rule existed (written straight into the database,
 * as an old installation would hold it) gets its admin back with the documented command, run with the hall stopped.
 */
describe('getting an admin back into a locked-out hall', () => {
  let dir: string;
  let t: TestHall | null = null;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'hall-recovery-'));
  });
  afterEach(async () => {
    await t?.stop();
    t = null;
    rmSync(dir, { recursive: true, force: true });
  });
  const env = () => ({ HALL_DB: join(dir, 'hall.db'), HALL_SECRETS_PATH: join(dir, 'secrets.json') });

  it('re-activates the admin account with a new password shown once, refusing while the hall runs', async () => {
    t = await startTestHall({ dir });
    const admin = await t.login('admin');
    const me = (await t.api('GET', '/api/staff', { cookie: admin })).body.find((s: { number: string }) => s.number === 'admin');
    // The lock-out as it happened before the rule: the account deactivated behind the core's back.
    t.hall.db.prepare("UPDATE staff SET json = json_set(json, '$.active', json('false')) WHERE id = ?").run(me.id);

    const whileRunning = await resetAdmin([], env());
    expect(whileRunning.code).toBe(1);
    expect(whileRunning.stderr).toContain('请先停止服务');

    await t.stop();
    t = await startTestHall({ dir });
    expect((await t.api('POST', '/api/auth/login', { body: { staffNumber: 'admin', password: t.adminPassword } })).body.code).toBe('ACCOUNT_DEACTIVATED');
    await t.stop();
    t = null;

    const run = await resetAdmin([], env());
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const password = /\(shown once\): (\S+)/.exec(run.stdout)?.[1];
    expect(password).toBeTruthy();

    t = await startTestHall({ dir });
    expect((await t.api('POST', '/api/auth/login', { body: { staffNumber: 'admin', password: t.adminPassword } })).body.code).toBe('BAD_CREDENTIALS');
    const back = await t.api('POST', '/api/auth/login', { body: { staffNumber: 'admin', password } });
    expect(back.status).toBe(200);
    expect(back.body.staff).toMatchObject({ number: 'admin', role: 'admin', active: true });
    // The audit log says what happened, done by the system.
    const cookie = await fetch(`${t.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ staffNumber: 'admin', password }) })
      .then((r) => r.headers.get('set-cookie')!.split(';')[0]);
    const events = (await t.api('GET', '/api/events?afterSeq=0&limit=1000', { cookie })).body;
    expect(events.at(-1)).toMatchObject({ type: 'config.saved', actor: { kind: 'system' }, payload: { entity: 'staff', item: { number: 'admin', active: true } } });
  }, 90_000);
});
