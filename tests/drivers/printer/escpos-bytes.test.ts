import { describe, expect, it } from 'vitest';
import { charSize, gb18030, qrCodeBytes } from '../../../drivers/printer/escpos-bytes.js';

const STORE_HEADER = [0x1d, 0x28, 0x6b];

function storeCommand(bytes: Buffer): { length: number; data: Buffer } {
  for (let i = 0; i + 7 < bytes.length; i++) {
    if (bytes.subarray(i, i + 3).equals(Buffer.from(STORE_HEADER)) && bytes[i + 5] === 0x31 && bytes[i + 6] === 0x50) {
      const length = bytes[i + 3] + 256 * bytes[i + 4];
      return { length, data: bytes.subarray(i + 8, i + 5 + length) };
    }
  }
  throw new Error('no QR store command');
}

describe('ESC/POS bytes the driver writes itself', () => {
  it('stores a 60-byte URL with pL + 256 * pH = 63', () => {
    const url = 'https://hall.example.cn/t/' + 'x'.repeat(34);
    expect(Buffer.byteLength(url)).toBe(60);
    const bytes = qrCodeBytes(url, { moduleSize: 6, errorCorrection: 'M' });
    const store = storeCommand(bytes);
    expect(store.length).toBe(63);
    expect(store.data.toString('utf8')).toBe(url);
  });

  it('counts UTF-8 bytes, not characters, for a URL with Chinese in it', () => {
    const url = 'https://hall.example.cn/大厅/A012';
    const store = storeCommand(qrCodeBytes(url, { moduleSize: 4, errorCorrection: 'M' }));
    expect(store.length).toBe(Buffer.byteLength(url) + 3);
    expect(store.length).not.toBe(url.length + 3);
    expect(store.data.toString('utf8')).toBe(url);
  });

  it('splits a long store length into pL and pH', () => {
    const url = 'https://h.cn/' + 'a'.repeat(300);
    const bytes = qrCodeBytes(url, { moduleSize: 4, errorCorrection: 'L' });
    const i = bytes.indexOf(Buffer.from([0x1d, 0x28, 0x6b, (313 + 3) & 0xff, 1, 0x31, 0x50, 0x30]));
    expect(i).toBeGreaterThan(0);
  });

  it('selects model 2, the module size and the error level, and ends with the print command', () => {
    const bytes = qrCodeBytes('https://a.cn', { moduleSize: 8, errorCorrection: 'M' });
    expect(bytes.subarray(0, 9)).toEqual(Buffer.from([0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]));
    expect(bytes.subarray(9, 17)).toEqual(Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, 0x08]));
    expect(bytes.subarray(17, 25)).toEqual(Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31]));
    expect(bytes.subarray(-8)).toEqual(Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30]));
  });

  it('refuses a payload too long for one QR symbol instead of sending a broken one', () => {
    expect(() => qrCodeBytes('a'.repeat(2332), { moduleSize: 4, errorCorrection: 'M' })).toThrow(RangeError);
    expect(() => qrCodeBytes('', { moduleSize: 4, errorCorrection: 'M' })).toThrow(RangeError);
  });

  it('puts the width in the high nibble of GS !, so 8x8 is 0x77 and double height alone is 0x01', () => {
    expect(charSize(8, 8)).toEqual(Buffer.from([0x1d, 0x21, 0x77]));
    expect(charSize(1, 2)).toEqual(Buffer.from([0x1d, 0x21, 0x01]));
    expect(charSize(2, 1)).toEqual(Buffer.from([0x1d, 0x21, 0x10]));
    expect(() => charSize(9, 1)).toThrow(RangeError);
  });

  it('encodes 㐀, which GB2312 lacks, as the four GB18030 bytes 81 39 EE 39', () => {
    expect(gb18030('㐀')).toEqual(Buffer.from([0x81, 0x39, 0xee, 0x39]));
    expect(gb18030('张三')).toEqual(Buffer.from([0xd5, 0xc5, 0xc8, 0xfd]));
  });
});
