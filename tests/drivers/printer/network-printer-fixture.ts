import { once } from 'node:events';
import type { Logger } from 'pino';
import { afterEach } from 'vitest';
import { networkTicketPrinter, type TicketPrinter } from '../../../drivers/printer/index.js';
import { startTcpPrinterSim, type PrinterSim } from '../../../drivers/simulators/printer-sim.js';

export type TcpPrinterSim = PrinterSim & { port: number };

/**
 * For one describe block: a network ticket printer connected to the byte-exact printer simulator on a free TCP
 * port, both stopped after each test. A test that switches the printer off and on again hands the new simulator to
 * `replaceSim`, so it is stopped too.
 */
export function useNetworkPrinter() {
  let sim: TcpPrinterSim | null = null;
  let printer: TicketPrinter | null = null;
  afterEach(async () => {
    await printer?.stop();
    await sim?.stop();
    printer = sim = null;
  });
  return {
    async connect(options: { mode?: PrinterSim['mode']; statusTimeoutMs?: number; log?: Logger } = {}): Promise<{ printer: TicketPrinter; sim: TcpPrinterSim }> {
      sim = await startTcpPrinterSim({ port: 0, mode: options.mode ?? 'normal' });
      printer = networkTicketPrinter({ host: '127.0.0.1', port: sim.port }, { statusTimeoutMs: options.statusTimeoutMs ?? 200 }, options.log);
      const connected = once(printer, 'connected', { signal: AbortSignal.timeout(2_000) });
      printer.start();
      await connected;
      return { printer, sim };
    },
    replaceSim(next: TcpPrinterSim): void {
      sim = next;
    },
  };
}
