import iconv from 'iconv-lite';
import type { Alignment, EscPosItem, TextStyle } from './escpos-items.js';

// Decodes exactly the ESC/POS subset this product emits (see README). Anything else is reported as an
// `unknown` item with its offset, never dropped, so a test notices the moment the emitter and decoder disagree.

const ESC = 0x1b;
const GS = 0x1d;
const FS = 0x1c;
const DLE = 0x10;
const LF = 0x0a;
const NEED_MORE = 0;

interface Size {
  width: number;
  height: number;
}

interface DecoderState {
  align: Alignment;
  ank: Size;
  kanji: Size;
  bold: boolean;
  chineseMode: boolean;
  internationalCharset: number;
  qr: { model: number; moduleSize: number; errorCorrection: 'L' | 'M' | 'Q' | 'H'; stored: Buffer | null };
}

function initialState(): DecoderState {
  return {
    align: 'left',
    ank: { width: 1, height: 1 },
    kanji: { width: 1, height: 1 },
    bold: false,
    chineseMode: false,
    internationalCharset: 0,
    qr: { model: 2, moduleSize: 3, errorCorrection: 'L', stored: null },
  };
}

const ALIGN: Record<number, Alignment> = { 0: 'left', 1: 'center', 2: 'right', 48: 'left', 49: 'center', 50: 'right' };
const EC_LEVEL = { 0x30: 'L', 0x31: 'M', 0x32: 'Q', 0x33: 'H' } as const;

/** Streaming decoder: bytes may arrive in any chunking; a command split across chunks waits for the rest. */
export class EscPosDecoder {
  private state = initialState();
  private carry = Buffer.alloc(0);
  /** Stream offset of carry[0]. */
  private base = 0;
  private run: { offset: number; style: TextStyle; text: string } | null = null;
  private out: EscPosItem[] = [];

  push(chunk: Buffer): EscPosItem[] {
    const buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    let i = 0;
    while (i < buf.length) {
      const used = this.step(buf, i);
      if (used === NEED_MORE) break;
      i += used;
    }
    this.carry = Buffer.from(buf.subarray(i));
    this.base += i;
    return this.take();
  }

  /** Flushes the open text run and reports a command cut off by the end of the stream. */
  end(): EscPosItem[] {
    if (this.carry.length) this.unknown(this.base, this.carry, 'incomplete command at end of data');
    this.base += this.carry.length;
    this.carry = Buffer.alloc(0);
    this.flushText();
    return this.take();
  }

  private take(): EscPosItem[] {
    const items = this.out;
    this.out = [];
    return items;
  }

  /** Decodes one command or character at buf[i]; returns bytes used, or NEED_MORE. */
  private step(buf: Buffer, i: number): number {
    const b = buf[i];
    const at = this.base + i;
    if (b >= 0x20 && b < 0x7f) return this.ascii(b, at);
    if (b >= 0x80) return this.multibyte(buf, i);
    this.flushText();
    if (b === LF) return this.emit({ kind: 'newline', offset: at }, 1);
    if (b === ESC) return this.esc(buf, i);
    if (b === GS) return this.gs(buf, i);
    if (b === FS) return this.fs(buf, i);
    if (b === DLE) {
      if (buf.length < i + 3) return NEED_MORE;
      const n = buf[i + 2];
      if (buf[i + 1] === 0x04 && n >= 1 && n <= 4) return this.emit({ kind: 'status-request', offset: at, n }, 3);
      return this.unknown(at, buf.subarray(i, i + 1), 'unsupported DLE command');
    }
    return this.unknown(at, buf.subarray(i, i + 1), 'unsupported control byte');
  }

  private esc(buf: Buffer, i: number): number {
    if (buf.length < i + 2) return NEED_MORE;
    const cmd = buf[i + 1];
    const at = this.base + i;
    if (cmd === 0x40) {
      this.state = initialState();
      return this.emit({ kind: 'init', offset: at }, 2);
    }
    if (![0x61, 0x21, 0x45, 0x52, 0x64].includes(cmd)) return this.unknown(at, buf.subarray(i, i + 2), 'unsupported ESC command');
    if (buf.length < i + 3) return NEED_MORE;
    const n = buf[i + 2];
    const s = this.state;
    if (cmd === 0x61) {
      if (!(n in ALIGN)) return this.unknown(at, buf.subarray(i, i + 3), 'bad ESC a value');
      s.align = ALIGN[n];
    } else if (cmd === 0x21) {
      s.ank = { width: n & 0x20 ? 2 : 1, height: n & 0x10 ? 2 : 1 };
      s.bold = (n & 0x08) !== 0;
    } else if (cmd === 0x45) s.bold = (n & 1) === 1;
    else if (cmd === 0x52) s.internationalCharset = n;
    else return this.emit({ kind: 'feed', offset: at, lines: n }, 3);
    return 3;
  }

  private gs(buf: Buffer, i: number): number {
    if (buf.length < i + 2) return NEED_MORE;
    const cmd = buf[i + 1];
    const at = this.base + i;
    if (![0x21, 0x56, 0x28].includes(cmd)) return this.unknown(at, buf.subarray(i, i + 2), 'unsupported GS command');
    if (buf.length < i + 3) return NEED_MORE;
    if (cmd === 0x21) {
      const n = buf[i + 2];
      const size = { width: (n >> 4) + 1, height: (n & 0x0f) + 1 };
      if (size.width > 8 || size.height > 8) return this.unknown(at, buf.subarray(i, i + 3), 'bad GS ! value');
      this.state.ank = size;
      this.state.kanji = { ...size };
      return 3;
    }
    if (cmd === 0x56) {
      const m = buf[i + 2];
      if ([0, 1, 48, 49].includes(m)) return this.emit({ kind: 'cut', offset: at, partial: m % 48 === 1, feedLines: 0 }, 3);
      if (m !== 65 && m !== 66) return this.unknown(at, buf.subarray(i, i + 3), 'bad GS V mode');
      if (buf.length < i + 4) return NEED_MORE;
      return this.emit({ kind: 'cut', offset: at, partial: m === 66, feedLines: buf[i + 3] }, 4);
    }
    if (cmd === 0x28 && buf[i + 2] === 0x6b) return this.gsParenK(buf, i);
    return this.unknown(at, buf.subarray(i, i + 2), 'unsupported GS command');
  }

  /** GS ( k pL pH cn fn ...: the 2D-code family; only QR (cn = 49) is ours. */
  private gsParenK(buf: Buffer, i: number): number {
    if (buf.length < i + 5) return NEED_MORE;
    const len = buf[i + 3] + 256 * buf[i + 4];
    const total = 5 + len;
    if (buf.length < i + total) return NEED_MORE;
    const at = this.base + i;
    const whole = buf.subarray(i, i + total);
    const [cn, fn, p1] = [buf[i + 5], buf[i + 6], buf[i + 7]];
    const qr = this.state.qr;
    if (len < 3 || cn !== 0x31) return this.unknown(at, whole, 'unsupported GS ( k symbol');
    if (fn === 0x41 && len === 4 && (p1 === 0x31 || p1 === 0x32)) qr.model = p1 - 0x30;
    else if (fn === 0x43 && len === 3 && p1 >= 1 && p1 <= 16) qr.moduleSize = p1;
    else if (fn === 0x45 && len === 3 && p1 in EC_LEVEL) qr.errorCorrection = EC_LEVEL[p1 as keyof typeof EC_LEVEL];
    else if (fn === 0x50 && p1 === 0x30) qr.stored = Buffer.from(buf.subarray(i + 8, i + total));
    else if (fn === 0x51 && len === 3 && p1 === 0x30) {
      if (!qr.stored) return this.unknown(at, whole, 'QR print with no stored data');
      const { stored, ...settings } = qr;
      return this.emit({ kind: 'qr', offset: at, payload: stored.toString('utf8'), bytes: stored, ...settings }, total);
    } else return this.unknown(at, whole, 'unsupported QR function');
    return total;
  }

  private fs(buf: Buffer, i: number): number {
    if (buf.length < i + 2) return NEED_MORE;
    const cmd = buf[i + 1];
    if (cmd === 0x26 || cmd === 0x2e) {
      this.state.chineseMode = cmd === 0x26;
      return 2;
    }
    if (cmd === 0x21) {
      if (buf.length < i + 3) return NEED_MORE;
      const n = buf[i + 2];
      this.state.kanji = { width: n & 0x04 ? 2 : 1, height: n & 0x08 ? 2 : 1 };
      return 3;
    }
    return this.unknown(this.base + i, buf.subarray(i, i + 2), 'unsupported FS command');
  }

  private ascii(b: number, at: number): number {
    this.appendText(String.fromCharCode(b), this.state.ank, at);
    return 1;
  }

  /** A GB18030 character of two or four bytes; only meaningful in Chinese mode. */
  private multibyte(buf: Buffer, i: number): number {
    const at = this.base + i;
    const lead = buf[i];
    if (!this.state.chineseMode) return this.unknown(at, buf.subarray(i, i + 1), 'byte >= 0x80 outside Chinese mode');
    if (lead === 0x80 || lead === 0xff) return this.unknown(at, buf.subarray(i, i + 1), 'invalid GB18030 lead byte');
    if (buf.length < i + 2) return NEED_MORE;
    const second = buf[i + 1];
    let len = 2;
    if (second >= 0x30 && second <= 0x39) {
      len = 4;
      if (buf.length < i + 4) return NEED_MORE;
      const ok = buf[i + 2] >= 0x81 && buf[i + 2] <= 0xfe && buf[i + 3] >= 0x30 && buf[i + 3] <= 0x39;
      if (!ok) return this.unknown(at, buf.subarray(i, i + 1), 'invalid GB18030 sequence');
    } else if (second < 0x40 || second === 0x7f || second === 0xff) {
      return this.unknown(at, buf.subarray(i, i + 1), 'invalid GB18030 sequence');
    }
    const ch = iconv.decode(buf.subarray(i, i + len), 'gb18030');
    if (ch === '\ufffd') return this.unknown(at, buf.subarray(i, i + len), 'unmapped GB18030 character');
    this.appendText(ch, this.state.kanji, at);
    return len;
  }

  private appendText(ch: string, size: Size, at: number): void {
    const style: TextStyle = { align: this.state.align, width: size.width, height: size.height, bold: this.state.bold };
    if (this.run && !sameStyle(this.run.style, style)) this.flushText();
    if (!this.run) this.run = { offset: at, style, text: '' };
    this.run.text += ch;
  }

  private flushText(): void {
    if (!this.run) return;
    this.out.push({ kind: 'text', ...this.run });
    this.run = null;
  }

  private emit(item: EscPosItem, used: number): number {
    this.out.push(item);
    return used;
  }

  /** Consecutive unknown bytes with the same reason are reported as one item. */
  private unknown(offset: number, bytes: Buffer, reason: string): number {
    this.flushText();
    const last = this.out[this.out.length - 1];
    if (last?.kind === 'unknown' && last.reason === reason && last.offset + last.bytes.length === offset) {
      last.bytes = Buffer.concat([last.bytes, bytes]);
    } else {
      this.out.push({ kind: 'unknown', offset, bytes: Buffer.from(bytes), reason });
    }
    return bytes.length;
  }
}

function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return a.align === b.align && a.width === b.width && a.height === b.height && a.bold === b.bold;
}

/** Decodes a complete byte string. */
export function decodeEscPos(bytes: Buffer): EscPosItem[] {
  const decoder = new EscPosDecoder();
  return [...decoder.push(bytes), ...decoder.end()];
}
