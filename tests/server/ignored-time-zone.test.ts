import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ignoredTimeZoneWarning, loadConfig } from '../../server/config.js';
import { tempDir } from '../support/browser.js';
import { childTimeoutMs, freePort, killAllHalls, startChildHall } from './child-hall.js';

/**
 * HALL_TZ seeds the hall's time zone on the first start; afterwards the hall keeps the one in its settings (the admin
 * screen changes it), and a start with another HALL_TZ says so instead of ignoring it without a word.
 */
describe('a time zone in the config that the hall no longer uses', () => {
  const dir = tempDir('hall-tz-');
  afterAll(async () => {
    await killAllHalls();
    dir.remove();
  });

  it('is named in a warning at start, with the time zone the hall uses and where to change it', async () => {
    const config = join(dir.path, 'in-process.json');
    writeFileSync(config, JSON.stringify({ devices: { simulation: 'in-process' } }));
    const env = {
      HALL_CONFIG: config, HALL_DB: join(dir.path, 'hall.db'), HALL_SECRETS_PATH: join(dir.path, 'secrets.json'),
      HALL_ADMIN_PASSWORD: 'tz-test-password', HALL_LOG_LEVEL: 'warn',
    };
    const port = await freePort();
    const seeded = await startChildHall(port, { ...env, HALL_TZ: 'Asia/Shanghai' });
    seeded.process.kill('SIGTERM');
    expect(await seeded.exited).toBe(0);
    expect(seeded.stdout()).not.toContain('未生效');

    const moved = await startChildHall(port, { ...env, HALL_TZ: 'Asia/Urumqi' });
    // The log is written asynchronously; it may come after the line saying the hall listens.
    await expect.poll(() => moved.stdout()).toContain('"hallTimeZone"');
    const warning = moved.stdout().split('\n').filter((l) => l.includes('HALL_TZ')).map((l) => JSON.parse(l));
    expect(warning).toHaveLength(1);
    expect(warning[0]).toMatchObject({ level: 40, configured: 'Asia/Urumqi', hallTimeZone: 'Asia/Shanghai' });
    expect(warning[0].msg).toContain('HALL_TZ = Asia/Urumqi 未生效：大厅使用已保存的时区 Asia/Shanghai，请在管理后台“大厅设置”中修改');
    expect(warning[0].msg).toContain('the hall keeps its saved time zone Asia/Shanghai; change it in the admin screen, Hall settings');
    // And the hall does keep its own.
    const login = await fetch(`${moved.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ staffNumber: 'admin', password: 'tz-test-password' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    expect((await (await fetch(`${moved.url}/api/settings`, { headers: { cookie } })).json()).timeZone).toBe('Asia/Shanghai');
    moved.process.kill('SIGTERM');
    expect(await moved.exited).toBe(0);
  }, childTimeoutMs);

  it('names the config file when the time zone comes from there, and says nothing when none was given or it agrees', () => {
    const file = join(dir.path, 'hall.config.json');
    writeFileSync(file, JSON.stringify({ timeZone: 'Asia/Urumqi' }));
    const fromFile = loadConfig({ HALL_CONFIG: file });
    expect(ignoredTimeZoneWarning(fromFile, 'Asia/Shanghai', { HALL_CONFIG: file })).toContain(`timeZone (${file}) = Asia/Urumqi 未生效`);
    expect(ignoredTimeZoneWarning(fromFile, 'Asia/Urumqi', { HALL_CONFIG: file })).toBeNull();
    // An admin moved the hall to another zone and nobody set one in the config: the default is not a choice to warn about.
    const plain = join(dir.path, 'plain.json');
    writeFileSync(plain, JSON.stringify({ port: 9000 }));
    expect(ignoredTimeZoneWarning(loadConfig({ HALL_CONFIG: plain }), 'Asia/Urumqi', { HALL_CONFIG: plain })).toBeNull();
  });
});
