import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestHall } from '../support/hall-server.js';

describe('npm run simulators', () => {
  it('prints the device paths to configure, and a hall configured with them prints its tickets there', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-kit-test-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'drivers/simulators/run-all.ts', '--dir', join(dir, 'kit')], { stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
    let out = '';
    child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
    let hall: Awaited<ReturnType<typeof startTestHall>> | null = null;
    try {
      await expect.poll(() => /\n\}\n/.test(out), { timeout: 15_000, interval: 50 }).toBe(true);
      const { devices } = JSON.parse(out.slice(out.indexOf('{\n'), out.indexOf('\n}\n') + 2));
      expect(devices.kiosks[0].reader.path).toBe(join(dir, 'kit', 'kiosk1-reader'));
      expect(devices.kiosks[0].printer).toEqual({ serial: join(dir, 'kit', 'kiosk1-printer') });
      expect(devices.ledLines[0]).toEqual({ path: join(dir, 'kit', 'window-signs'), framer: 'onbon-bx5k' });

      // The simulators run in another process that a busy test machine may starve: give the printer time to answer.
      devices.kiosks[0].printerStatusTimeoutMs = 3000;
      hall = await startTestHall({ overrides: { devices } });
      const admin = await hall.login('admin');
      await expect.poll(async () => (await hall!.api('GET', '/api/devices/status', { cookie: admin })).body.kiosks[0], { timeout: 5000 })
        .toMatchObject({ reader: { connected: true, samOk: true }, printer: { connected: true, condition: null } });
      const issued = await hall.api('POST', '/api/tickets', { token: hall.kioskToken, body: { serviceId: 6 } });
      expect(issued.body.print).toEqual({ ok: true });
      await expect.poll(() => out.includes(`[8x8] ${issued.body.ticket.number}`), { timeout: 3000 }).toBe(true);
      expect(out).toContain(`[QR ${issued.body.url}]`);
    } finally {
      await hall?.stop();
      child.kill('SIGTERM');
      const hard = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(hard);
      const left = existsSync(join(dir, 'kit')) ? readdirSync(join(dir, 'kit')) : [];
      rmSync(dir, { recursive: true, force: true });
      expect(left).toEqual([]);
    }
  });
});
