import { afterEach, describe, expect, it } from 'vitest';
import { createAlphaSignFramer } from '../../../drivers/led-sign/alpha-sign.js';
import { openSignLine, type SignLine } from './line-fixture.js';

let line: SignLine | null = null;
afterEach(async () => {
  await line?.close();
  line = null;
});

describe('LED sign bus over a pty with Alpha protocol signs', () => {
  it('shows each sign its own ASCII text through the same bus interface', async () => {
    line = await openSignLine(createAlphaSignFramer(), { framer: 'alpha', addresses: [1, 2] });
    const seen = Promise.all([line.sim.nextCommand(1, 'show'), line.sim.nextCommand(2, 'show')]);
    expect(await line.bus.show(1, ['A012', 'WIN 3'])).toMatchObject({ ok: true, address: 1 });
    expect(await line.bus.show(2, ['Ｂ００７'])).toMatchObject({ ok: true, address: 2 });
    await seen;
    expect(line.sim.signs.get(1)?.lines).toEqual(['A012', 'WIN 3']);
    expect(line.sim.signs.get(2)?.lines).toEqual(['B007']);
  });

  it('clears one sign with an empty TEXT file and reaches every sign through address 00', async () => {
    line = await openSignLine(createAlphaSignFramer(), { framer: 'alpha', addresses: [1, 2] });
    let seen = line.sim.nextCommand(2, 'show');
    await line.bus.show(0, ['CLOSED']);
    await seen;
    expect(line.sim.signs.get(1)?.lines).toEqual(['CLOSED']);
    seen = line.sim.nextCommand(1, 'clear');
    expect(await line.bus.clear(1)).toMatchObject({ ok: true });
    await seen;
    expect(line.sim.signs.get(1)?.lines).toEqual([]);
    expect(line.sim.signs.get(2)?.lines).toEqual(['CLOSED']);
  });

  it('answers Chinese text and brightness with typed errors and sends nothing', async () => {
    line = await openSignLine(createAlphaSignFramer(), { framer: 'alpha', addresses: [1] });
    expect(await line.bus.show(1, ['A012 请到3号窗口'])).toMatchObject({ ok: false, error: { code: 'LED_TEXT_NOT_ENCODABLE' } });
    expect(await line.bus.brightness(1, 8)).toMatchObject({ ok: false, error: { code: 'LED_UNSUPPORTED' } });
    const seen = line.sim.nextCommand(1, 'show');
    await line.bus.show(1, ['A013']);
    await seen;
    expect(line.sim.stats.accepted).toBe(1);
  });
});
