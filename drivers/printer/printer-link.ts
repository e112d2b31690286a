/**
 * The byte pipe a printer sits on. `SerialLink` (drivers/serial) fits it as is; `TcpLink` is the 9100 variant.
 * Both stay open and reconnect by themselves, which status requests need: a reply arrives on the same
 * connection the request went out on.
 */
export interface PrinterLink {
  readonly isOpen: boolean;
  start(): void;
  stop(): Promise<void>;
  /** Rejects when the link is down; the driver turns that into an OFFLINE result. */
  write(data: Buffer): Promise<void>;
  /** Called when the printer stops answering: a dead pty or a half-open socket gives no close event. */
  reopen(reason: string): void;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'open' | 'close', listener: () => void): unknown;
}

/** The object shape node-thermal-printer accepts as a custom `interface`. */
export interface ThermalPrinterInterface {
  getPrinterName(): string;
  isPrinterConnected(): Promise<boolean>;
  execute(buffer: Buffer, options?: { waitForResponse?: boolean }): Promise<string>;
}

/**
 * Lets node-thermal-printer send through our link. Replies are not read here: node-thermal-printer would hand
 * back whatever chunk arrives first, while status replies need byte-level checks (see status-reader.ts).
 */
export function thermalPrinterInterface(link: PrinterLink, name: string): ThermalPrinterInterface {
  return {
    getPrinterName: () => name,
    isPrinterConnected: async () => link.isOpen,
    execute: async (buffer) => {
      await link.write(buffer);
      return 'sent';
    },
  };
}
