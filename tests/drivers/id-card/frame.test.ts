import { describe, expect, it } from 'vitest';
import { encodeRequest, encodeResponse, FrameReassembler, parseRequest, parseResponse } from '../../../drivers/id-card/frame.js';
import { COMMANDS } from '../../../drivers/id-card/protocol-constants.js';
import { decodeReadReply, encodeReadReplyData } from '../../../drivers/id-card/read-reply.js';

/** Byte strings exactly as published in the hardware reference. */
const hex = (text: string) => Buffer.from(text.replace(/\s+/g, ''), 'hex');

describe('request frames', () => {
  const published: Array<[keyof typeof COMMANDS, string]> = [
    ['samId', 'AA AA AA 96 69 00 03 12 FF EE'],
    ['samStatus', 'AA AA AA 96 69 00 03 11 FF ED'],
    ['findCard', 'AA AA AA 96 69 00 03 20 01 22'],
    ['selectCard', 'AA AA AA 96 69 00 03 20 02 21'],
    ['readTextAndPhoto', 'AA AA AA 96 69 00 03 30 01 32'],
    ['readExtraAddress', 'AA AA AA 96 69 00 03 30 03 30'],
    ['readWithFingerprint', 'AA AA AA 96 69 00 03 30 10 23'],
  ];

  it.each(published)('encodes %s byte for byte with its checksum', (name, bytes) => {
    expect(encodeRequest(COMMANDS[name])).toEqual(hex(bytes));
  });

  it('reads command and parameter back from a request frame', () => {
    expect(parseRequest(hex('AA AA AA 96 69 00 03 30 01 32'))).toMatchObject({ cmd: 0x30, para: 0x01 });
  });
});

describe('reply frames', () => {
  const published: Array<[string, number, number, string]> = [
    ['SAM status ok', 0x90, 0, 'AA AA AA 96 69 00 04 00 00 90 94'],
    ['find ok', 0x9f, 4, 'AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97'],
    ['find, no card', 0x80, 0, 'AA AA AA 96 69 00 04 00 00 80 84'],
    ['select ok', 0x90, 8, 'AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C'],
    ['select failed', 0x81, 0, 'AA AA AA 96 69 00 04 00 00 81 85'],
    ['read failed', 0x41, 0, 'AA AA AA 96 69 00 04 00 00 41 45'],
  ];

  it.each(published)('encodes the %s reply byte for byte', (_, sw3, dataBytes, bytes) => {
    expect(encodeResponse(sw3, Buffer.alloc(dataBytes))).toEqual(hex(bytes));
  });

  it.each(published)('decodes the published %s reply to its status', (_, sw3, dataBytes, bytes) => {
    const [frame] = new FrameReassembler().push(hex(bytes));
    expect(parseResponse(frame)).toEqual({ sw1: 0, sw2: 0, sw3, data: Buffer.alloc(dataBytes) });
  });
});

describe('the 1295-byte read reply', () => {
  const text = Buffer.alloc(256, 0x20);
  const photo = Buffer.alloc(1024, 0x5a);
  const frame = encodeResponse(0x90, encodeReadReplyData({ text, photo }));

  it('has the published layout: LEN 05 08, status, block lengths, text, photo, checksum', () => {
    expect(frame.length).toBe(1295);
    expect(frame.subarray(0, 14)).toEqual(hex('AA AA AA 96 69 05 08 00 00 90 01 00 04 00'));
    expect(frame.subarray(14, 270)).toEqual(text);
    expect(frame.subarray(270, 1294)).toEqual(photo);
    let xor = 0;
    for (let i = 5; i < 1294; i++) xor ^= frame[i];
    expect(frame[1294]).toBe(xor);
  });

  it('splits back into the text and the photo', () => {
    const [received] = new FrameReassembler().push(frame);
    const blocks = decodeReadReply(parseResponse(received)!.data);
    expect(blocks.text).toEqual(text);
    expect(blocks.photo).toEqual(photo);
  });

  it('refuses a reply whose block lengths promise more than it holds', () => {
    const short = encodeReadReplyData({ text, photo }).subarray(0, 1000);
    expect(() => decodeReadReply(short)).toThrow(expect.objectContaining({ code: 'ID_CARD_BAD_REPLY' }));
  });

  it('carries a fingerprint block when the fingerprint command was used', () => {
    const fingerprint = Buffer.alloc(1024, 0x77);
    const data = encodeReadReplyData({ text, photo, fingerprint });
    expect(data.subarray(0, 6)).toEqual(hex('01 00 04 00 04 00'));
    expect(decodeReadReply(data, true).fingerprint).toEqual(fingerprint);
  });
});
