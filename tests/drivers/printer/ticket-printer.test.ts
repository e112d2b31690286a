import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { serialTicketPrinter, type TicketPrinter } from '../../../drivers/printer/index.js';
import { buildHallTicket } from '../../../drivers/printer/ticket-layout.js';
import type { PrinterStatus } from '../../../drivers/printer/printer-status.js';
import { startPrinterSim, type PrinterSim, type PrinterSimMode } from '../../../drivers/simulators/printer-sim.js';
import { openPtyPair, type PtyPair } from '../../support/pty-pair.js';
import { TICKET_URL, sampleTicket } from './ticket-fixtures.js';

const STATUS_TIMEOUT_MS = 200;

describe('ticket printer on a serial line', () => {
  let pair: PtyPair | null = null;
  let sim: PrinterSim | null = null;
  let printer: TicketPrinter | null = null;

  afterEach(async () => {
    await printer?.stop();
    await sim?.stop();
    await pair?.close();
    printer = sim = pair = null;
  });

  async function setUp(mode: PrinterSimMode = 'normal'): Promise<{ printer: TicketPrinter; sim: PrinterSim }> {
    pair = await openPtyPair();
    sim = await startPrinterSim({ port: pair.devicePath, mode });
    printer = serialTicketPrinter({ path: pair.hostPath, baudRate: 9600 }, { statusTimeoutMs: STATUS_TIMEOUT_MS });
    const connected = once(printer, 'connected', { signal: AbortSignal.timeout(2_000) });
    printer.start();
    await connected;
    return { printer, sim };
  }

  for (const paperWidth of [58, 80] as const) {
    it(`prints a ${paperWidth} mm ticket that the printer decodes to the hall, service, large number and QR URL`, async () => {
      const { printer, sim } = await setUp();
      const result = await printer.print(buildHallTicket(sampleTicket(paperWidth)));
      expect(result).toEqual({ ok: true, status: { online: true, coverOpen: false, paperOut: false, paperNearEnd: false, error: false } });

      const [ticket] = await sim.waitForTickets(1);
      const texts = ticket.lines.map((l) => l.text);
      expect(texts).toContain('朝阳区政务服务中心');
      expect(texts).toContain('社保业务');
      expect(ticket.lines.find((l) => l.text === 'A012')).toMatchObject({ width: 8, height: 8 });
      expect(ticket.qrCodes.map((q) => q.payload)).toEqual([TICKET_URL]);
      expect(ticket.unknown).toEqual([]);
      expect(sim.tickets).toHaveLength(1);
      expect(ticket.items.filter((i) => i.kind === 'cut')).toHaveLength(1);
      expect(sim.pendingItems().filter((i) => i.kind !== 'init')).toEqual([]);
      // DLE EOT 1, 2 and 4 before the ticket and again after it.
      expect(sim.statusRequests).toEqual([1, 2, 4, 1, 2, 4]);
    });
  }

  it('prints a hall name with the rare character 㐀 so that it comes back unchanged', async () => {
    const { printer, sim } = await setUp();
    await printer.print(buildHallTicket(sampleTicket(58, { hallName: '㐀家村便民服务中心', footerLines: ['经办人 张㐀'] })));
    const [ticket] = await sim.waitForTickets(1);
    expect(ticket.lines.map((l) => l.text)).toEqual(expect.arrayContaining(['㐀家村便民服务中心', '经办人 张㐀']));
  });

  it('does not send the ticket when the printer is out of paper, and says so in both languages', async () => {
    const { printer, sim } = await setUp('paper-out');
    const result = await printer.print(buildHallTicket(sampleTicket(58)));
    expect(result).toMatchObject({ ok: false, code: 'PAPER_OUT', sent: false, status: { paperOut: true, online: false } });
    if (!result.ok) expect(result.zh).toContain('缺纸');
    await sleep(100);
    expect(sim.printBytes).toBe(0);
    expect(sim.tickets).toEqual([]);
  });

  it('reports an open cover and keeps the ticket back', async () => {
    const { printer, sim } = await setUp('cover-open');
    const result = await printer.print(buildHallTicket(sampleTicket(80)));
    expect(result).toMatchObject({ ok: false, code: 'COVER_OPEN', sent: false, status: { coverOpen: true } });
    expect(sim.printBytes).toBe(0);
  });

  it('asks for the error cause and reports a cutter error', async () => {
    const { printer, sim } = await setUp('cutter-error');
    const result = await printer.print(buildHallTicket(sampleTicket(80)));
    expect(result).toMatchObject({ ok: false, code: 'PRINTER_ERROR', sent: false, status: { error: true } });
    expect(sim.statusRequests).toEqual([1, 2, 4, 3]);
  });

  it('reports a printer that gives no status reply as TIMEOUT within the deadline, without sending the ticket', async () => {
    const { printer, sim } = await setUp('offline');
    const started = Date.now();
    const result = await printer.print(buildHallTicket(sampleTicket(58)));
    const elapsed = Date.now() - started;
    expect(result).toMatchObject({ ok: false, code: 'TIMEOUT', sent: false, status: { online: false } });
    expect(elapsed).toBeLessThan(STATUS_TIMEOUT_MS + 300);
    expect(sim.printBytes).toBe(0);
  });

  it('prints when the paper is near its end and says so in the status', async () => {
    const { printer, sim } = await setUp('paper-near-end');
    const result = await printer.print(buildHallTicket(sampleTicket(58)));
    expect(result).toMatchObject({ ok: true, status: { paperNearEnd: true, paperOut: false, online: true } });
    await sim.waitForTickets(1);
  });

  it('reports paper running out during the ticket as PAPER_OUT with the ticket sent', async () => {
    const { printer, sim } = await setUp();
    sim.once('ticket', () => {
      sim.mode = 'paper-out';
    });
    const result = await printer.print(buildHallTicket(sampleTicket(58)));
    expect(result).toMatchObject({ ok: false, code: 'PAPER_OUT', sent: true });
    expect(sim.tickets).toHaveLength(1);
  });

  it('prints again once a silent printer answers, and emits each status change', async () => {
    const { printer, sim } = await setUp('offline');
    const seen: PrinterStatus[] = [];
    printer.on('status', (s) => seen.push(s));
    expect(await printer.getStatus()).toMatchObject({ ok: false, code: 'TIMEOUT' });

    sim.mode = 'normal';
    // The timeout made the driver reopen the port; the next print waits for nothing but the reopen.
    await once(printer, 'connected', { signal: AbortSignal.timeout(2_000) });
    expect(await printer.print(buildHallTicket(sampleTicket(80)))).toMatchObject({ ok: true });
    await sim.waitForTickets(1);
    expect(seen.map((s) => s.online)).toEqual([false, true]);
  });

  it('reports OFFLINE at once when the serial port is not open', async () => {
    pair = await openPtyPair();
    printer = serialTicketPrinter({ path: `${pair.hostPath}-missing` }, { statusTimeoutMs: STATUS_TIMEOUT_MS });
    printer.start();
    const started = Date.now();
    expect(await printer.print(buildHallTicket(sampleTicket(58)))).toMatchObject({ ok: false, code: 'OFFLINE', sent: false });
    expect(Date.now() - started).toBeLessThan(100);
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
