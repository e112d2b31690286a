import { describe, expect, it } from 'vitest';
import { crc16Arc } from '../../../drivers/led-sign/crc16-arc.js';
import { BX5K, createOnbonBx5kFramer, encodeOnbonReply } from '../../../drivers/led-sign/onbon-bx5k.js';
import { onbonBx5kSignSide } from '../../../drivers/led-sign/onbon-bx5k-sign-side.js';
import { unescapeFrameBody } from '../../../drivers/led-sign/onbon-escape.js';

const framer = createOnbonBx5kFramer();

function frameOf(encoded: ReturnType<typeof framer.encodeShow>): Buffer {
  if (!encoded.ok) throw new Error(encoded.error.en);
  return encoded.frame;
}

/** Strips the flags and escaping: what the CRC and header are defined over. */
function unwrap(frame: Buffer): Buffer {
  let start = 0;
  while (frame[start] === 0xa5) start++;
  expect(frame[frame.length - 1]).toBe(0x5a);
  return unescapeFrameBody(frame.subarray(start, frame.length - 1))!;
}

describe('Onbon BX-5K framer', () => {
  it('encodes clear for address 3 to the exact bytes of the 5K header, A3 06 and a little-endian CRC', () => {
    const frame = frameOf(framer.encodeClear(3));
    expect(frame.toString('hex')).toBe(
      'a5'.repeat(8) + '03000080000000000000fe020800' + 'a306010000010000' + '0633' + '5a',
    );
  });

  it('escapes header bytes too: address 0xA5 goes out as A6 02', () => {
    const frame = frameOf(framer.encodeClear(0xa5));
    expect(frame.toString('hex')).toBe(
      'a5'.repeat(8) + 'a602000080000000000000fe020800' + 'a306010000010000' + '4a6b' + '5a',
    );
  });

  it('lays out the 14-byte header field by field, little-endian', () => {
    const raw = unwrap(frameOf(framer.encodeShow(0x1234, ['A012 请到3号窗口'])));
    const header = raw.subarray(0, 14);
    expect(header.readUInt16LE(0)).toBe(0x1234); // screen address
    expect(header.readUInt16LE(2)).toBe(BX5K.hostAddress); // source address
    expect([...header.subarray(4, 7)]).toEqual([0, 0, 0]); // reserved
    expect(header[7]).toBe(0x00); // no barcode
    expect(header[8]).toBe(BX5K.checkMode);
    expect(header[9]).toBe(BX5K.displayMode);
    expect(header[10]).toBe(BX5K.deviceType);
    expect(header[11]).toBe(BX5K.protocolVersion);
    expect(header.readUInt16LE(12)).toBe(raw.length - 14 - 2); // data length, CRC excluded
    expect(raw.readUInt16LE(raw.length - 2)).toBe(crc16Arc(raw.subarray(0, raw.length - 2)));
  });

  it('sends the dynamic-area update with the text in GB2312 at the end of the area', () => {
    const raw = unwrap(frameOf(framer.encodeShow(3, ['A012 请到3号窗口'])));
    const data = raw.subarray(14, raw.length - 2);
    expect([...data.subarray(0, 7)]).toEqual([0xa3, 0x06, 0x01, 0x00, 0x00, 0x00, 0x01]);
    const gb = Buffer.from('4130313220c7ebb5bd33bac5b4b0bfda', 'hex');
    expect(data.subarray(data.length - gb.length)).toEqual(gb);
    expect(data.readUInt32LE(data.length - gb.length - 4)).toBe(gb.length);
  });

  it('is decoded by the sign side back into the same lines, with Chinese intact', () => {
    const reader = onbonBx5kSignSide.createCommandReader();
    const frame = frameOf(framer.encodeShow(7, ['A012 请到3号窗口', '请稍候']));
    const decoded = [...reader.push(frame.subarray(0, 10)), ...reader.push(frame.subarray(10))];
    expect(decoded).toEqual([
      { ok: true, address: 7, command: { kind: 'show', lines: ['A012 请到3号窗口', '请稍候'] }, wantsReply: true },
    ]);
  });

  it('carries brightness 1..16 as controller levels 0..15 and rejects levels outside', () => {
    const reader = onbonBx5kSignSide.createCommandReader();
    const [decoded] = reader.push(frameOf(framer.encodeBrightness(2, 16)));
    expect(decoded).toMatchObject({ ok: true, address: 2, command: { kind: 'brightness', level: 16 } });
    const raw = unwrap(frameOf(framer.encodeBrightness(2, 1)));
    expect(raw[14 + 6]).toBe(0x00);
    for (const level of [0, 17, 2.5]) {
      const bad = framer.encodeBrightness(2, level);
      expect(bad.ok ? 'ok' : bad.error.code).toBe('LED_BRIGHTNESS_OUT_OF_RANGE');
    }
  });

  it('refuses characters outside GB2312 with a typed error instead of sending garbage', () => {
    const result = framer.encodeShow(3, ['请 喆 到']);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('LED_TEXT_NOT_ENCODABLE');
      expect(result.error.en).toContain('U+5586');
      expect(result.error.zh).toContain('屏幕无法显示');
    }
  });

  it('refuses addresses outside 1..65534', () => {
    for (const address of [0, 0xffff, -1, 1.5]) {
      const r = framer.encodeClear(address);
      expect(r.ok ? 'ok' : r.error.code).toBe('LED_ADDRESS_OUT_OF_RANGE');
    }
  });

  it('makes the sign side drop a frame whose CRC does not match', () => {
    const raw = unwrap(frameOf(framer.encodeClear(3)));
    raw[raw.length - 3] ^= 0x01; // corrupt the last data byte, keep the old CRC
    const frame = Buffer.concat([Buffer.from([0xa5, 0xa5]), raw, Buffer.from([0x5a])]); // no escapes needed here
    const [decoded] = onbonBx5kSignSide.createCommandReader().push(frame);
    expect(decoded).toMatchObject({ ok: false, reason: 'checksum' });
  });

  it('reads a sign reply chunk by chunk and matches it to the command that asked', () => {
    const reader = framer.createReplyReader!();
    const reply = encodeOnbonReply(5, BX5K.commandDynamicArea, 0);
    const got = [...reply].flatMap((byte) => reader.push(Buffer.from([byte])));
    const show = framer.encodeShow(5, ['x']);
    expect(got).toEqual([{ address: 5, replyKey: show.ok ? show.replyKey : '', status: 0 }]);
  });
});
