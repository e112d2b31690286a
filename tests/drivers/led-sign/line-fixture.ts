import { once } from 'node:events';
import { SerialLink } from '../../../drivers/serial/serial-link.js';
import { LedSignBus, type LedSignBusOptions } from '../../../drivers/led-sign/led-sign-bus.js';
import type { Framer } from '../../../drivers/led-sign/framer.js';
import { startLedSignSim, type LedSignSim, type LedSignSimOptions } from '../../../drivers/simulators/led-sign-sim.js';
import { openPtyPair, type PtyPair } from '../../support/pty-pair.js';

/** One RS-485 line in a test: a pty pair, the simulated signs on the device end, the bus on the host end. */
export interface SignLine {
  pair: PtyPair;
  sim: LedSignSim;
  link: SerialLink;
  bus: LedSignBus;
  /** Starts a fresh simulator on the device end (after the old one was stopped or the cable replugged). */
  restartSim(): Promise<LedSignSim>;
  close(): Promise<void>;
}

export async function openSignLine(
  framer: Framer,
  simOptions: Omit<LedSignSimOptions, 'port'>,
  busOptions: LedSignBusOptions = {},
): Promise<SignLine> {
  const pair = await openPtyPair();
  const cleanups: Array<() => Promise<void>> = [() => pair.close()];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  };
  try {
    const line = { pair } as SignLine;
    line.sim = await startLedSignSim({ ...simOptions, port: pair.devicePath });
    cleanups.push(() => line.sim.stop());
    line.link = new SerialLink({ path: pair.hostPath, baudRate: 9600, reconnectMinMs: 50, reconnectMaxMs: 200 });
    const opened = once(line.link, 'open');
    line.link.start();
    await opened;
    cleanups.push(() => line.link.stop());
    line.bus = new LedSignBus(line.link, framer, { replyTimeoutMs: 300, writeTimeoutMs: 500, ...busOptions });
    cleanups.push(async () => line.bus.stop());
    line.restartSim = async () => {
      await line.sim.stop();
      line.sim = await startLedSignSim({ ...simOptions, port: pair.devicePath });
      return line.sim;
    };
    line.close = close;
    return line;
  } catch (err) {
    await close();
    throw err;
  }
}
