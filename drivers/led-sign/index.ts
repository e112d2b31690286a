import type { Logger } from 'pino';
import { SerialLink } from '../serial/serial-link.js';
import { createAlphaSignFramer, type AlphaSignOptions } from './alpha-sign.js';
import type { Framer } from './framer.js';
import { LedSignBus, type LedSignBusOptions } from './led-sign-bus.js';
import { createOnbonBx5kFramer, type OnbonBx5kOptions } from './onbon-bx5k.js';

export { LedSignBus } from './led-sign-bus.js';
export type { LedSignBusOptions, LedSignBusEvents, LedSignLink, LedSignOperation } from './led-sign-bus.js';
export type { LedSignError, LedSignErrorCode, LedSignResult } from './errors.js';
export type { Framer, SignCommand, SignSideCodec, DecodedFrame } from './framer.js';
export { createOnbonBx5kFramer, BX5K } from './onbon-bx5k.js';
export { onbonBx5kSignSide } from './onbon-bx5k-sign-side.js';
export { createAlphaSignFramer, alphaSignSide, ALPHA } from './alpha-sign.js';

export type FramerChoice = { kind: 'onbon-bx5k'; options?: OnbonBx5kOptions } | { kind: 'alpha-sign'; options?: AlphaSignOptions };

export function createFramer(choice: FramerChoice): Framer {
  return choice.kind === 'onbon-bx5k' ? createOnbonBx5kFramer(choice.options) : createAlphaSignFramer(choice.options);
}

export interface OpenLedSignBusOptions extends LedSignBusOptions {
  path: string;
  /** RS-485 converters for window signs are usually set to 9600 or 57600. */
  baudRate: number;
  framer: FramerChoice;
  log?: Logger;
}

/** Opens the line and the bus together; `close()` releases both. */
export function openLedSignBus(options: OpenLedSignBusOptions): { bus: LedSignBus; link: SerialLink; close(): Promise<void> } {
  const link = new SerialLink({ path: options.path, baudRate: options.baudRate }, options.log);
  const bus = new LedSignBus(link, createFramer(options.framer), options);
  link.start();
  return {
    bus,
    link,
    async close() {
      bus.stop();
      await link.stop();
    },
  };
}
