import type { Logger } from 'pino';
import { IdCardReader } from '../../drivers/id-card/index.js';
import { openLedSignBus } from '../../drivers/led-sign/index.js';
import { networkTicketPrinter, serialTicketPrinter, type TicketPrinter } from '../../drivers/printer/index.js';
import type { FillReport, PrintOutcome } from '../../protocol/device-messages.js';
import type { Forecast } from '../../protocol/queue-entities.js';
import type { AccessStore } from '../auth/access-store.js';
import type { CommandRunner } from '../command-runner.js';
import type { Ticket } from '../core/types.js';
import type { Caller } from '../operations/caller.js';
import type { CardInbox } from '../privacy/card-inbox.js';
import type { IdentityVault } from '../privacy/identity-vault.js';
import { BridgeFills } from './bridge-fills.js';
import { isSimulating, type DevicesConfig, type PrinterPlace } from './device-config.js';
import { KioskStation, type CardSource } from './kiosk-station.js';
import { Notifier, type Push } from './notifier.js';
import { Simulation } from './simulation.js';
import { hallTicketData } from './ticket-print.js';
import { WindowSigns, type SignLine } from './window-signs.js';

export interface DeviceLayerDeps {
  config: DevicesConfig;
  runner: CommandRunner;
  access: AccessStore;
  cards: CardInbox;
  vault: IdentityVault;
  push: Push;
  log: Logger;
  /** Where simulators put their pty links (next to the database). */
  simulationDir: string;
}

/**
 * Binds the queue to the hall's hardware: card reads go to the kiosk, issued kiosk tickets to its printer, calls
 * and pauses to the window signs, serving to the window PC's desktop bridge. Drivers know nothing of tickets;
 * this layer knows nothing of bytes.
 */
export class DeviceLayer {
  readonly bridges: BridgeFills;
  /** Present while simulators run (simulate mode, or a kiosk with printer 'simulated'). */
  simulation: Simulation | null = null;
  private readonly notifier: Notifier;
  private readonly stations = new Map<number, KioskStation>();
  private signs: WindowSigns | null = null;
  private readonly log: Logger;

  constructor(private readonly d: DeviceLayerDeps) {
    this.log = d.log.child({ layer: 'devices' });
    this.notifier = new Notifier(d.push, d.runner.clock);
    const fillOnStart = new Set(d.config.bridges.filter((b) => b.fillOnStart).map((b) => b.windowId));
    this.bridges = new BridgeFills(d.runner.state, d.vault, this.notifier, fillOnStart, this.log);
  }

  get simulating(): boolean {
    return isSimulating(this.d.config);
  }

  async start(): Promise<void> {
    const { config } = this.d;
    type KioskParts = { reader: CardSource | null; printer: PrinterPlace | null; paperWidth: 58 | 80; printerPollMs: number; statusTimeoutMs: number };
    const kiosks = new Map<number, KioskParts>();
    const lines: SignLine[] = [];
    for (const k of config.kiosks) {
      kiosks.set(k.deviceId, {
        reader: k.reader ? new IdCardReader(k.reader, this.log) : null, printer: k.printer ?? null,
        paperWidth: k.paperWidth, printerPollMs: k.printerPollMs, statusTimeoutMs: k.printerStatusTimeoutMs,
      });
    }
    if (this.simulating) {
      const ids = config.kiosks.length > 0 ? [...kiosks.keys()] : this.d.access.listDevices().filter((d) => d.role === 'kiosk' && d.revokedAt === null).map((d) => d.id);
      this.simulation = new Simulation(this.log, this.d.simulationDir);
      const simulation = this.simulation;
      const hardware = await simulation.startHall(ids, config.simulation === 'in-process' ? false : undefined).catch((err: unknown) => {
        // A demo that cannot make ptys still shows the kit working, without serial ports.
        this.log.error({ err }, 'simulators on ptys could not start; simulating in process');
        return simulation.startHall(ids, false);
      });
      for (const [id, hw] of hardware.kiosks) {
        const known = kiosks.get(id);
        kiosks.set(id, { paperWidth: 80, printerPollMs: 30_000, statusTimeoutMs: 500, ...known, reader: hw.reader, printer: hw.printer });
      }
      lines.push(hardware.signs);
    } else {
      for (const l of config.ledLines) {
        const line = openLedSignBus({ path: l.path, baudRate: l.baudRate, framer: { kind: l.framer }, log: this.log });
        lines.push({ name: l.path, bus: line.bus, addresses: l.addresses ? new Set(l.addresses) : null, language: l.framer === 'alpha-sign' ? 'en' : 'zh', close: line.close });
      }
    }
    for (const [deviceId, k] of kiosks) {
      let place = k.printer;
      if (place === 'simulated') place = await (this.simulation ??= new Simulation(this.log, this.d.simulationDir)).startPrinter(deviceId);
      const station = new KioskStation({
        deviceId, name: () => this.kioskName(deviceId), reader: k.reader, printer: place ? this.openPrinter(place, k.statusTimeoutMs) : null,
        paperWidth: k.paperWidth, printerPollMs: k.printerPollMs, state: this.d.runner.state, cards: this.d.cards,
        clock: this.d.runner.clock, notifier: this.notifier, log: this.log,
      });
      this.stations.set(deviceId, station);
      station.start();
    }
    this.signs = new WindowSigns(lines, this.d.runner.state, this.log);
    this.d.runner.onCommitted((batch) => {
      for (const { event } of batch) {
        this.signs?.onEvent(event);
        this.bridges.onEvent(event);
      }
    });
    this.signs.syncAll();
  }

  async stop(): Promise<void> {
    await Promise.all([...this.stations.values()].map((s) => s.stop()));
    await this.signs?.stop();
    this.signs = null;
    await this.simulation?.close();
  }

  /**
   * Prints a ticket just issued at a kiosk. Only the issuing operation knows the phone URL (its token is stored
   * hashed), so the operation hands it over here. Null when the caller is no kiosk with a printer.
   */
  async printTicket(caller: Caller, ticket: Ticket, url: string, forecast: Forecast | null): Promise<PrintOutcome | null> {
    const station = caller.kind === 'device' && caller.deviceId !== undefined ? this.stations.get(caller.deviceId) : undefined;
    if (!station?.hasPrinter) return null;
    const data = hallTicketData(this.d.runner.state, ticket, url, forecast, station.paperWidth);
    return station.print(data);
  }

  /** A screen said hello on the WebSocket: a kiosk's screen gets the state of its peripherals at once. */
  greet(caller: Caller): void {
    if (caller.kind === 'device' && caller.deviceId !== undefined) this.stations.get(caller.deviceId)?.greet();
  }

  fill(windowId: number) {
    return this.bridges.fill(windowId);
  }

  reportFill(windowId: number, report: FillReport): void {
    this.bridges.report(windowId, report);
  }

  /** For the hall monitor: each kiosk's reader and printer, and the signs that fail. */
  status() {
    return {
      simulating: this.simulation !== null,
      kiosks: [...this.stations.values()].map((s) => s.status()),
      failingSigns: this.signs?.failingSigns() ?? [],
    };
  }

  private openPrinter(place: Exclude<PrinterPlace, 'simulated'>, statusTimeoutMs: number): TicketPrinter {
    if ('serial' in place) return serialTicketPrinter({ path: place.serial, baudRate: place.baudRate }, { statusTimeoutMs }, this.log);
    const [host, port] = place.tcp.split(':');
    return networkTicketPrinter({ host, port: Number(port) }, { statusTimeoutMs }, this.log);
  }

  private kioskName(deviceId: number): string {
    return this.d.access.listDevices().find((d) => d.id === deviceId)?.name ?? `取号机 #${deviceId}`;
  }
}
