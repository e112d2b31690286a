import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeResponse, FrameReassembler } from '../../../drivers/id-card/frame.js';
import { encodeReadReplyData } from '../../../drivers/id-card/read-reply.js';

const findOk = encodeResponse(0x9f, Buffer.alloc(4));
const noCard = encodeResponse(0x80);
const readReply = encodeResponse(0x90, encodeReadReplyData({ text: Buffer.alloc(256, 0x20), photo: Buffer.alloc(1024, 7) }));

function feed(reassembler: FrameReassembler, bytes: Buffer, sizes: number[]): Buffer[] {
  const frames: Buffer[] = [];
  let at = 0;
  for (let i = 0; at < bytes.length; i++) {
    const size = sizes.length ? sizes[i % sizes.length] : bytes.length;
    frames.push(...reassembler.push(bytes.subarray(at, at + size)));
    at += size;
  }
  return frames;
}

describe('FrameReassembler', () => {
  it('rebuilds a 1295-byte read reply delivered one byte at a time', () => {
    const reassembler = new FrameReassembler();
    const frames = feed(reassembler, Buffer.concat([readReply, findOk]), [1]);
    expect(frames).toEqual([readReply, findOk]);
  });

  it('rebuilds any sequence of frames however the stream is cut', () => {
    const frame = fc.constantFrom(findOk, noCard, readReply);
    fc.assert(
      fc.property(fc.array(frame, { minLength: 1, maxLength: 5 }), fc.array(fc.integer({ min: 1, max: 300 }), { minLength: 1 }), (sent, sizes) => {
        const frames = feed(new FrameReassembler(), Buffer.concat(sent), sizes);
        expect(frames).toEqual(sent);
      }),
      { numRuns: 200 },
    );
  });

  it('finds every frame among random noise between them', () => {
    const noise = fc.uint8Array({ maxLength: 40 }).map((bytes) => Buffer.from(bytes.map((b) => (b === 0xaa ? 0 : b))));
    const frame = fc.constantFrom(findOk, noCard, readReply);
    fc.assert(
      fc.property(fc.array(fc.tuple(noise, frame), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 64 }), (parts, size) => {
        const stream = Buffer.concat(parts.flatMap(([junk, good]) => [junk, good]));
        expect(feed(new FrameReassembler(), stream, [size])).toEqual(parts.map(([, good]) => good));
      }),
      { numRuns: 200 },
    );
  });

  it('skips garbage and a frame with a bad checksum, then decodes the next good frame', () => {
    const damaged = Buffer.from(findOk);
    damaged[damaged.length - 1] ^= 0xff;
    const reassembler = new FrameReassembler();
    const stream = Buffer.concat([Buffer.from([0x00, 0xaa, 0x13, 0xaa, 0xaa]), damaged, Buffer.from([0x55]), noCard]);
    expect(feed(reassembler, stream, [3])).toEqual([noCard]);
    expect(reassembler.stats.badChecksums).toBe(1);
  });

  it('recovers the good frame that a frame cut short has swallowed into its declared length', () => {
    const cutShort = findOk.subarray(0, 8); // declares 15 bytes, so its candidate runs into the next frame
    const reassembler = new FrameReassembler();
    expect(feed(reassembler, Buffer.concat([cutShort, noCard, findOk]), [1])).toEqual([noCard, findOk]);
    expect(reassembler.stats.badChecksums).toBe(1);
  });

  it('does not lose a good frame that follows a preamble claiming an impossible length', () => {
    const falseStart = Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69, 0xff, 0xff]);
    expect(new FrameReassembler().push(Buffer.concat([falseStart, noCard]))).toEqual([noCard]);
  });

  it('does not wait on a false preamble claiming a long frame when a good frame is already complete', () => {
    const falseStart = Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x05, 0x08, 0x00]);
    expect(new FrameReassembler().push(Buffer.concat([falseStart, noCard]))).toEqual([noCard]);
  });

  it('keeps a preamble split across chunks', () => {
    const reassembler = new FrameReassembler();
    expect(reassembler.push(Buffer.concat([Buffer.from([0x01, 0x02]), noCard.subarray(0, 3)]))).toEqual([]);
    expect(reassembler.push(noCard.subarray(3))).toEqual([noCard]);
  });

  it('forgets a half-received frame on reset', () => {
    const reassembler = new FrameReassembler();
    reassembler.push(readReply.subarray(0, 600));
    reassembler.reset();
    expect(reassembler.push(findOk)).toEqual([findOk]);
  });
});
