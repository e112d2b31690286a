import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHall, type TestHall } from '../support/hall-server.js';

describe('the hall icon', () => {
  let t: TestHall;
  beforeAll(async () => { t = await startTestHall(); });
  afterAll(async () => t.stop());

  it('answers the /favicon.ico every browser asks for with a PNG, instead of a failed request on every screen', async () => {
    const res = await fetch(`${t.url}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([64, 64]);
  });
});
