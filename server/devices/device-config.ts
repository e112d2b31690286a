import { z } from 'zod';

const deviceId = z.number().int().positive();
const portPath = z.string().min(1);

/** host:port of a raw (9100) network printer. */
const tcpAddress = z.string().regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'host:port, e.g. 10.0.0.21:9100');

/**
 * Where a kiosk's ticket printer is: a serial port, a network printer, or 'simulated' (a byte-exact printer
 * simulator inside the server, for a kiosk that has no printer yet).
 */
export const PrinterPlace = z.union([
  z.literal('simulated'),
  z.object({ serial: portPath, baudRate: z.number().int().positive().default(9600) }).strict(),
  z.object({ tcp: tcpAddress }).strict(),
]);
export type PrinterPlace = z.infer<typeof PrinterPlace>;

export const KioskDevices = z.object({
  /** The paired kiosk device (its id in the admin screen's device list) these peripherals belong to. */
  deviceId,
  reader: z.object({
    path: portPath,
    baudRate: z.number().int().positive().default(115_200),
    /** How often the reader is asked for a card; about a second on the vendors' own software. */
    pollMs: z.number().int().min(50).max(10_000).default(1000),
  }).strict().optional(),
  printer: PrinterPlace.optional(),
  paperWidth: z.union([z.literal(58), z.literal(80)]).default(80),
  /** Between tickets the printer is asked for its condition this often, so paper-out is seen before a visitor is. */
  printerPollMs: z.number().int().min(1000).max(600_000).default(30_000),
  /** How long the printer may take to answer a status request (a printer on a slow network may need more). */
  printerStatusTimeoutMs: z.number().int().min(50).max(10_000).default(500),
}).strict();
export type KioskDevices = z.infer<typeof KioskDevices>;

/** One RS-485 line of window signs. */
export const LedLine = z.object({
  path: portPath,
  baudRate: z.number().int().positive().default(9600),
  framer: z.enum(['onbon-bx5k', 'alpha-sign']),
  /** Sign addresses (windows' ledAddress) on this line; omitted: every address not claimed by another line. */
  addresses: z.array(z.number().int().min(0).max(65535)).optional(),
}).strict();
export type LedLine = z.infer<typeof LedLine>;

export const BridgeWindow = z.object({
  windowId: deviceId,
  /** Type the visitor's identity into the business system as soon as serving starts. */
  fillOnStart: z.boolean().default(true),
}).strict();

export const DevicesConfig = z.object({
  /**
   * Run the hall's hardware as simulators (a demo kiosk's reader and printer, a line of window signs).
   * Default: true when no kiosk peripherals and no sign lines are configured.
   */
  simulate: z.boolean().optional(),
  /** 'auto': simulators on socat pty pairs when socat is installed; 'in-process': without serial ports. */
  simulation: z.enum(['auto', 'in-process']).default('auto'),
  kiosks: z.array(KioskDevices).max(200).default([]),
  ledLines: z.array(LedLine).max(32).default([]),
  bridges: z.array(BridgeWindow).max(500).default([]),
}).strict()
  .refine((d) => new Set(d.kiosks.map((k) => k.deviceId)).size === d.kiosks.length, { message: 'a kiosk deviceId is listed twice', path: ['kiosks'] });
export type DevicesConfig = z.infer<typeof DevicesConfig>;

export function isSimulating(config: DevicesConfig): boolean {
  return config.simulate ?? (config.kiosks.length === 0 && config.ledLines.length === 0);
}
