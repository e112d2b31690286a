import { once } from 'node:events';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { networkTicketPrinter, type TicketPrinter } from '../../drivers/printer/index.js';
import { startTcpPrinterSim, type PrinterSim } from '../../drivers/simulators/printer-sim.js';
import type { ServerMessage } from '../../protocol/realtime.js';
import { emptyState } from '../../server/core/state.js';
import { KioskStation } from '../../server/devices/kiosk-station.js';
import { Notifier } from '../../server/devices/notifier.js';
import { CardInbox } from '../../server/privacy/card-inbox.js';
import { hallSettings } from '../core/hall-fixture.js';
import { sampleTicket } from '../drivers/printer/ticket-fixtures.js';

const { paperWidth: _width, ...ticket } = sampleTicket(80);

/**
 * One kiosk's station with a network printer on a real TCP port, as the device layer builds it, with what it tells
 * the kiosk's screens and the supervisors recorded, and its log kept.
 */
async function stationWithNetworkPrinter(mode: PrinterSim['mode'] = 'normal') {
  const sim = await startTcpPrinterSim({ port: 0, mode });
  const lines: { level: number; msg: string }[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const told: ServerMessage[] = [];
  const notifier = new Notifier((_to, message) => { told.push(message); return 1; }, Date.now);
  const printer: TicketPrinter = networkTicketPrinter({ host: '127.0.0.1', port: sim.port }, { statusTimeoutMs: 200 }, log);
  const station = new KioskStation({
    deviceId: 1, name: () => '1号取号机', reader: null, printer, paperWidth: 80, printerPollMs: 1_000,
    state: emptyState(hallSettings()), cards: new CardInbox(Date.now), clock: Date.now, notifier, log,
  });
  const connected = once(printer, 'connected', { signal: AbortSignal.timeout(2_000) });
  station.start();
  await connected;
  return { sim, station, printer, told, warnings: () => lines.filter((l) => l.level >= 40).map((l) => l.msg) };
}

/** The hall monitor's view of the printer, read every 50 ms for `ms`: each distinct reading, in order. */
async function monitorFor(station: KioskStation, ms: number): Promise<unknown[]> {
  const readings: string[] = [];
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((resolve) => setTimeout(resolve, 50))) {
    const now = JSON.stringify(station.status().printer);
    if (readings.at(-1) !== now) readings.push(now);
  }
  return readings.map((r) => JSON.parse(r));
}

describe('a kiosk whose network printer goes off the network', () => {
  const stops: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  it('shows it offline, steadily, tells the kiosk and the supervisors once, and says so at once to a visitor printing', async () => {
    const rig = await stationWithNetworkPrinter();
    let sim = rig.sim;
    stops.push(() => rig.station.stop(), () => sim.stop());
    await expect.poll(() => rig.station.status().printer).toEqual({ connected: true, condition: null });

    await sim.stop();
    await expect.poll(() => rig.station.status().printer, { timeout: 1_000 }).toEqual({ connected: false, condition: 'OFFLINE' });
    const during = await monitorFor(rig.station, 3_000);
    expect(during).toEqual([{ connected: false, condition: 'OFFLINE' }]);
    const printerNews = () => rig.told.filter((m) => m.type === 'printer').map((m) => (m as { problem: { code: string } | null }).problem?.code ?? null);
    expect(printerNews()).toEqual(['OFFLINE']);
    expect(rig.told.filter((m) => m.type === 'alert')).toHaveLength(1);

    // At once, not after the second the station gives a printer to connect (the bound leaves room for a busy machine).
    const startedAt = Date.now();
    const printed = await rig.station.print(ticket);
    expect(Date.now() - startedAt).toBeLessThan(700);
    expect(printed).toMatchObject({ ok: false, problem: { code: 'OFFLINE', message: { zh: '打印机未连接或处于离线状态' } }, sent: false });
    // Over three seconds of a busy kiosk: the outage once from the driver and the link each, once from the
    // station, and the ticket not printed; before, two lines every half second.
    expect(rig.warnings().sort()).toEqual(['printer connection error', 'printer needs attention', 'printer not answering; retrying quietly until it does', 'ticket not printed']);

    sim = await startTcpPrinterSim({ port: rig.sim.port });
    await expect.poll(() => rig.station.status().printer, { timeout: 5_000 }).toEqual({ connected: true, condition: null });
    expect(printerNews()).toEqual(['OFFLINE', null]);
    expect(await rig.station.print(ticket)).toEqual({ ok: true });

    // The hall shutting down closes the link too: that is no outage to log.
    const logged = rig.warnings().length;
    await rig.station.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(rig.warnings()).toHaveLength(logged);
  });

  it('keeps a printer that holds the connection but never answers offline too, instead of flapping with each retry', async () => {
    const rig = await stationWithNetworkPrinter('offline');
    stops.push(() => rig.station.stop(), () => rig.sim.stop());
    const readings = await monitorFor(rig.station, 3_000);
    // Until its first status reply is due the printer is only not yet known to answer; then it is offline.
    expect(readings.slice(-1)).toEqual([{ connected: false, condition: 'OFFLINE' }]);
    expect(readings.filter((r) => (r as { connected: boolean }).connected)).toEqual([]);
    expect(rig.warnings()).toEqual(['printer not answering; retrying quietly until it does', 'printer needs attention']);
    const printed = await rig.station.print(ticket);
    expect(printed).toMatchObject({ ok: false, sent: false });
    expect(rig.told.filter((m) => m.type === 'alert'), JSON.stringify(rig.told)).toHaveLength(1);
  });
});
