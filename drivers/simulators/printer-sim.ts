import { EventEmitter } from 'node:events';
import { createServer, type Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { SerialPort } from 'serialport';
import { renderTicket, toTicket, type DecodedTicket } from '../printer/decoded-ticket.js';
import { EscPosDecoder } from '../printer/escpos-decoder.js';
import type { EscPosItem } from '../printer/escpos-items.js';
import { isMainModule } from './main-module.js';

/**
 * An ESC/POS ticket printer on the device end of a serial cable (a pty in tests) or on a 9100-style TCP port.
 * It decodes everything it receives, files tickets at each cut, and answers DLE EOT like a real printer in
 * the condition it has been put in. A printer that is 'offline' answers nothing (powered off, cable loose).
 */

export type PrinterSimMode = 'normal' | 'paper-near-end' | 'paper-out' | 'cover-open' | 'cutter-error' | 'offline';
export const PRINTER_SIM_MODES: PrinterSimMode[] = ['normal', 'paper-near-end', 'paper-out', 'cover-open', 'cutter-error', 'offline'];

/** One reply byte per DLE EOT n (printer, offline cause, error cause, paper), as the reference gives them. */
const REPLIES: Record<Exclude<PrinterSimMode, 'offline'>, Record<number, number>> = {
  normal: { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 },
  'paper-near-end': { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x1e },
  'paper-out': { 1: 0x1a, 2: 0x32, 3: 0x12, 4: 0x7e },
  'cover-open': { 1: 0x1a, 2: 0x16, 3: 0x12, 4: 0x12 },
  'cutter-error': { 1: 0x1a, 2: 0x52, 3: 0x1a, 4: 0x12 },
};

export interface PrinterSimEvents {
  ticket: [ticket: DecodedTicket];
}

export interface PrinterSim extends EventEmitter<PrinterSimEvents> {
  mode: PrinterSimMode;
  /** Tickets completed by a cut, in order. */
  readonly tickets: DecodedTicket[];
  /** Bytes received other than status requests: zero means nothing was sent to print. */
  readonly printBytes: number;
  readonly statusRequests: number[];
  /** Items received since the last cut (a ticket still being sent, or one never cut). */
  pendingItems(): EscPosItem[];
  /** Resolves once `count` tickets have been filed. */
  waitForTickets(count: number, timeoutMs?: number): Promise<DecodedTicket[]>;
  stop(): Promise<void>;
}

export interface PrinterSimOptions {
  mode?: PrinterSimMode;
  /** Called with a text picture of each ticket (the CLI prints it). */
  print?: (text: string) => void;
  columns?: number;
}

/** The printer itself, independent of how bytes reach it; one decoder per connection. */
function createDevice(options: PrinterSimOptions): {
  sim: PrinterSim;
  connection(reply: (bytes: Buffer) => void): (chunk: Buffer) => void;
} {
  const sim = new EventEmitter<PrinterSimEvents>() as PrinterSim;
  const tickets: DecodedTicket[] = [];
  const statusRequests: number[] = [];
  let printBytes = 0;
  let pending: EscPosItem[] = [];

  const file = (items: EscPosItem[]) => {
    for (const item of items) {
      if (item.kind === 'status-request') continue;
      pending.push(item);
      if (item.kind !== 'cut') continue;
      const ticket = toTicket(pending);
      pending = [];
      tickets.push(ticket);
      options.print?.(renderTicket(ticket, options.columns));
      sim.emit('ticket', ticket);
    }
  };

  Object.assign(sim, {
    mode: options.mode ?? 'normal',
    tickets,
    statusRequests,
    pendingItems: () => [...pending],
    waitForTickets(count: number, timeoutMs = 2_000) {
      return new Promise<DecodedTicket[]>((resolve, reject) => {
        const check = () => {
          if (tickets.length < count) return;
          clearTimeout(timer);
          sim.off('ticket', check);
          resolve(tickets.slice(0, count));
        };
        const timer = setTimeout(() => {
          sim.off('ticket', check);
          reject(new Error(`expected ${count} ticket(s) within ${timeoutMs} ms, got ${tickets.length}`));
        }, timeoutMs);
        sim.on('ticket', check);
        check();
      });
    },
  });
  Object.defineProperty(sim, 'printBytes', { get: () => printBytes });

  const connection = (reply: (bytes: Buffer) => void) => {
    const decoder = new EscPosDecoder();
    return (chunk: Buffer) => {
      const items = decoder.push(chunk);
      let statusBytes = 0;
      for (const item of items) {
        if (item.kind !== 'status-request') continue;
        statusBytes += 3;
        statusRequests.push(item.n);
        // Real-time commands are answered on arrival, ahead of anything still waiting to be printed.
        if (sim.mode !== 'offline') reply(Buffer.from([REPLIES[sim.mode][item.n]]));
      }
      printBytes += chunk.length - statusBytes;
      file(items);
    };
  };
  return { sim, connection };
}

export async function startPrinterSim(options: PrinterSimOptions & { port: string; baudRate?: number }): Promise<PrinterSim> {
  const { sim, connection } = createDevice(options);
  const port = new SerialPort({ path: options.port, baudRate: options.baudRate ?? 9600, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  port.on('data', connection((bytes) => port.write(bytes)));
  port.on('error', () => undefined); // a vanished pty is the test's business, not a crash
  sim.stop = async () => {
    if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  };
  return sim;
}

export async function startTcpPrinterSim(
  options: PrinterSimOptions & { port?: number; host?: string },
): Promise<PrinterSim & { readonly port: number }> {
  const { sim, connection } = createDevice(options);
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    socket.on('data', connection((bytes) => socket.write(bytes)));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  sim.stop = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return Object.assign(sim, { port });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      tcp: { type: 'string' },
      mode: { type: 'string', default: 'normal' },
      columns: { type: 'string', default: '48' },
    },
  });
  const mode = values.mode as PrinterSimMode;
  if ((!values.port && !values.tcp) || !PRINTER_SIM_MODES.includes(mode)) {
    console.error(`usage: printer-sim (--port /dev/pts/N | --tcp 9100) [--mode ${PRINTER_SIM_MODES.join('|')}] [--columns 32|48]`);
    process.exit(2);
  }
  const common = { mode, columns: Number.parseInt(values.columns ?? '48', 10), print: (text: string) => console.log(`${text}\n`) };
  const sim = values.port
    ? await startPrinterSim({ ...common, port: values.port })
    : await startTcpPrinterSim({ ...common, port: Number.parseInt(values.tcp ?? '9100', 10), host: '0.0.0.0' });
  console.log(`printer simulator on ${values.port ?? `tcp ${values.tcp}`}, mode ${mode}; type a mode name to change it`);
  createInterface({ input: process.stdin }).on('line', (line) => {
    const next = line.trim() as PrinterSimMode;
    if (PRINTER_SIM_MODES.includes(next)) {
      sim.mode = next;
      console.log(`mode: ${next}`);
    } else if (next) console.log(`modes: ${PRINTER_SIM_MODES.join(', ')}`);
  });
  const shutdown = () => void sim.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (isMainModule(import.meta.url)) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
