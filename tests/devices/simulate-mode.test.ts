import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestHall } from '../support/hall-server.js';
import { TestSocket } from '../support/ws-client.js';

const SIGN_WINDOW = 8;

describe.each([
  { how: 'on socat pty pairs', simulation: 'auto' },
  { how: 'in process, as without socat', simulation: 'in-process' },
])('a hall started without hardware simulates its kit $how', ({ simulation }) => {
  it('reads a sample card at the demo kiosk, prints its ticket, and lights the window sign', async () => {
    // Our own folder, which the hall does not remove on stop, so the test can see what stopping left behind.
    const dir = mkdtempSync(join(tmpdir(), 'hall-sim-test-'));
    const t = await startTestHall({ dir, overrides: { devices: { simulate: true, simulation } } });
    try {
      const kiosk = await TestSocket.open(t.wsUrl, { token: t.kioskToken, follow: { scope: 'hall' } });
      await kiosk.next((m) => m.type === 'snapshot');
      const cables = existsSync(join(dir, 'simulated-devices')) ? readdirSync(join(dir, 'simulated-devices')) : [];
      expect(cables.includes('kiosk1-reader')).toBe(simulation === 'auto');
      const inserted = await t.api('POST', '/api/devices/simulated/card', { token: t.kioskToken, body: { fixture: 1 } });
      expect(inserted.body).toEqual({ kioskDeviceId: 1, nameMasked: '李*' });
      const { card } = await kiosk.next((m) => m.type === 'card', 3000);
      expect(card.idMasked).toBe('110102********0023');

      const issued = await t.api('POST', '/api/tickets', { token: t.kioskToken, body: { serviceId: 1, cardToken: card.cardToken } });
      expect(issued.body.print).toEqual({ ok: true });
      const printed = await t.api('GET', '/api/devices/simulated/printer/last', { token: t.kioskToken });
      expect(printed.body.qrCodes).toEqual([issued.body.url]);
      expect(printed.body.lines).toContain(issued.body.ticket.number);
      expect(printed.body.text).toContain('社保参保登记');

      const staff = await t.login('1001');
      await t.api('POST', `/api/windows/${SIGN_WINDOW}/status`, { cookie: staff, body: { status: 'paused', reason: 'meeting' } });
      await expect.poll(async () => (await t.api('GET', '/api/devices/simulated/signs', { cookie: staff })).body.signs?.[String(SIGN_WINDOW)], { timeout: 2000 })
        .toEqual(['暂停服务', '会议']);
      kiosk.close();
    } finally {
      await t.stop();
    }
    // Stopping the hall stops the simulators and removes their pty links.
    const links = join(dir, 'simulated-devices');
    const left = existsSync(links) ? readdirSync(links) : [];
    rmSync(dir, { recursive: true, force: true });
    expect(left).toEqual([]);
  });
});

describe('a hall with its hardware configured', () => {
  it('has no simulation controls', async () => {
    const t = await startTestHall();
    try {
      const staff = await t.login('1001');
      const res = await t.api('POST', '/api/devices/simulated/card', { token: t.kioskToken, body: { fixture: 0 } });
      expect(res).toMatchObject({ status: 404, body: { code: 'NOT_SIMULATING' } });
      expect((await t.api('GET', '/api/devices/simulated/signs', { cookie: staff })).status).toBe(404);
    } finally {
      await t.stop();
    }
  });
});
