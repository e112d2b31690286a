import { once } from 'node:events';
import { pino, type Logger } from 'pino';
import { describe, expect, it } from 'vitest';
import type { TicketPrinter } from '../../../drivers/printer/index.js';
import { buildHallTicket } from '../../../drivers/printer/ticket-layout.js';
import { startTcpPrinterSim, type PrinterSim } from '../../../drivers/simulators/printer-sim.js';
import { useNetworkPrinter } from './network-printer-fixture.js';
import { sampleTicket } from './ticket-fixtures.js';

const STATUS_TIMEOUT_MS = 200;

/** What the printer logs, parsed, as a hall's log file would hold it at the default level. */
function logLines() {
  const lines: { level: number; msg: string }[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  const warnings = () => lines.filter((l) => l.level >= 40).map((l) => l.msg);
  const notes = () => lines.filter((l) => l.level === 30).map((l) => l.msg);
  return { log, warnings, notes };
}

/**
 * The driver as a kiosk drives it: a status check whenever the link opens, and a busy kiosk asking every 250 ms,
 * for `ms`. Returns what an observer would have seen: link opens, status changes, and whether the printer was
 * reported as answering at each check.
 */
async function driveFor(printer: TicketPrinter, ms: number): Promise<{ opens: number[]; statuses: boolean[]; answering: boolean[] }> {
  const started = Date.now();
  const seen = { opens: [] as number[], statuses: [] as boolean[], answering: [] as boolean[] };
  const onOpen = () => { seen.opens.push(Date.now() - started); void printer.getStatus(); };
  const onStatus = (s: { online: boolean }) => seen.statuses.push(s.online);
  printer.on('connected', onOpen);
  printer.on('status', onStatus);
  while (Date.now() - started < ms) {
    await printer.getStatus();
    seen.answering.push(printer.isAnswering);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  printer.off('connected', onOpen);
  printer.off('status', onStatus);
  return seen;
}

describe('a network printer that goes away and comes back', () => {
  const network = useNetworkPrinter();
  const connectedPrinter = (log: Logger, mode: PrinterSim['mode'] = 'normal') => network.connect({ mode, log, statusTimeoutMs: STATUS_TIMEOUT_MS });

  it('is retried with a growing pause while switched off, logged once when it goes and once when it is back', async () => {
    const { log, warnings, notes } = logLines();
    const { printer, sim: first } = await connectedPrinter(log);
    expect(await printer.getStatus()).toMatchObject({ ok: true });
    expect(printer.isAnswering).toBe(true);

    await first.stop(); // the printer is switched off: every connection is refused now
    const off = await driveFor(printer, 3_000);
    // Once by the driver, once by the link with the network's reason (connection refused), and not again.
    const outage = ['printer connection error', 'printer not answering; retrying quietly until it does'];
    expect(warnings().sort()).toEqual(outage);
    expect(off.opens).toEqual([]);
    expect(off.statuses).toEqual([false]);
    expect(new Set(off.answering)).toEqual(new Set([false]));
    // Asked to print meanwhile, the driver answers at once: it does not wait for the next try, 2 s away by now
    // (the bound leaves room for a busy machine).
    const startedAt = Date.now();
    expect(await printer.print(buildHallTicket(sampleTicket(80)))).toMatchObject({ ok: false, code: 'OFFLINE', sent: false });
    expect(Date.now() - startedAt).toBeLessThan(1_000);

    // Back on the same address: the next try (the pause is 2 s by now, under the 10 s cap) finds it.
    const sim = await startTcpPrinterSim({ port: first.port });
    network.replaceSim(sim);
    await once(printer, 'connected', { signal: AbortSignal.timeout(5_000) });
    expect(await printer.print(buildHallTicket(sampleTicket(80)))).toMatchObject({ ok: true });
    expect(printer.isAnswering).toBe(true);
    expect(warnings().sort()).toEqual(outage);
    expect(notes().filter((m) => m !== 'printer status')).toEqual(['printer connection open again', 'printer answers again']);
  });

  it('is reopened ever less often while connected but silent, logged once, and reported as not answering throughout', async () => {
    const { log, warnings, notes } = logLines();
    const { printer, sim } = await connectedPrinter(log, 'offline');
    const silent = await driveFor(printer, 4_000);
    expect(warnings()).toEqual(['printer not answering; retrying quietly until it does']);
    expect(new Set(silent.answering)).toEqual(new Set([false]));
    expect(silent.statuses).toEqual([false]);
    // Reopened at once, then after pauses of 0.5, 1 and 2 s: before, it was reconnected every 0.45 s (8 times here).
    expect(silent.opens.length).toBeLessThanOrEqual(4);
    const gaps = silent.opens.slice(1).map((t, i) => t - silent.opens[i]);
    expect(gaps.every((gap, i) => i === 0 || gap >= gaps[i - 1] - 100)).toBe(true);

    // A visitor printing meanwhile is told after the status deadline, not after the next reopen's pause (1 to 2 s by
    // now; the bound leaves room for a busy machine).
    const startedAt = Date.now();
    expect(await printer.print(buildHallTicket(sampleTicket(80)))).toMatchObject({ ok: false, sent: false });
    expect(Date.now() - startedAt).toBeLessThan(STATUS_TIMEOUT_MS + 800);

    sim.mode = 'normal';
    await expect.poll(async () => (await printer.getStatus()).ok, { timeout: 3_000 }).toBe(true);
    expect(printer.isAnswering).toBe(true);
    expect(notes().filter((m) => m !== 'printer status')).toEqual(['printer answers again']);
    expect(warnings()).toHaveLength(1);
  });
});
