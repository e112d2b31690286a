import iconv from 'iconv-lite';

// iconv-lite's "gb2312" is really GBK, so characters a GB2312 sign font lacks (喆, 㐀 ...) would
// encode "successfully" and show as garbage on the sign. Checking the GB2312 byte ranges
// turns that into a typed error the caller can see.

export type TextEncoding = { ok: true; bytes: Buffer } | { ok: false; rejected: string[] };

function isGb2312Pair(lead: number, trail: number): boolean {
  const symbolRows = lead >= 0xa1 && lead <= 0xa9;
  const hanziRows = lead >= 0xb0 && lead <= 0xf7;
  return (symbolRows || hanziRows) && trail >= 0xa1 && trail <= 0xfe;
}

/** Printable ASCII plus the GB2312 repertoire; control characters are protocol bytes, never text. */
export function encodeGb2312Strict(text: string): TextEncoding {
  const parts: Buffer[] = [];
  const rejected: string[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x20 && code < 0x7f) {
      parts.push(Buffer.from([code]));
      continue;
    }
    const bytes = code >= 0x80 ? iconv.encode(ch, 'gb2312') : Buffer.alloc(0);
    if (bytes.length === 2 && isGb2312Pair(bytes[0], bytes[1])) parts.push(bytes);
    else rejected.push(ch);
  }
  return rejected.length ? { ok: false, rejected } : { ok: true, bytes: Buffer.concat(parts) };
}

export function decodeGb2312(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes), 'gb2312');
}

/** Shows rejected characters as code points so logs stay readable and unambiguous. */
export function describeRejected(rejected: readonly string[]): string {
  const unique = [...new Set(rejected)];
  return unique.map((ch) => `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}
