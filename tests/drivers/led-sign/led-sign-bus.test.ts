import { afterEach, describe, expect, it } from 'vitest';
import type { LedSignResult } from '../../../drivers/led-sign/errors.js';
import { createOnbonBx5kFramer } from '../../../drivers/led-sign/onbon-bx5k.js';
import { openSignLine, type SignLine } from './line-fixture.js';

let line: SignLine | null = null;
afterEach(async () => {
  await line?.close();
  line = null;
});

describe('LED sign bus over a pty with Onbon BX-5K signs', () => {
  it('shows each sign its own text, Chinese included, with several signs on one line', async () => {
    line = await openSignLine(createOnbonBx5kFramer(), { framer: 'onbon', addresses: [1, 2, 3] });
    const results = await Promise.all([
      line.bus.show(1, ['B007 请到5号窗口']),
      line.bus.show(3, ['A012 请到3号窗口']),
      line.bus.show(2, ['C101', '请到8号窗口']),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    expect(line.sim.signs.get(3)?.lines).toEqual(['A012 请到3号窗口']);
    expect(line.sim.signs.get(1)?.lines).toEqual(['B007 请到5号窗口']);
    expect(line.sim.signs.get(2)?.lines).toEqual(['C101', '请到8号窗口']);
    expect(line.sim.stats).toMatchObject({ accepted: 3, badChecksum: 0, malformed: 0 });
  });

  it('clears only the addressed sign and sets brightness on the one asked', async () => {
    line = await openSignLine(createOnbonBx5kFramer(), { framer: 'onbon', addresses: [1, 2] });
    await line.bus.show(1, ['A001']);
    await line.bus.show(2, ['A002']);
    expect(await line.bus.clear(1)).toMatchObject({ ok: true, address: 1 });
    expect(await line.bus.brightness(2, 12)).toMatchObject({ ok: true, address: 2 });
    expect(line.sim.signs.get(1)).toEqual({ lines: [], brightness: null });
    expect(line.sim.signs.get(2)).toEqual({ lines: ['A002'], brightness: 12 });
  });

  it('reports a sign that never answers as LED_TIMEOUT and still sends the next queued write', async () => {
    line = await openSignLine(createOnbonBx5kFramer(), { framer: 'onbon', addresses: [1, 2] });
    const order: number[] = [];
    const track = (p: Promise<LedSignResult>) => p.then((r) => (order.push(r.address), r));
    const [absent, present] = await Promise.all([
      track(line.bus.show(9, ['A009'])),
      track(line.bus.show(2, ['A002 请到2号窗口'])),
    ]);
    expect(absent).toMatchObject({ ok: false, address: 9, error: { code: 'LED_TIMEOUT', address: 9 } });
    if (!absent.ok) {
      expect(absent.error.zh).toContain('无应答');
      expect(absent.error.en).toContain('did not answer');
    }
    expect(present).toMatchObject({ ok: true, address: 2 });
    expect(order).toEqual([9, 2]);
    expect(line.sim.signs.get(2)?.lines).toEqual(['A002 请到2号窗口']);
  });

  it('times out on a sign that takes the text but whose answers never arrive', async () => {
    line = await openSignLine(createOnbonBx5kFramer(), { framer: 'onbon', addresses: [1, 2], mute: [1] });
    const result = await line.bus.show(1, ['A001']);
    expect(result).toMatchObject({ ok: false, error: { code: 'LED_TIMEOUT' } });
    expect(line.sim.signs.get(1)?.lines).toEqual(['A001']);
    expect(await line.bus.show(2, ['A002'])).toMatchObject({ ok: true });
  });

  it('does not take a late answer from one sign as the answer of the next', async () => {
    // Sign 1 answers only after the host gave up; sign 2 takes commands but never answers.
    line = await openSignLine(
      createOnbonBx5kFramer(),
      { framer: 'onbon', addresses: [1, 2], mute: [2], replyDelayMs: { 1: 200 } },
      { replyTimeoutMs: 150 }, // sign 1's answer lands at about 210 ms, inside the wait for sign 2 (150-300 ms)
    );
    const [first, second] = await Promise.all([line.bus.show(1, ['A001']), line.bus.show(2, ['A002'])]);
    expect(first).toMatchObject({ ok: false, error: { code: 'LED_TIMEOUT' } });
    expect(second).toMatchObject({ ok: false, error: { code: 'LED_TIMEOUT' } });
    expect(line.sim.stats.repliesSent).toBe(1); // sign 1's answer did arrive, during the wait for sign 2
  });

  it('reopens the port after writes in a row go unanswered, since a dead pty reports nothing', async () => {
    line = await openSignLine(
      createOnbonBx5kFramer(),
      { framer: 'onbon', addresses: [1] },
      { replyTimeoutMs: 200, reopenAfterSilentWrites: 2 },
    );
    await line.sim.stop(); // nothing listens on the device end any more; the host port stays "open"
    let closes = 0;
    line.link.on('close', () => closes++);
    expect(await line.bus.show(1, ['A001'])).toMatchObject({ ok: false, error: { code: 'LED_TIMEOUT' } });
    expect(closes).toBe(0);
    expect(await line.bus.show(1, ['A001'])).toMatchObject({ ok: false, error: { code: 'LED_TIMEOUT' } });
    expect(closes).toBe(1);

    await line.restartSim();
    expect(await line.bus.show(1, ['A002 请到1号窗口'])).toMatchObject({ ok: true });
    expect(line.sim.signs.get(1)?.lines).toEqual(['A002 请到1号窗口']);
  });

  it('gives typed failures while the cable is pulled and recovers by itself once it is back', async () => {
    line = await openSignLine(
      createOnbonBx5kFramer(),
      { framer: 'onbon', addresses: [1] },
      { replyTimeoutMs: 200, writeTimeoutMs: 300, reopenAfterSilentWrites: 2 },
    );
    expect(await line.bus.show(1, ['A001'])).toMatchObject({ ok: true });

    await line.sim.stop();
    await line.pair.restart(400); // socat killed: both ends vanish for 400 ms
    const whileDead = await line.bus.show(1, ['A002']);
    expect(whileDead.ok).toBe(false);
    if (!whileDead.ok) expect(['LED_TIMEOUT', 'LED_WRITE_FAILED', 'LED_PORT_NOT_OPEN']).toContain(whileDead.error.code);

    await line.restartSim();
    let attempts = 0;
    let result = await line.bus.show(1, ['A003 请到1号窗口']);
    while (!result.ok && ++attempts < 10) result = await line.bus.show(1, ['A003 请到1号窗口']);
    expect(result.ok).toBe(true);
    expect(line.sim.signs.get(1)?.lines).toEqual(['A003 请到1号窗口']);
  });

  it('rejects text the signs cannot show without putting anything on the line', async () => {
    line = await openSignLine(createOnbonBx5kFramer(), { framer: 'onbon', addresses: [1] });
    const result = await line.bus.show(1, ['请 㐀 到']);
    expect(result).toMatchObject({ ok: false, error: { code: 'LED_TEXT_NOT_ENCODABLE' } });
    expect(await line.bus.show(0, ['A'])).toMatchObject({ ok: false, error: { code: 'LED_ADDRESS_OUT_OF_RANGE' } });
    await new Promise((r) => setTimeout(r, 50));
    expect(line.sim.stats.accepted + line.sim.stats.malformed + line.sim.stats.badChecksum).toBe(0);
  });
});
