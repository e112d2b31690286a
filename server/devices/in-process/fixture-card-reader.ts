import { EventEmitter } from 'node:events';
import type { IdCardReaderEvents } from '../../../drivers/id-card/reader.js';
import { errorForStatus } from '../../../drivers/id-card/status-codes.js';
import { FIXTURE_IDENTITIES, fixturePhoto } from '../../../drivers/simulators/fixtures/id-card-identities.js';

/**
 * A card reader without a serial port, for simulating where socat is missing: the fixture cards arrive as the
 * driver would report them, with none of the bytes. The pty simulator is preferred because it runs the driver.
 */
export class FixtureCardReader extends EventEmitter<IdCardReaderEvents> {
  private present = false;

  start(): void {
    setImmediate(() => this.emit('status', { connected: true, samOk: true }));
  }

  async stop(): Promise<void> {
    this.removeAllListeners();
  }

  insert(fixture: number): void {
    const identity = FIXTURE_IDENTITIES[fixture];
    if (!identity) throw new RangeError(`no fixture card ${fixture}`);
    if (this.present) this.emit('card-removed');
    this.present = true;
    this.emit('card', { identity: { ...identity }, photo: fixturePhoto(fixture) });
  }

  /** A card the reader cannot read: reported as the driver reports a failed read, and never as a card. */
  insertUnreadable(): void {
    if (this.present) this.emit('card-removed');
    this.present = true;
    if (this.listenerCount('error') > 0) this.emit('error', errorForStatus(0x41));
  }

  remove(): void {
    if (!this.present) return;
    this.present = false;
    this.emit('card-removed');
  }
}
