import { describe, expect, it } from 'vitest';
import { crc16Arc } from '../../../drivers/led-sign/crc16-arc.js';

describe('CRC-16/ARC', () => {
  it('gives the standard check value 0xBB3D for "123456789"', () => {
    expect(crc16Arc(Buffer.from('123456789', 'ascii'))).toBe(0xbb3d);
  });

  it('is zero for no bytes, because the initial value is zero', () => {
    expect(crc16Arc(Buffer.alloc(0))).toBe(0);
  });

  it('changes when a single bit of the data changes', () => {
    const a = Buffer.from('A012 请到3号窗口');
    const b = Buffer.from(a);
    b[3] ^= 0x01;
    expect(crc16Arc(a)).not.toBe(crc16Arc(b));
  });
});
