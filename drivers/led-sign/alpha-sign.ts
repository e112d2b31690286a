import { ledSignError } from './errors.js';
import type { CommandReader, DecodedFrame, Encoded, Framer, SignSideCodec } from './framer.js';

/**
 * Alpha Sign Communications Protocol, "write TEXT file" only. It is ASCII-only, so it cannot
 * show Chinese; it exists so a hall with an imported ASCII sign can still show ticket numbers,
 * and it keeps the bus honest about being protocol-neutral.
 *
 * Full-width digits and Latin letters (０-９, Ａ-Ｚ, ａ-ｚ) are transliterated to ASCII because ticket
 * numbers typed on Chinese keyboards often arrive that way; any other non-ASCII character is
 * refused with LED_TEXT_NOT_ENCODABLE rather than dropped silently.
 */
export const ALPHA = {
  syncNulCount: 5,
  SOH: 0x01,
  STX: 0x02,
  ETX: 0x03,
  EOT: 0x04,
  ESC: 0x1b,
  /** 'Z' addresses every sign type. */
  typeCode: 0x5a,
  writeText: 0x41,
  label: 0x41,
  /** Position "fill": use every line of the sign. */
  position: 0x30,
  /** Mode "hold": show the text still, no animation. */
  mode: 0x62,
  /** Control code that starts a new line inside a TEXT file. */
  newLine: 0x0d,
  maxTextBytes: 256,
} as const;

export const ALPHA_ADDRESS_RANGE = { min: 0, max: 0xff } as const; // 0 = every sign on the line

export interface AlphaSignOptions {
  /** Append ETX and the 16-bit sum so signs drop corrupted packets. Default true. */
  checksum?: boolean;
}

type AsciiText = { ok: true; text: string } | { ok: false; rejected: string[] };

function toAscii(line: string): AsciiText {
  let out = '';
  const rejected: string[] = [];
  for (const ch of line) {
    const code = ch.codePointAt(0) ?? 0;
    const isFullWidthAlnum =
      (code >= 0xff10 && code <= 0xff19) || (code >= 0xff21 && code <= 0xff3a) || (code >= 0xff41 && code <= 0xff5a);
    if (isFullWidthAlnum) out += String.fromCharCode(code - 0xfee0);
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else rejected.push(ch);
  }
  return rejected.length ? { ok: false, rejected } : { ok: true, text: out };
}

function hexAddress(address: number): string {
  return address.toString(16).toUpperCase().padStart(2, '0');
}

export function alphaChecksum(fromStxThroughEtx: Uint8Array): string {
  let sum = 0;
  for (const b of fromStxThroughEtx) sum = (sum + b) & 0xffff;
  return sum.toString(16).toUpperCase().padStart(4, '0');
}

export function buildAlphaWriteText(address: number, text: Buffer, checksum: boolean): Buffer {
  const head = Buffer.concat([
    Buffer.alloc(ALPHA.syncNulCount, 0x00),
    Buffer.from([ALPHA.SOH, ALPHA.typeCode]),
    Buffer.from(hexAddress(address), 'ascii'),
  ]);
  const body = Buffer.concat([
    Buffer.from([ALPHA.STX, ALPHA.writeText, ALPHA.label, ALPHA.ESC, ALPHA.position, ALPHA.mode]),
    text,
  ]);
  if (!checksum) return Buffer.concat([head, body, Buffer.from([ALPHA.EOT])]);
  const withEtx = Buffer.concat([body, Buffer.from([ALPHA.ETX])]);
  return Buffer.concat([head, withEtx, Buffer.from(alphaChecksum(withEtx), 'ascii'), Buffer.from([ALPHA.EOT])]);
}

export function createAlphaSignFramer(options: AlphaSignOptions = {}): Framer {
  const checksum = options.checksum ?? true;
  const checkAddress = (address: number) =>
    Number.isInteger(address) && address >= ALPHA_ADDRESS_RANGE.min && address <= ALPHA_ADDRESS_RANGE.max
      ? null
      : ledSignError('LED_ADDRESS_OUT_OF_RANGE', `${address}`, address);

  const writeText = (address: number, lines: readonly string[], kind: 'show' | 'clear'): Encoded => {
    const bad = checkAddress(address);
    if (bad) return { ok: false, error: bad };
    const ascii: string[] = [];
    for (const line of lines) {
      const converted = toAscii(line);
      if (!converted.ok) {
        const detail = `ASCII only (${converted.rejected.length} character(s) outside ASCII)`;
        return { ok: false, error: ledSignError('LED_TEXT_NOT_ENCODABLE', detail, address) };
      }
      ascii.push(converted.text);
    }
    const text = Buffer.from(ascii.join(String.fromCharCode(ALPHA.newLine)), 'ascii');
    if (text.length > ALPHA.maxTextBytes) {
      return { ok: false, error: ledSignError('LED_TEXT_TOO_LONG', `${text.length} > ${ALPHA.maxTextBytes} bytes`, address) };
    }
    const command = kind === 'show' ? { kind, lines: [...lines] } : { kind };
    return { ok: true, frame: buildAlphaWriteText(address, text, checksum), command, replyKey: 'alpha:A' };
  };

  return {
    name: 'alpha-sign',
    addressRange: ALPHA_ADDRESS_RANGE,
    encodeShow: (address, lines) => writeText(address, lines, 'show'),
    // An empty TEXT file is how the protocol blanks a sign.
    encodeClear: (address) => writeText(address, [], 'clear'),
    encodeBrightness: (address) => ({
      ok: false,
      error: ledSignError('LED_UNSUPPORTED', 'brightness over the Alpha TEXT protocol', address),
    }),
    // Alpha signs answer only when ACK/NAK is enabled on the sign, so the bus does not wait.
  };
}

function decodeAlphaPacket(packet: Buffer): DecodedFrame {
  // packet: type, address x2, STX, 'A', label, ESC, position, mode, text, [ETX, sum x4]
  if (packet.length < 9 || packet[3] !== ALPHA.STX) return { ok: false, reason: 'malformed', detail: 'no STX' };
  if (packet[4] !== ALPHA.writeText || packet[6] !== ALPHA.ESC) return { ok: false, reason: 'malformed', detail: 'not a write TEXT' };
  const address = Number.parseInt(packet.subarray(1, 3).toString('ascii'), 16);
  if (Number.isNaN(address)) return { ok: false, reason: 'malformed', detail: 'bad address' };
  const etx = packet.indexOf(ALPHA.ETX, 3);
  let text = packet.subarray(9);
  if (etx >= 0) {
    const sum = packet.subarray(etx + 1).toString('ascii');
    if (sum !== alphaChecksum(packet.subarray(3, etx + 1))) return { ok: false, reason: 'checksum', detail: 'sum mismatch' };
    text = packet.subarray(9, etx);
  }
  if (text.length === 0) return { ok: true, address, command: { kind: 'clear' }, wantsReply: false };
  const lines = text.toString('ascii').split(String.fromCharCode(ALPHA.newLine));
  return { ok: true, address, command: { kind: 'show', lines }, wantsReply: false };
}

class AlphaCommandReader implements CommandReader {
  private pending = Buffer.alloc(0);

  push(chunk: Buffer): DecodedFrame[] {
    this.pending = Buffer.concat([this.pending, chunk]);
    const frames: DecodedFrame[] = [];
    for (;;) {
      const soh = this.pending.indexOf(ALPHA.SOH);
      if (soh < 0) {
        this.pending = Buffer.alloc(0);
        break;
      }
      const eot = this.pending.indexOf(ALPHA.EOT, soh);
      if (eot < 0) {
        this.pending = this.pending.subarray(soh);
        break;
      }
      frames.push(decodeAlphaPacket(Buffer.from(this.pending.subarray(soh + 1, eot))));
      this.pending = this.pending.subarray(eot + 1);
    }
    return frames;
  }
}

export const alphaSignSide: SignSideCodec = {
  name: 'alpha-sign',
  createCommandReader: () => new AlphaCommandReader(),
};
