import iconv from 'iconv-lite';

// The ESC/POS commands we emit ourselves instead of through node-thermal-printer, each for a stated reason.
// Every framing detail lives here so a printer that disagrees can be matched in one place.

/** FS & / FS . : Chinese (double-byte) character mode. node-thermal-printer never sends these. */
export const CHINESE_MODE_ON = Buffer.from([0x1c, 0x26]);
export const CHINESE_MODE_OFF = Buffer.from([0x1c, 0x2e]);

/** Font A is 12 dots wide per ASCII character; a Chinese character takes two columns (24 dots). */
export const PAPER = {
  58: { columns: 32, dots: 384 },
  80: { columns: 48, dots: 576 },
} as const;
export type PaperWidth = keyof typeof PAPER;

export const ASCII_CHAR_DOTS = 12;

/**
 * GS ! n. node-thermal-printer's setTextSize(height, width) puts `height` in the high nibble, which ESC/POS
 * reads as the width, so unequal sizes come out transposed; we build the byte here with the meaning spelled out.
 */
export function charSize(width: number, height: number): Buffer {
  if (!isMagnification(width) || !isMagnification(height)) {
    throw new RangeError(`character magnification must be 1..8, got ${width}x${height}`);
  }
  return Buffer.from([0x1d, 0x21, ((width - 1) << 4) | (height - 1)]);
}

function isMagnification(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 8;
}

/**
 * GB18030, not node-thermal-printer's EUC-CN (GB2312): GB2312 has no 㐀 and many characters used in names,
 * which it would silently turn into '?'.
 */
export function gb18030(text: string): Buffer {
  return iconv.encode(text, 'gb18030');
}

export type QrErrorCorrection = 'L' | 'M' | 'Q' | 'H';
const EC_BYTE: Record<QrErrorCorrection, number> = { L: 0x30, M: 0x31, Q: 0x32, H: 0x33 };

/** Byte-mode capacity of the largest model 2 symbol (version 40) at each error-correction level. */
export const QR_MAX_BYTES: Record<QrErrorCorrection, number> = { L: 2953, M: 2331, Q: 1663, H: 1273 };

export interface QrOptions {
  moduleSize: number;
  errorCorrection: QrErrorCorrection;
}

/**
 * GS ( k: model 2, module size, error correction, store, print. node-thermal-printer's printQR sets the store
 * length from `str.length` (UTF-16 units) but writes UTF-8 bytes, so any non-ASCII payload would desynchronise
 * the printer; here pL + 256 * pH is always the byte count written plus 3.
 */
export function qrCodeBytes(payload: string, opts: QrOptions): Buffer {
  const data = Buffer.from(payload, 'utf8');
  if (data.length === 0 || data.length > QR_MAX_BYTES[opts.errorCorrection]) {
    throw new RangeError(`QR payload of ${data.length} bytes does not fit one symbol`);
  }
  if (!Number.isInteger(opts.moduleSize) || opts.moduleSize < 1 || opts.moduleSize > 16) {
    throw new RangeError(`QR module size must be 1..16, got ${opts.moduleSize}`);
  }
  const storeLength = data.length + 3;
  return Buffer.concat([
    Buffer.from([0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00]),
    Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, opts.moduleSize]),
    Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, EC_BYTE[opts.errorCorrection]]),
    Buffer.from([0x1d, 0x28, 0x6b, storeLength & 0xff, storeLength >> 8, 0x31, 0x50, 0x30]),
    data,
    Buffer.from([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30]),
  ]);
}
