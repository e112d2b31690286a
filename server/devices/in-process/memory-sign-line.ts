import { EventEmitter } from 'node:events';
import type { SignSideCodec } from '../../../drivers/led-sign/index.js';
import type { SerialLinkEvents } from '../../../drivers/serial/serial-link.js';

/**
 * A line of window signs without a serial port, for simulating where socat is missing. The bus's frames are
 * still encoded and decoded byte for byte by the vendor codec; only the cable is missing.
 */
export class MemorySignLine extends EventEmitter<SerialLinkEvents> {
  /** What each address shows now. */
  readonly signs = new Map<number, string[]>();
  private readonly reader;

  constructor(private readonly codec: SignSideCodec) {
    super();
    this.reader = codec.createCommandReader();
  }

  get isOpen(): boolean {
    return true;
  }

  reopen(): void {}

  async write(frame: Buffer): Promise<void> {
    for (const decoded of this.reader.push(frame)) {
      if (!decoded.ok) continue;
      const { address, command } = decoded;
      if (command.kind === 'show') this.signs.set(address, [...command.lines]);
      if (command.kind === 'clear') this.signs.set(address, []);
      const reply = decoded.wantsReply ? this.codec.encodeReply?.(address, command, 0) : undefined;
      // The bus waits for the answer only after write() resolves, as on a real line.
      if (reply) setImmediate(() => this.emit('data', reply));
    }
  }
}
