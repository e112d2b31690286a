import { describe, expect, it } from 'vitest';
import { alphaSignSide, createAlphaSignFramer } from '../../../drivers/led-sign/alpha-sign.js';

const framer = createAlphaSignFramer();

describe('Alpha sign framer', () => {
  it('writes TEXT file A for sign 01 as NUL x5, SOH, Z01, STX, AA, ESC, fill, hold, text, ETX, sum, EOT', () => {
    const encoded = framer.encodeShow(1, ['A012 TO 3']);
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    // sum of 02 41 41 1B 30 62 "A012 TO 3" 03 = 0x031E
    const expected = Buffer.concat([
      Buffer.from('00000000000100', 'hex').subarray(0, 6),
      Buffer.from('Z01', 'ascii'),
      Buffer.from('0241411b3062', 'hex'),
      Buffer.from('A012 TO 3', 'ascii'),
      Buffer.from([0x03]),
      Buffer.from('031E', 'ascii'),
      Buffer.from([0x04]),
    ]);
    expect(encoded.frame).toEqual(expected);
  });

  it('puts the address as two upper-case hex digits and separates lines with the new-line code', () => {
    const encoded = framer.encodeShow(0x2b, ['A012', 'WIN 3']);
    if (!encoded.ok) throw new Error(encoded.error.en);
    expect(encoded.frame.subarray(7, 9).toString('ascii')).toBe('2B');
    expect(encoded.frame.subarray(-6).toString('ascii')).toBe('\x030356\x04');
    expect(encoded.frame.includes(Buffer.from('A012\rWIN 3'))).toBe(true);
  });

  it('can leave out the checksum, ending straight with EOT', () => {
    const encoded = createAlphaSignFramer({ checksum: false }).encodeShow(1, ['A']);
    if (!encoded.ok) throw new Error(encoded.error.en);
    expect(encoded.frame.subarray(-3)).toEqual(Buffer.from([0x62, 0x41, 0x04]));
  });

  it('refuses Chinese text with a typed error, since the protocol is ASCII only', () => {
    const encoded = framer.encodeShow(1, ['A012 请到3号窗口']);
    expect(encoded.ok).toBe(false);
    if (!encoded.ok) expect(encoded.error).toMatchObject({ code: 'LED_TEXT_NOT_ENCODABLE', address: 1 });
  });

  it('transliterates full-width digits and letters to ASCII', () => {
    const encoded = framer.encodeShow(1, ['Ａ０１２']);
    if (!encoded.ok) throw new Error(encoded.error.en);
    expect(encoded.frame.includes(Buffer.from('A012'))).toBe(true);
  });

  it('says brightness is unsupported instead of sending something the sign would misread', () => {
    const encoded = framer.encodeBrightness(1, 8);
    expect(encoded.ok ? 'ok' : encoded.error.code).toBe('LED_UNSUPPORTED');
  });

  it('is decoded by the sign side, and a corrupted sum is dropped', () => {
    const reader = alphaSignSide.createCommandReader();
    const encoded = framer.encodeShow(4, ['A012', 'WIN 3']);
    if (!encoded.ok) throw new Error(encoded.error.en);
    expect(reader.push(encoded.frame)).toEqual([
      { ok: true, address: 4, command: { kind: 'show', lines: ['A012', 'WIN 3'] }, wantsReply: false },
    ]);
    const corrupted = Buffer.from(encoded.frame);
    corrupted[16] ^= 0x02; // a text byte: "0" becomes "2"
    expect(reader.push(corrupted)).toMatchObject([{ ok: false, reason: 'checksum' }]);
    const clear = framer.encodeClear(4);
    if (!clear.ok) throw new Error(clear.error.en);
    expect(reader.push(clear.frame)).toMatchObject([{ ok: true, address: 4, command: { kind: 'clear' } }]);
  });
});
