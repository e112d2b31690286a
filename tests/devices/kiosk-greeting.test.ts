import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestSocket } from '../support/ws-client.js';
import { startDeviceRig, type DeviceRig } from './device-rig.js';

/**
 * Device news is pushed on change only. A kiosk screen that connects later (a reload, or a reconnect after the hall
 * restarted, when the reader came back before the screen did) must still learn how its reader and printer are.
 */
describe('a kiosk screen that connects after its devices settled', () => {
  let rig: DeviceRig;
  beforeAll(async () => {
    rig = await startDeviceRig();
  });
  afterAll(async () => rig?.stop());

  const settled = async (check: (kiosk: any) => boolean) => {
    await expect.poll(() => check(rig.t.hall.ctx.devices.status().kiosks[0]), { timeout: 5000 }).toBe(true);
  };

  it('is told at once that the reader works and the printer is ready', async () => {
    await settled((k) => k.reader.connected && k.reader.samOk && k.printer.connected);
    const kiosk = await rig.kiosk();
    expect(await kiosk.next((m) => m.type === 'reader')).toMatchObject({ type: 'reader', connected: true, samOk: true, problem: null });
    expect(await kiosk.next((m) => m.type === 'printer')).toMatchObject({ type: 'printer', problem: null, paperNearEnd: false });
    kiosk.close();
  });

  it('is told of a printer problem that began before it connected', async () => {
    rig.printer.mode = 'paper-out';
    try {
      await settled((k) => k.printer.condition === 'PAPER_OUT');
      const kiosk = await rig.kiosk();
      expect((await kiosk.next((m) => m.type === 'printer')).problem).toMatchObject({ code: 'PAPER_OUT' });
      kiosk.close();
    } finally {
      rig.printer.mode = 'normal';
    }
  });

  it('tells no other screen', async () => {
    const board = await TestSocket.open(rig.t.wsUrl, { token: rig.t.boardToken, follow: { scope: 'hall' } });
    await board.next((m) => m.type === 'snapshot');
    await new Promise((r) => setTimeout(r, 200));
    expect(board.messages.some((m) => m.type === 'reader' || m.type === 'printer')).toBe(false);
    board.close();
  });
});
