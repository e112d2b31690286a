import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameSplitter, escapeFrameBody, unescapeFrameBody } from '../../../drivers/led-sign/onbon-escape.js';

const flagBytes = [0xa5, 0xa6, 0x5a, 0x5b];

describe('Onbon byte stuffing', () => {
  it('escapes each flag and escape byte to its two-byte form', () => {
    expect(escapeFrameBody(Buffer.from([0xa5, 0xa6, 0x5a, 0x5b, 0x00]))).toEqual(
      Buffer.from([0xa6, 0x02, 0xa6, 0x01, 0x5b, 0x02, 0x5b, 0x01, 0x00]),
    );
  });

  it('round-trips a payload made only of A5 A6 5A 5B, leaving no flag byte on the wire', () => {
    const payload = Buffer.from(Array.from({ length: 400 }, (_, i) => flagBytes[(i * 7 + (i >> 3)) % 4]));
    const escaped = escapeFrameBody(payload);
    expect(escaped.includes(0xa5)).toBe(false);
    expect(escaped.includes(0x5a)).toBe(false);
    expect(escaped.length).toBe(payload.length * 2);
    expect(unescapeFrameBody(escaped)).toEqual(payload);
  });

  it('round-trips any payload, biased towards flag bytes', () => {
    const byte = fc.oneof(fc.constantFrom(...flagBytes), fc.integer({ min: 0, max: 255 }));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 300 }), (bytes) => {
        const payload = Buffer.from(bytes);
        const escaped = escapeFrameBody(payload);
        return !escaped.includes(0xa5) && !escaped.includes(0x5a) && unescapeFrameBody(escaped)!.equals(payload);
      }),
    );
  });

  it('refuses an escape byte followed by anything but 01 or 02', () => {
    expect(unescapeFrameBody(Buffer.from([0x01, 0xa6, 0x03]))).toBeNull();
    expect(unescapeFrameBody(Buffer.from([0x5b]))).toBeNull();
  });
});

describe('Onbon frame splitter', () => {
  it('finds frames split across chunks and skips noise and repeated start flags', () => {
    const splitter = new FrameSplitter();
    const stream = Buffer.from([0x11, 0xa5, 0xa5, 0xa5, 0x01, 0x02, 0x5a, 0xff, 0xa5, 0x03, 0x5a]);
    const bodies = [...splitter.push(stream.subarray(0, 5)), ...splitter.push(stream.subarray(5, 9)), ...splitter.push(stream.subarray(9))];
    expect(bodies).toEqual([Buffer.from([0x01, 0x02]), Buffer.from([0x03])]);
  });

  it('drops a frame whose end flag was lost and resynchronises on the next start flag', () => {
    const splitter = new FrameSplitter();
    const bodies = splitter.push(Buffer.from([0xa5, 0x01, 0x02, 0xa5, 0xa5, 0x09, 0x5a]));
    expect(bodies).toEqual([Buffer.from([0x09])]);
  });
});
