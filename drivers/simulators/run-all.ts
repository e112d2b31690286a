import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { renderTicket, type DecodedTicket } from '../printer/decoded-ticket.js';
import type { SignCommand } from '../led-sign/framer.js';
import { FIXTURE_IDENTITIES } from './fixtures/id-card-identities.js';
import { startIdCardSimulator, type IdCardSimulator } from './id-card-sim.js';
import { startLedSignSim, type LedSignSim, type SimFramer } from './led-sign-sim.js';
import { PRINTER_SIM_MODES, startPrinterSim, startTcpPrinterSim, type PrinterSim } from './printer-sim.js';
import { openSocatPair, socatAvailable, type SocatPair } from './socat-pair.js';
import { isMainModule } from './main-module.js';

/**
 * The whole hall kit without hardware: per kiosk an ID card reader and a ticket printer, plus one RS-485 line of
 * window signs, each simulator on the device end of a socat pty pair. Without socat only the printers run, on TCP.
 */
export interface SimulatorKitOptions {
  kiosks: number;
  ledFramer?: SimFramer;
  /** Default: use socat when it is installed. */
  socat?: boolean;
  /** Where the pty links are made (kept, so paths stay the same from run to run); default a fresh temporary folder. */
  dir?: string;
  onTicket?: (kiosk: number, ticket: DecodedTicket) => void;
  onSign?: (address: number, command: SignCommand) => void;
}

export interface KioskSimulators {
  /** The path a hall configures as the kiosk's reader, or null without socat. */
  readerPath: string | null;
  reader: IdCardSimulator | null;
  printer: PrinterSim;
  printerPlace: { serial: string } | { tcp: string };
}

export interface SimulatorKit {
  socat: boolean;
  dir: string;
  kiosks: KioskSimulators[];
  led: { path: string; framer: SimFramer; sim: LedSignSim } | null;
  close(): Promise<void>;
}

export async function startSimulatorKit(options: SimulatorKitOptions): Promise<SimulatorKit> {
  const socat = options.socat ?? socatAvailable();
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'hall-kit-')));
  if (options.dir) await mkdir(dir, { recursive: true });
  const pairs: SocatPair[] = [];
  const stops: (() => Promise<void>)[] = [];
  const cable = async (name: string) => {
    const pair = await openSocatPair(join(dir, name), join(dir, `${name}.sim`));
    pairs.push(pair);
    return pair;
  };
  const close = async () => {
    await Promise.all(stops.map((stop) => stop().catch(() => undefined)));
    await Promise.all(pairs.map((p) => p.close()));
    if (!options.dir) await rm(dir, { recursive: true, force: true });
  };
  try {
    const kiosks: KioskSimulators[] = [];
    for (let k = 1; k <= options.kiosks; k++) {
      const onTicket = (ticket: DecodedTicket) => options.onTicket?.(k, ticket);
      let reader: IdCardSimulator | null = null;
      let readerPath: string | null = null;
      let printer: PrinterSim;
      let printerPlace: KioskSimulators['printerPlace'];
      if (socat) {
        const readerCable = await cable(`kiosk${k}-reader`);
        reader = await startIdCardSimulator({ path: readerCable.devicePath, readDelayMs: 150 });
        stops.push(() => reader!.stop());
        readerPath = readerCable.hostPath;
        const printerCable = await cable(`kiosk${k}-printer`);
        printer = await startPrinterSim({ port: printerCable.devicePath });
        printerPlace = { serial: printerCable.hostPath };
      } else {
        const tcp = await startTcpPrinterSim({});
        printer = tcp;
        printerPlace = { tcp: `127.0.0.1:${tcp.port}` };
      }
      stops.push(() => printer.stop());
      printer.on('ticket', onTicket);
      kiosks.push({ readerPath, reader, printer, printerPlace });
    }
    let led: SimulatorKit['led'] = null;
    if (socat) {
      const framer = options.ledFramer ?? 'onbon';
      const signCable = await cable('window-signs');
      const sim = await startLedSignSim({ port: signCable.devicePath, framer });
      stops.push(() => sim.stop());
      if (options.onSign) sim.on('command', options.onSign);
      led = { path: signCable.hostPath, framer, sim };
    }
    return { socat, dir, kiosks, led, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** The `devices` section of hall.config.json that points a hall at this kit. */
export function kitConfig(kit: SimulatorKit): Record<string, unknown> {
  return {
    simulate: false,
    kiosks: kit.kiosks.map((k, i) => ({
      deviceId: i + 1,
      ...(k.readerPath ? { reader: { path: k.readerPath } } : {}),
      printer: k.printerPlace,
      paperWidth: 80,
    })),
    ledLines: kit.led ? [{ path: kit.led.path, framer: kit.led.framer === 'onbon' ? 'onbon-bx5k' : 'alpha-sign' }] : [],
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { kiosks: { type: 'string', default: '1' }, framer: { type: 'string', default: 'onbon' }, dir: { type: 'string', default: './data/hall-kit' } },
  });
  const framer = values.framer as SimFramer;
  const count = Number.parseInt(values.kiosks ?? '1', 10);
  if (!['onbon', 'alpha'].includes(framer) || !(count >= 1 && count <= 20)) {
    console.error('usage: npm run simulators -- [--kiosks 1] [--framer onbon|alpha] [--dir ./data/hall-kit]');
    process.exit(2);
  }
  const kit = await startSimulatorKit({
    kiosks: count,
    dir: resolve(values.dir ?? './data/hall-kit'),
    ledFramer: framer,
    onTicket: (k, ticket) => console.log(`\nkiosk ${k} printed:\n${renderTicket(ticket, 48)}\n`),
    onSign: (address, c) => console.log(`sign ${address}: ${c.kind === 'show' ? c.lines.join(' / ') : c.kind === 'clear' ? '(dark)' : `brightness ${c.level}`}`),
  });
  if (!kit.socat) console.log('socat is not installed: only the printers run (on TCP); install socat for the reader and the signs.');
  console.log('Hall kit simulators running. Put this in hall.config.json (deviceId = the kiosk\'s id in the device list):');
  console.log(JSON.stringify({ devices: kitConfig(kit) }, null, 2));
  const first = kit.kiosks[0];
  let mode = 0;
  console.log(`keys: 1-${FIXTURE_IDENTITIES.length} place a card on kiosk 1's reader, r lift it, p next printer mode, q quit`);
  const shutdown = () => void kit.close().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  if (!process.stdin.isTTY) return;
  process.stdin.setRawMode(true);
  process.stdin.on('data', (key: Buffer) => {
    const k = key.toString();
    if (k === 'q' || k === '\u0003') return shutdown();
    if (/^[1-9]$/.test(k) && Number(k) <= FIXTURE_IDENTITIES.length) first.reader?.insert(Number(k) - 1);
    if (k === 'r') first.reader?.remove();
    if (k === 'p') first.printer.mode = PRINTER_SIM_MODES[(mode = (mode + 1) % PRINTER_SIM_MODES.length)];
    console.log(`kiosk 1: card ${first.reader?.cardLabel ?? '(none)'}, printer ${first.printer.mode}`);
  });
}

if (isMainModule(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
