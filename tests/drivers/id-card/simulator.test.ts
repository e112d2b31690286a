import { afterEach, describe, expect, it } from 'vitest';
import { encodeRequest } from '../../../drivers/id-card/frame.js';
import { COMMANDS, type CommandName } from '../../../drivers/id-card/protocol-constants.js';
import { SerialLink } from '../../../drivers/serial/serial-link.js';
import { startIdCardSimulator, type IdCardSimulator } from '../../../drivers/simulators/id-card-sim.js';
import { openPtyPair, type PtyPair } from '../../support/pty-pair.js';
import { sleep, until } from './reader-harness.js';

const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'hex');

describe('the ID card reader simulator', () => {
  let pair: PtyPair | null = null;
  let sim: IdCardSimulator | null = null;
  let host: SerialLink | null = null;
  afterEach(async () => {
    await host?.stop();
    await sim?.stop();
    await pair?.close();
    host = sim = pair = null;
  });

  /** Opens the host end raw and returns a function that sends a request and collects the reply's chunks. */
  async function wire(): Promise<(command: CommandName, replyBytes: number) => Promise<Buffer[]>> {
    pair = await openPtyPair();
    sim = await startIdCardSimulator({ path: pair.devicePath, maxChunkBytes: 64, chunkDelayMs: 1, readDelayMs: 5 });
    const link = new SerialLink({ path: pair.hostPath, baudRate: 115200 });
    host = link;
    const opened = new Promise<void>((resolve) => link.once('open', () => resolve()));
    link.start();
    await opened;
    return async (command, replyBytes) => {
      const chunks: Buffer[] = [];
      const collect = (chunk: Buffer) => chunks.push(chunk);
      link.on('data', collect);
      await link.write(encodeRequest(COMMANDS[command]));
      await until(`${replyBytes} bytes`, () => Buffer.concat(chunks).length >= replyBytes);
      await sleep(20); // nothing more may follow
      link.off('data', collect);
      return chunks;
    };
  }

  it('answers with the published replies byte for byte', async () => {
    const ask = await wire();
    const reply = async (command: CommandName, bytes: number) => Buffer.concat(await ask(command, bytes));
    expect(await reply('samStatus', 11)).toEqual(hex('AA AA AA 96 69 00 04 00 00 90 94'));
    expect(await reply('findCard', 11)).toEqual(hex('AA AA AA 96 69 00 04 00 00 80 84'));
    expect(await reply('selectCard', 11)).toEqual(hex('AA AA AA 96 69 00 04 00 00 81 85'));
    expect(await reply('readTextAndPhoto', 11)).toEqual(hex('AA AA AA 96 69 00 04 00 00 41 45'));
    sim!.insert(0);
    expect(await reply('findCard', 15)).toEqual(hex('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97'));
    expect(await reply('selectCard', 19)).toEqual(hex('AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C'));
    const read = await reply('readTextAndPhoto', 1295);
    expect(read).toHaveLength(1295);
    expect(read.subarray(0, 14)).toEqual(hex('AA AA AA 96 69 05 08 00 00 90 01 00 04 00'));
  });

  it('writes a long reply in several chunks so the driver must reassemble it', async () => {
    const ask = await wire();
    sim!.insert(1);
    const chunks = await ask('readTextAndPhoto', 1295);
    expect(chunks.length).toBeGreaterThan(5);
  });

  it('answers a forced failure status once, then normally again', async () => {
    const ask = await wire();
    sim!.insert(0);
    sim!.failNext('findCard', 0x80);
    expect(Buffer.concat(await ask('findCard', 11))).toEqual(hex('AA AA AA 96 69 00 04 00 00 80 84'));
    expect(Buffer.concat(await ask('findCard', 15))[9]).toBe(0x9f);
    expect(sim!.received).toEqual(['findCard', 'findCard']);
  });
});
