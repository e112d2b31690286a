import type { CommandReader, DecodedFrame, SignCommand, SignSideCodec } from './framer.js';
import { decodeGb2312 } from './gb2312-text.js';
import { BX5K, encodeOnbonReply, openPacket } from './onbon-bx5k.js';
import { FrameSplitter } from './onbon-escape.js';

// The controller's view of the BX-5K protocol: what a sign makes of the bytes on the line.
// Simulators use it; it mirrors the layout chosen in onbon-bx5k.ts field by field.

type Parsed = { ok: true; command: SignCommand } | { ok: false; detail: string };

class Cursor {
  offset = 0;
  constructor(private readonly buf: Buffer) {}
  u8(): number {
    if (this.offset + 1 > this.buf.length) throw new RangeError('truncated');
    return this.buf[this.offset++];
  }
  u16(): number {
    if (this.offset + 2 > this.buf.length) throw new RangeError('truncated');
    const v = this.buf.readUInt16LE(this.offset);
    this.offset += 2;
    return v;
  }
  u32(): number {
    if (this.offset + 4 > this.buf.length) throw new RangeError('truncated');
    const v = this.buf.readUInt32LE(this.offset);
    this.offset += 4;
    return v;
  }
  bytes(n: number): Buffer {
    if (this.offset + n > this.buf.length) throw new RangeError('truncated');
    const out = this.buf.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }
  get remaining(): number {
    return this.buf.length - this.offset;
  }
}

function parseArea(c: Cursor): Parsed {
  const length = c.u16();
  if (length !== c.remaining) return { ok: false, detail: 'area length mismatch' };
  c.u8(); // area type
  c.bytes(8); // x, y, width, height
  c.u8(); // area id
  c.u8(); // line spacing
  c.u8(); // run mode
  c.u16(); // timeout
  if (c.u8() !== BX5K.area.voice) return { ok: false, detail: 'voice data is not supported' };
  if (c.u8() !== BX5K.area.extensionCount) return { ok: false, detail: 'extension bytes are not supported' };
  c.bytes(7); // align, single line, wrap, show mode, exit mode, speed, stay time
  const textLength = c.u32();
  if (textLength !== c.remaining) return { ok: false, detail: 'text length mismatch' };
  const text = c.bytes(textLength);
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === BX5K.area.lineBreak) {
      lines.push(decodeGb2312(text.subarray(start, i)));
      start = i + 1;
    }
  }
  return { ok: true, command: { kind: 'show', lines } };
}

function parseCommand(data: Buffer): Parsed & { wantsReply?: boolean } {
  const c = new Cursor(data);
  if (c.u8() !== BX5K.commandGroupControl) return { ok: false, detail: 'unknown command group' };
  const number = c.u8();
  const wantsReply = c.u8() === BX5K.replyWanted;
  c.u16(); // reserved
  if (number === BX5K.commandBrightness) {
    c.u8(); // brightness mode
    const slots = c.bytes(BX5K.brightnessSlots);
    return { ok: true, command: { kind: 'brightness', level: slots[0] + 1 }, wantsReply };
  }
  if (number !== BX5K.commandDynamicArea) return { ok: false, detail: `unknown command a3 ${number.toString(16)}` };
  const deleteCount = c.u8();
  c.bytes(deleteCount);
  const updateCount = c.u8();
  if (updateCount === 0) {
    return deleteCount > 0 ? { ok: true, command: { kind: 'clear' }, wantsReply } : { ok: false, detail: 'empty update' };
  }
  if (updateCount !== 1) return { ok: false, detail: 'only one area per frame is supported' };
  return { ...parseArea(c), wantsReply };
}

class OnbonCommandReader implements CommandReader {
  private readonly splitter = new FrameSplitter();

  push(chunk: Buffer): DecodedFrame[] {
    const frames: DecodedFrame[] = [];
    for (const body of this.splitter.push(chunk)) {
      const opened = openPacket(body);
      if (!opened.ok) {
        frames.push(opened);
        continue;
      }
      // Answers from other signs on the same line are addressed to the host: not for us.
      if (opened.screenAddress === BX5K.hostAddress) continue;
      let parsed: ReturnType<typeof parseCommand>;
      try {
        parsed = parseCommand(opened.data);
      } catch {
        parsed = { ok: false, detail: 'truncated command' };
      }
      frames.push(
        parsed.ok
          ? { ok: true, address: opened.screenAddress, command: parsed.command, wantsReply: parsed.wantsReply ?? false }
          : { ok: false, reason: 'malformed', detail: parsed.detail },
      );
    }
    return frames;
  }
}

export const onbonBx5kSignSide: SignSideCodec = {
  name: 'onbon-bx5k',
  createCommandReader: () => new OnbonCommandReader(),
  encodeReply: (address, command, status) =>
    encodeOnbonReply(address, command.kind === 'brightness' ? BX5K.commandBrightness : BX5K.commandDynamicArea, status),
};
