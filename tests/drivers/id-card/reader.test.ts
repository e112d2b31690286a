import { afterEach, describe, expect, it } from 'vitest';
import type { CardRead, ReaderStatus } from '../../../drivers/id-card/reader.js';
import { encodeIdentityText } from '../../../drivers/id-card/identity-encoder.js';
import { FIXTURE_IDENTITIES, fixturePhoto } from '../../../drivers/simulators/fixtures/id-card-identities.js';
import { openBench, sleep, until, type Bench } from './reader-harness.js';

const statusOf = (bench: Bench) => bench.of('status').map((event) => event.payload as ReaderStatus);
const errorCodes = (bench: Bench) => bench.of('error').map((event) => (event.payload as { code: string }).code);
const cards = (bench: Bench) => bench.of('card').map((event) => event.payload as CardRead);
const connected = (bench: Bench) => bench.reader.status.connected && bench.reader.status.samOk;

describe('IdCardReader against the simulated reader over a pty', () => {
  let bench: Bench | null = null;
  afterEach(async () => {
    await bench?.close();
    bench = null;
  });

  it('reports a placed card exactly once, with the identity and photo the card holds', async () => {
    bench = await openBench();
    const b = bench;
    await until('the reader to be ready', () => connected(b));
    expect(statusOf(b).at(-1)).toEqual({ connected: true, samOk: true });

    b.sim.insert(0);
    await until('a card event', () => cards(b).length > 0);
    await sleep(400); // ten more polls while the card stays on the reader
    expect(cards(b)).toHaveLength(1);
    expect(cards(b)[0].identity).toEqual(FIXTURE_IDENTITIES[0]);
    expect(cards(b)[0].photo).toEqual(fixturePhoto(0));
    expect(b.sim.countOf('readTextAndPhoto')).toBe(1);
    expect(b.sim.countOf('findCard')).toBeGreaterThan(5);
  });

  it('reports the removal and reads the card again when it is placed again', async () => {
    bench = await openBench();
    const b = bench;
    b.sim.insert(1);
    await until('the first read', () => cards(b).length === 1);
    b.sim.remove();
    await until('the removal', () => b.of('card-removed').length === 1);
    b.sim.insert(1);
    await until('the second read', () => cards(b).length === 2);
    expect(b.events.filter((e) => e.type !== 'status').map((e) => e.type)).toEqual(['card', 'card-removed', 'card']);
    expect(cards(b)[1].identity.name).toBe('李四');
  });

  it('reports a failed read as a typed error and succeeds on the next attempt', async () => {
    bench = await openBench();
    const b = bench;
    b.sim.failNext('readTextAndPhoto', 0x41);
    b.sim.insert(2);
    await until('a card event', () => cards(b).length > 0);
    await sleep(200);
    const [failure] = b.of('error');
    expect(failure.payload).toMatchObject({ code: 'ID_CARD_READ_FAILED', sw3: 0x41, text: { zh: '读卡失败，请重新放置身份证' } });
    expect(b.events.findIndex((e) => e.type === 'error')).toBeLessThan(b.events.findIndex((e) => e.type === 'card'));
    expect(cards(b)).toHaveLength(1);
    expect(cards(b)[0].identity).toMatchObject({ birthDate: '1950-03-08', validTo: 'long-term' });
    expect(b.sim.countOf('readTextAndPhoto')).toBe(2);
  });

  it('gives up on a card after the configured attempts until it is placed again', async () => {
    bench = await openBench({ readAttemptsPerCard: 2 });
    const b = bench;
    b.sim.failNext('selectCard', 0x81, 5);
    b.sim.insert(0);
    await until('two failures', () => b.of('error').length === 2);
    await sleep(300);
    expect(errorCodes(b)).toEqual(['ID_CARD_SELECT_FAILED', 'ID_CARD_SELECT_FAILED']);
    expect(b.sim.countOf('selectCard')).toBe(2);
    expect(cards(b)).toHaveLength(0);
  });

  it('refuses a card whose ID number fails the check digit, once, without retrying', async () => {
    bench = await openBench();
    const b = bench;
    b.sim.insert(encodeIdentityText({ ...FIXTURE_IDENTITIES[0], idNumber: '110101199001010016' }));
    await until('the refusal', () => b.of('error').length > 0);
    await sleep(300);
    expect(errorCodes(b)).toEqual(['ID_CARD_CHECK_DIGIT']);
    expect(b.sim.countOf('readTextAndPhoto')).toBe(1);
    expect(cards(b)).toHaveLength(0);
  });

  it('reports a failed security module and reads no card until it recovers', async () => {
    bench = await openBench();
    const b = bench;
    await until('the reader to be ready', () => connected(b));
    b.sim.setSamFailure(0x60);
    b.sim.insert(3);
    await until('the SAM failure', () => statusOf(b).at(-1)?.samOk === false);
    expect(errorCodes(b)).toContain('ID_CARD_SAM_SELF_TEST_FAILED');
    await sleep(300);
    expect(cards(b)).toHaveLength(0);
    b.sim.setSamFailure(null);
    await until('the card after recovery', () => cards(b).length === 1);
    expect(cards(b)[0].identity.name).toBe('赵㐀');
    expect(statusOf(b).at(-1)).toEqual({ connected: true, samOk: true });
  });

  it('reports disconnection when the cable is unplugged, then recovers and reads the card', async () => {
    bench = await openBench();
    const b = bench;
    b.sim.insert(4);
    await until('the first read', () => cards(b).length === 1);
    await b.pair.restart(300); // socat killed: both ptys vanish for 300 ms
    b.sim.reattach();
    await until('the disconnection', () => statusOf(b).some((s) => !s.connected));
    expect(b.of('card-removed')).toHaveLength(1);
    await until('the read after replugging', () => cards(b).length === 2, 5_000);
    expect(cards(b)[1].identity.idNumber).toBe('11010619780808005X');
    expect(statusOf(b).at(-1)).toEqual({ connected: true, samOk: true });
  });

  it('reopens the port when the reader stops answering and recovers when it answers again', async () => {
    bench = await openBench();
    const b = bench;
    await until('the reader to be ready', () => connected(b));
    b.sim.setSilent(true);
    await until('the disconnection', () => !b.reader.status.connected);
    await sleep(1_000); // further reopen cycles while the reader stays silent
    expect(errorCodes(b)).toEqual(['ID_CARD_TIMEOUT']);
    b.sim.setSilent(false);
    b.sim.insert(0);
    await until('the read after recovery', () => cards(b).length === 1, 5_000);
    expect(statusOf(b).at(-1)).toEqual({ connected: true, samOk: true });
  });
});
