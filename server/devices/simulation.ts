import type { Logger } from 'pino';
import { IdCardReader, maskName } from '../../drivers/id-card/index.js';
import { LedSignBus, onbonBx5kSignSide, createOnbonBx5kFramer, openLedSignBus, type LedSignLink } from '../../drivers/led-sign/index.js';
import { renderTicket, type DecodedTicket } from '../../drivers/printer/decoded-ticket.js';
import { FIXTURE_IDENTITIES } from '../../drivers/simulators/fixtures/id-card-identities.js';
import { PRINTER_SIM_MODES, startTcpPrinterSim, type PrinterSim, type PrinterSimMode } from '../../drivers/simulators/printer-sim.js';
import { startSimulatorKit } from '../../drivers/simulators/run-all.js';
import type { PrinterPlace } from './device-config.js';
import { FixtureCardReader } from './in-process/fixture-card-reader.js';
import { MemorySignLine } from './in-process/memory-sign-line.js';
import type { CardSource } from './kiosk-station.js';
import { maskTicketUrl } from './ticket-print.js';
import type { SignLine } from './window-signs.js';

/** How long a simulated visitor leaves the card on the reader. */
const CARD_HOLD_MS = 3_000;
/** A card swapped for another must be seen gone first: longer than a reader poll. */
const CARD_SWAP_MS = 800;

interface SimulatedKiosk {
  /** Null where the kiosk has a real reader and only its printer is simulated. */
  card: { insert(fixture: number): void; insertUnreadable(fixture: number): void; remove(): void } | null;
  printer: PrinterSim | null;
}

export interface SimulatedHardware {
  kiosks: Map<number, { reader: CardSource; printer: PrinterPlace }>;
  signs: SignLine;
}

/**
 * The simulators a hall runs without hardware, and the controls the demo screens use: place a fixture card,
 * read the last printed ticket, see what the window signs show.
 */
export class Simulation {
  private readonly kiosks = new Map<number, SimulatedKiosk>();
  private readonly closers: (() => Promise<void>)[] = [];
  private signText: (() => Map<number, string[]>) | null = null;
  /** Per kiosk, the pending step of a simulated visitor's card (lift it, or place the next one). */
  private readonly cardTimers = new Map<number, NodeJS.Timeout>();

  /** `dir`: where the pty links go; the same on every start, so nothing is left behind in /tmp. */
  constructor(private readonly log: Logger, private readonly dir: string) {}

  /** Simulators for whole kiosks and one sign line: on socat pty pairs when possible, else in process. */
  async startHall(kioskIds: number[], useSocat: boolean | undefined): Promise<SimulatedHardware> {
    const kit = await startSimulatorKit({ kiosks: kioskIds.length, socat: useSocat, dir: this.dir, onTicket: (k, t) => this.logTicket(kioskIds[k - 1], t) });
    this.closers.push(() => kit.close());
    if (!kit.socat) this.log.warn('socat not found: simulating the card readers and window signs in process, without serial ports');
    const kiosks: SimulatedHardware['kiosks'] = new Map();
    kioskIds.forEach((deviceId, i) => {
      const sims = kit.kiosks[i];
      const fixtureReader = sims.reader ? null : new FixtureCardReader();
      const reader = sims.readerPath ? new IdCardReader({ path: sims.readerPath, pollMs: 300 }, this.log) : fixtureReader!;
      const card = sims.reader ?? fixtureReader!;
      this.kiosks.set(deviceId, { card: { insert: (f) => card.insert(f), insertUnreadable: (f) => card.insertUnreadable(f), remove: () => card.remove() }, printer: sims.printer });
      kiosks.set(deviceId, { reader, printer: 'serial' in sims.printerPlace ? { ...sims.printerPlace, baudRate: 9600 } : sims.printerPlace });
      this.log.info({ kioskDeviceId: deviceId, reader: sims.readerPath ?? 'in process', printer: sims.printerPlace }, 'simulated kiosk peripherals');
    });
    if (kit.led) {
      const sim = kit.led.sim;
      this.signText = () => new Map([...sim.signs].map(([a, s]) => [a, s.lines]));
      const line = openLedSignBus({ path: kit.led.path, baudRate: 9600, framer: { kind: 'onbon-bx5k' }, log: this.log });
      this.log.info({ path: kit.led.path }, 'simulated window signs');
      return { kiosks, signs: { name: 'simulated', bus: line.bus, addresses: null, language: 'zh', close: line.close } };
    }
    const memory = new MemorySignLine(onbonBx5kSignSide);
    this.signText = () => memory.signs;
    // The bus's link type names SerialLink's own methods; the memory line has the same ones.
    const bus = new LedSignBus(memory as unknown as LedSignLink, createOnbonBx5kFramer(), { log: this.log });
    return { kiosks, signs: { name: 'simulated', bus, addresses: null, language: 'zh', close: async () => bus.stop() } };
  }

  /** A printer simulator for a kiosk configured with printer 'simulated'; the place to print to. */
  async startPrinter(deviceId: number): Promise<{ tcp: string }> {
    const sim = await startTcpPrinterSim({});
    sim.on('ticket', (t) => this.logTicket(deviceId, t));
    this.closers.push(() => sim.stop());
    const known = this.kiosks.get(deviceId);
    this.kiosks.set(deviceId, { card: known?.card ?? null, printer: sim });
    return { tcp: `127.0.0.1:${sim.port}` };
  }

  has(deviceId: number): boolean {
    return this.kiosks.has(deviceId);
  }

  /** The first simulated kiosk, for staff trying the demo without naming one. */
  get firstKiosk(): number | null {
    return this.kiosks.keys().next().value ?? null;
  }

  /**
   * Places a fixture card on the kiosk's reader and lifts it a moment later; the masked name, or null. An unreadable
   * card is found by the reader but its chip cannot be read, as with a worn card: the kiosk asks the visitor to
   * place it again.
   */
  insertCard(deviceId: number, fixture: number, unreadable = false): string | null {
    const card = this.kiosks.get(deviceId)?.card;
    const identity = FIXTURE_IDENTITIES[fixture];
    if (!card || !identity) return null;
    const place = () => {
      if (unreadable) card.insertUnreadable(fixture);
      else card.insert(fixture);
      this.cardTimers.set(deviceId, setTimeout(() => { this.cardTimers.delete(deviceId); card.remove(); }, CARD_HOLD_MS));
    };
    const pending = this.cardTimers.get(deviceId);
    if (pending === undefined) place();
    else {
      // A card is still on the reader: lift it, so the reader notices a new card rather than the same one staying.
      clearTimeout(pending);
      card.remove();
      this.cardTimers.set(deviceId, setTimeout(place, CARD_SWAP_MS));
    }
    return maskName(identity.name);
  }

  lastTicket(deviceId: number): DecodedTicket | null {
    const tickets = this.kiosks.get(deviceId)?.printer?.tickets;
    return tickets?.length ? tickets[tickets.length - 1] : null;
  }

  setPrinterMode(deviceId: number, mode: PrinterSimMode): boolean {
    const printer = this.kiosks.get(deviceId)?.printer;
    if (!printer || !PRINTER_SIM_MODES.includes(mode)) return false;
    printer.mode = mode;
    return true;
  }

  /** What each simulated window sign shows, by address. */
  signs(): Record<string, string[]> | null {
    return this.signText ? Object.fromEntries(this.signText()) : null;
  }

  async close(): Promise<void> {
    for (const t of this.cardTimers.values()) clearTimeout(t);
    await Promise.all(this.closers.map((c) => c().catch(() => undefined)));
  }

  private logTicket(deviceId: number | undefined, ticket: DecodedTicket): void {
    this.log.info({ kioskDeviceId: deviceId, ticket: maskTicketUrl(renderTicket(ticket, 48)) }, 'simulated printer printed a ticket');
  }
}
