import type { Logger } from 'pino';
import { SerialLink } from '../serial/serial-link.js';
import { TcpLink } from './tcp-link.js';
import { TicketPrinter, type TicketPrinterOptions } from './ticket-printer.js';

export { TicketPrinter, type TicketPrinterOptions, type TicketPrinterEvents } from './ticket-printer.js';
export { buildHallTicket, type HallTicketData } from './ticket-layout.js';
export type { PrintResult, StatusResult, PrinterProblem, PrinterProblemCode } from './print-result.js';
export type { PrinterStatus } from './printer-status.js';
export type { PaperWidth } from './escpos-bytes.js';
export type { PrinterLink } from './printer-link.js';
export { TcpLink } from './tcp-link.js';

/** Most ticket printers leave the factory at 9600 8N1 on their serial port. */
const DEFAULT_SERIAL_BAUD = 9600;

export function serialTicketPrinter(
  port: { path: string; baudRate?: number },
  opts?: TicketPrinterOptions,
  log?: Logger,
): TicketPrinter {
  const link = new SerialLink({ path: port.path, baudRate: port.baudRate ?? DEFAULT_SERIAL_BAUD }, log);
  return new TicketPrinter(link, { name: port.path, ...opts }, log);
}

export function networkTicketPrinter(
  address: { host: string; port?: number },
  opts?: TicketPrinterOptions,
  log?: Logger,
): TicketPrinter {
  const link = new TcpLink(address, log);
  return new TicketPrinter(link, { name: `${address.host}:${address.port ?? 9100}`, ...opts }, log);
}
