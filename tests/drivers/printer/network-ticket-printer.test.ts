import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { buildHallTicket } from '../../../drivers/printer/ticket-layout.js';
import { useNetworkPrinter } from './network-printer-fixture.js';
import { TICKET_URL, sampleTicket } from './ticket-fixtures.js';

describe('ticket printer on a raw TCP port (9100 style)', () => {
  const network = useNetworkPrinter();
  const setUp = () => network.connect();

  it('prints an 80 mm ticket over one kept-open connection and reads status on it', async () => {
    const { printer, sim } = await setUp();
    expect(await printer.print(buildHallTicket(sampleTicket(80)))).toMatchObject({ ok: true });
    const [ticket] = await sim.waitForTickets(1);
    expect(ticket.lines.find((l) => l.text === 'A012')).toMatchObject({ width: 8 });
    expect(ticket.qrCodes[0].payload).toBe(TICKET_URL);
    expect(sim.statusRequests).toEqual([1, 2, 4, 1, 2, 4]);
  });

  it('keeps the ticket back when the network printer is out of paper', async () => {
    const { printer, sim } = await setUp();
    sim.mode = 'paper-out';
    expect(await printer.print(buildHallTicket(sampleTicket(80)))).toMatchObject({ ok: false, code: 'PAPER_OUT', sent: false });
    expect(sim.printBytes).toBe(0);
  });

  it('reports OFFLINE once the printer has gone from the network', async () => {
    const { printer, sim } = await setUp();
    const disconnected = once(printer, 'disconnected', { signal: AbortSignal.timeout(2_000) });
    await sim.stop();
    await disconnected;
    expect(await printer.print(buildHallTicket(sampleTicket(80)))).toMatchObject({ ok: false, code: 'OFFLINE', sent: false });
  });
});
