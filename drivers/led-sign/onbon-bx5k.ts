import { crc16Arc } from './crc16-arc.js';
import { ledSignError } from './errors.js';
import type { Encoded, Framer, ReplyReader, SignCommand, SignReply } from './framer.js';
import { describeRejected, encodeGb2312Strict } from './gb2312-text.js';
import { FRAME_END, FRAME_START, FrameSplitter, escapeFrameBody, unescapeFrameBody } from './onbon-escape.js';

/**
 * Onbon / 仰邦 BX-5K framing. Public facts (frame flags, escaping, CRC, header fields, the A3 06
 * dynamic-area command and its field list) come from the open analyzer of the protocol.
 * Values marked UNVERIFIED are choices made where those facts stop; they all live in this
 * block so they can be corrected against a real controller without touching the logic.
 */
export const BX5K = {
  /** How many A5 flags open a frame: repeats let a sleeping RS-485 receiver lock on. */
  startFlagRepeat: 8,
  /** Source address of the host in the header. UNVERIFIED (value seen in vendor samples). */
  hostAddress: 0x8000,
  barcodeFlag: 0x00,
  /** 0x00 = CRC-16 checks the packet. */
  checkMode: 0x00,
  displayMode: 0x00,
  /** UNVERIFIED: 0xFE is taken as "any controller type". */
  deviceType: 0xfe,
  /** UNVERIFIED: protocol version of the 5K font-card family. */
  protocolVersion: 0x02,
  /** A CRC field of FFFF means the sender chose not to check. */
  noCheckCrc: 0xffff,
  headerLength: 14,
  commandGroupControl: 0xa3,
  commandDynamicArea: 0x06,
  /** UNVERIFIED: brightness command number in the A3 group. */
  commandBrightness: 0x02,
  /** Reply flag byte: 0x01 asks the controller to answer, 0x02 asks it not to. UNVERIFIED. */
  replyWanted: 0x01,
  replyNotWanted: 0x02,
  /** UNVERIFIED brightness layout: mode 0x00 (fixed) then one level per half hour of the day. */
  brightnessModeFixed: 0x00,
  brightnessSlots: 48,
  /** UNVERIFIED dynamic-area layout values (see README "Dynamic area layout"). */
  area: {
    type: 0x00,
    lineSpacing: 0x00,
    /** Hold the text until it is replaced, rather than expiring. */
    runMode: 0x01,
    timeoutSeconds: 0,
    voice: 0x00,
    extensionCount: 0x00,
    align: 0x00,
    singleLine: 0x01,
    multiLine: 0x02,
    autoWrap: 0x01,
    showMode: 0x01,
    exitMode: 0x00,
    speed: 0x00,
    stayTime: 0x0a,
    /** Separator between lines inside the GB2312 text. */
    lineBreak: 0x0a,
  },
  maxTextBytes: 1024,
} as const;

export interface OnbonGeometry {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface OnbonBx5kOptions {
  /** Dynamic area rectangle in pixels; defaults to a 64x16 single-colour window sign. */
  geometry?: OnbonGeometry;
  /** Dynamic area id used for show and clear. */
  areaId?: number;
  /** Ask each sign to answer; without answers a dead sign cannot be noticed. Default true. */
  askReply?: boolean;
}

export const ONBON_ADDRESS_RANGE = { min: 1, max: 0xfffe } as const;

/** Header + data + CRC, escaped and flagged, ready for the wire. */
export function buildPacket(screenAddress: number, sourceAddress: number, data: Uint8Array): Buffer {
  const header = Buffer.alloc(BX5K.headerLength);
  header.writeUInt16LE(screenAddress, 0);
  header.writeUInt16LE(sourceAddress, 2);
  // bytes 4..6 are reserved and stay zero
  header[7] = BX5K.barcodeFlag;
  header[8] = BX5K.checkMode;
  header[9] = BX5K.displayMode;
  header[10] = BX5K.deviceType;
  header[11] = BX5K.protocolVersion;
  header.writeUInt16LE(data.length, 12);
  const packet = Buffer.concat([header, data]);
  const crc = Buffer.alloc(2);
  crc.writeUInt16LE(crc16Arc(packet), 0);
  return Buffer.concat([
    Buffer.alloc(BX5K.startFlagRepeat, FRAME_START),
    escapeFrameBody(Buffer.concat([packet, crc])),
    Buffer.from([FRAME_END]),
  ]);
}

function commandHead(number: number, replyFlag: number): Buffer {
  return Buffer.from([BX5K.commandGroupControl, number, replyFlag, 0x00, 0x00]);
}

function areaBytes(id: number, geometry: OnbonGeometry, lineCount: number, text: Buffer): Buffer {
  const a = BX5K.area;
  const fixed = Buffer.alloc(27); // 23 bytes of fields + 4 of text length
  let o = 0;
  fixed[o++] = a.type;
  for (const v of [geometry.x, geometry.y, geometry.width, geometry.height]) o = fixed.writeUInt16LE(v, o);
  fixed[o++] = id;
  fixed[o++] = a.lineSpacing;
  fixed[o++] = a.runMode;
  o = fixed.writeUInt16LE(a.timeoutSeconds, o);
  fixed[o++] = a.voice;
  fixed[o++] = a.extensionCount;
  fixed[o++] = a.align;
  fixed[o++] = lineCount > 1 ? a.multiLine : a.singleLine;
  fixed[o++] = a.autoWrap;
  fixed[o++] = a.showMode;
  fixed[o++] = a.exitMode;
  fixed[o++] = a.speed;
  fixed[o++] = a.stayTime;
  fixed.writeUInt32LE(text.length, o);
  const body = Buffer.concat([fixed, text]);
  const length = Buffer.alloc(2);
  length.writeUInt16LE(body.length, 0);
  return Buffer.concat([length, body]);
}

export function createOnbonBx5kFramer(options: OnbonBx5kOptions = {}): Framer {
  const geometry = options.geometry ?? { x: 0, y: 0, width: 64, height: 16 };
  const areaId = options.areaId ?? 0;
  const askReply = options.askReply ?? true;
  const replyFlag = askReply ? BX5K.replyWanted : BX5K.replyNotWanted;

  const checkAddress = (address: number) =>
    Number.isInteger(address) && address >= ONBON_ADDRESS_RANGE.min && address <= ONBON_ADDRESS_RANGE.max
      ? null
      : ledSignError('LED_ADDRESS_OUT_OF_RANGE', `${address}`, address);

  const finish = (address: number, data: Buffer, command: SignCommand): Encoded => ({
    ok: true,
    frame: buildPacket(address, BX5K.hostAddress, data),
    command,
    replyKey: replyKeyOf(data[1]),
  });

  const framer: Framer = {
    name: 'onbon-bx5k',
    addressRange: ONBON_ADDRESS_RANGE,
    encodeShow(address, lines) {
      const bad = checkAddress(address);
      if (bad) return { ok: false, error: bad };
      const encodedLines: Buffer[] = [];
      for (const line of lines) {
        const enc = encodeGb2312Strict(line);
        if (!enc.ok) return { ok: false, error: ledSignError('LED_TEXT_NOT_ENCODABLE', describeRejected(enc.rejected), address) };
        encodedLines.push(enc.bytes);
      }
      const separator = Buffer.from([BX5K.area.lineBreak]);
      const text = Buffer.concat(encodedLines.flatMap((l, i) => (i === 0 ? [l] : [separator, l])));
      if (text.length > BX5K.maxTextBytes) {
        return { ok: false, error: ledSignError('LED_TEXT_TOO_LONG', `${text.length} > ${BX5K.maxTextBytes} bytes`, address) };
      }
      const data = Buffer.concat([
        commandHead(BX5K.commandDynamicArea, replyFlag),
        Buffer.from([0x00, 0x01]), // delete no area, update one
        areaBytes(areaId, geometry, lines.length, text),
      ]);
      return finish(address, data, { kind: 'show', lines: [...lines] });
    },
    encodeClear(address) {
      const bad = checkAddress(address);
      if (bad) return { ok: false, error: bad };
      // Deleting the dynamic area leaves the sign's stored program (e.g. the window name) showing.
      const data = Buffer.concat([commandHead(BX5K.commandDynamicArea, replyFlag), Buffer.from([0x01, areaId, 0x00])]);
      return finish(address, data, { kind: 'clear' });
    },
    encodeBrightness(address, level) {
      const bad = checkAddress(address);
      if (bad) return { ok: false, error: bad };
      if (!Number.isInteger(level) || level < 1 || level > 16) {
        return { ok: false, error: ledSignError('LED_BRIGHTNESS_OUT_OF_RANGE', `${level}`, address) };
      }
      const data = Buffer.concat([
        commandHead(BX5K.commandBrightness, replyFlag),
        Buffer.from([BX5K.brightnessModeFixed]),
        Buffer.alloc(BX5K.brightnessSlots, level - 1), // the controller counts 0..15
      ]);
      return finish(address, data, { kind: 'brightness', level });
    },
  };
  if (askReply) framer.createReplyReader = () => new OnbonReplyReader();
  return framer;
}

/** Unescapes one frame body and checks its CRC and header; a failure means the frame must be dropped. */
export function openPacket(
  escapedBody: Buffer,
): { ok: true; screenAddress: number; sourceAddress: number; data: Buffer } | { ok: false; reason: 'checksum' | 'malformed'; detail: string } {
  const raw = unescapeFrameBody(escapedBody);
  if (!raw) return { ok: false, reason: 'malformed', detail: 'bad escape sequence' };
  if (raw.length < BX5K.headerLength + 2) return { ok: false, reason: 'malformed', detail: `short frame (${raw.length} bytes)` };
  const packet = raw.subarray(0, raw.length - 2);
  const crc = raw.readUInt16LE(raw.length - 2);
  if (crc !== BX5K.noCheckCrc && crc !== crc16Arc(packet)) return { ok: false, reason: 'checksum', detail: 'CRC mismatch' };
  if (packet[7] !== 0x00) return { ok: false, reason: 'malformed', detail: 'barcode headers are not supported' };
  const dataLength = packet.readUInt16LE(12);
  if (dataLength !== packet.length - BX5K.headerLength) return { ok: false, reason: 'malformed', detail: 'data length mismatch' };
  return { ok: true, screenAddress: packet.readUInt16LE(0), sourceAddress: packet.readUInt16LE(2), data: packet.subarray(BX5K.headerLength) };
}

export function replyKeyOf(commandNumber: number): string {
  return `a3:${commandNumber.toString(16).padStart(2, '0')}`;
}

/**
 * UNVERIFIED reply layout: header addressed to the host with the sign as source, then
 * group, number, status (0 = done), 2 reserved bytes.
 */
export function encodeOnbonReply(signAddress: number, commandNumber: number, status: number): Buffer {
  const data = Buffer.from([BX5K.commandGroupControl, commandNumber, status, 0x00, 0x00]);
  return buildPacket(BX5K.hostAddress, signAddress, data);
}

class OnbonReplyReader implements ReplyReader {
  private readonly splitter = new FrameSplitter();

  push(chunk: Buffer): SignReply[] {
    const replies: SignReply[] = [];
    for (const body of this.splitter.push(chunk)) {
      const opened = openPacket(body);
      if (!opened.ok || opened.screenAddress !== BX5K.hostAddress) continue;
      if (opened.data.length < 3 || opened.data[0] !== BX5K.commandGroupControl) continue;
      replies.push({ address: opened.sourceAddress, replyKey: replyKeyOf(opened.data[1]), status: opened.data[2] });
    }
    return replies;
  }

  reset(): void {
    this.splitter.reset();
  }
}
