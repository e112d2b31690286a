import { startIdCardSimulator, type IdCardSimulator } from '../../drivers/simulators/id-card-sim.js';
import { startLedSignSim, type LedSignSim } from '../../drivers/simulators/led-sign-sim.js';
import { startPrinterSim, type PrinterSim } from '../../drivers/simulators/printer-sim.js';
import { startTestHall, type TestHall } from '../support/hall-server.js';
import { openPtyPair, type PtyPair } from '../support/pty-pair.js';
import { TestSocket } from '../support/ws-client.js';

/** The seeded demo hall pairs its kiosk first, so the kiosk is device 1. */
export const KIOSK_DEVICE_ID = 1;
/** Window 8 serves BDC03 (prefix F, no ID needed, online allowed) first; its sign is at address 8. */
export const SIGN_WINDOW = 8;
export const SIGN_SERVICE = 6;

/**
 * A real hall whose kiosk reader, kiosk printer and window sign line are simulators on real ptys: the hall's
 * drivers open the host ends exactly as they would open /dev/ttyUSB0.
 */
export interface DeviceRig {
  t: TestHall;
  reader: IdCardSimulator;
  printer: PrinterSim;
  signs: LedSignSim;
  kiosk(): Promise<TestSocket>;
  stop(): Promise<void>;
}

export async function startDeviceRig(options: { mutedSigns?: number[]; bridges?: { windowId: number; fillOnStart: boolean }[] } = {}): Promise<DeviceRig> {
  const pairs: PtyPair[] = [];
  const stops: (() => Promise<unknown>)[] = [];
  const sockets: TestSocket[] = [];
  const stop = async () => {
    for (const s of sockets) s.close();
    for (const fn of stops.reverse()) await fn().catch(() => undefined);
    await Promise.all(pairs.map((p) => p.close()));
  };
  try {
    const [readerCable, printerCable, signCable] = await Promise.all([openPtyPair(), openPtyPair(), openPtyPair()]);
    pairs.push(readerCable, printerCable, signCable);
    const reader = await startIdCardSimulator({ path: readerCable.devicePath, readDelayMs: 5 });
    stops.push(() => reader.stop());
    const printer = await startPrinterSim({ port: printerCable.devicePath });
    stops.push(() => printer.stop());
    const signs = await startLedSignSim({ port: signCable.devicePath, framer: 'onbon', mute: options.mutedSigns });
    stops.push(() => signs.stop());
    const t = await startTestHall({
      overrides: {
        devices: {
          simulate: false,
          kiosks: [{ deviceId: KIOSK_DEVICE_ID, reader: { path: readerCable.hostPath, pollMs: 100 }, printer: { serial: printerCable.hostPath }, paperWidth: 58, printerPollMs: 1000 }],
          ledLines: [{ path: signCable.hostPath, framer: 'onbon-bx5k' }],
          bridges: options.bridges ?? [],
        },
      },
    });
    // Stopped before the simulators, so the hall's drivers never talk to a vanished device end.
    stops.push(() => t.stop());
    if (t.hall.ctx.access.deviceByToken(t.kioskToken)?.id !== KIOSK_DEVICE_ID) throw new Error('the demo kiosk is not device 1');
    const kiosk = async () => {
      const socket = await TestSocket.open(t.wsUrl, { token: t.kioskToken, follow: { scope: 'hall' } });
      sockets.push(socket);
      await socket.next((m) => m.type === 'snapshot');
      return socket;
    };
    return { t, reader, printer, signs, kiosk, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Places a fixture card and waits for the kiosk to be told; returns the card message. */
export async function placeCard(rig: DeviceRig, kiosk: TestSocket, fixture: number): Promise<any> {
  // A card left by a failed test would hide the new one: the reader must see the reader empty first.
  if (rig.reader.cardLabel !== null) await liftCard(rig, kiosk);
  const before = kiosk.messages.length;
  rig.reader.insert(fixture);
  return kiosk.next((m) => m.type === 'card' && kiosk.messages.indexOf(m) >= before, 3000);
}

/** Lifts the card and waits for the kiosk to be told. */
export async function liftCard(rig: DeviceRig, kiosk: TestSocket): Promise<void> {
  const before = kiosk.messages.length;
  rig.reader.remove();
  await kiosk.next((m) => m.type === 'cardRemoved' && kiosk.messages.indexOf(m) >= before, 3000);
}

/** Waits until `done()` holds, checking every 20 ms; fails after `timeoutMs`. */
export async function until(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
