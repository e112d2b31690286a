import { describe, expect, it } from 'vitest';
import { EscPosDecoder, decodeEscPos } from '../../../drivers/printer/escpos-decoder.js';
import { gb18030, qrCodeBytes } from '../../../drivers/printer/escpos-bytes.js';
import { splitTickets } from '../../../drivers/printer/decoded-ticket.js';
import type { EscPosItem } from '../../../drivers/printer/escpos-items.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const texts = (items: EscPosItem[]) => items.flatMap((i) => (i.kind === 'text' ? [i.text] : []));

describe('ESC/POS decoder', () => {
  it('decodes Chinese text in GB18030 between FS & and FS ., including four-byte 㐀', () => {
    const bytes = Buffer.concat([hex('1b40 1c26'), gb18030('㐀家村 A1'), hex('0a 1c2e')]);
    const items = decodeEscPos(bytes);
    expect(texts(items)).toEqual(['㐀家村 A1']);
    expect(items.filter((i) => i.kind === 'unknown')).toEqual([]);
  });

  it('reports bytes of 0x80 and above outside Chinese mode instead of guessing a code page', () => {
    const items = decodeEscPos(Buffer.concat([hex('1b40'), gb18030('张三'), hex('0a')]));
    const unknown = items.filter((i) => i.kind === 'unknown');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ offset: 2, reason: 'byte >= 0x80 outside Chinese mode' });
    expect(texts(items)).toEqual([]);
  });

  it('carries alignment and GS ! size on each text run', () => {
    const items = decodeEscPos(hex('1b40 1b6101 1d2177 41303132 0a 1d2100 3e 0a'));
    const runs = items.filter((i) => i.kind === 'text');
    expect(runs[0]).toMatchObject({ text: 'A012', style: { align: 'center', width: 8, height: 8 } });
    expect(runs[1]).toMatchObject({ text: '>', style: { align: 'center', width: 1, height: 1 } });
  });

  it('applies ESC ! to ASCII only and FS ! to Chinese only', () => {
    const bytes = Buffer.concat([hex('1c26 1b2130 1c2104'), Buffer.from('A'), gb18030('号')]);
    const runs = decodeEscPos(bytes).filter((i) => i.kind === 'text');
    expect(runs.map((r) => r.kind === 'text' && [r.text, r.style.width, r.style.height, r.style.bold])).toEqual([
      ['A', 2, 2, false],
      ['号', 2, 1, false],
    ]);
  });

  it('yields the QR payload on the print command, using the stored length', () => {
    const url = 'https://hall.example.cn/t/abc';
    const items = decodeEscPos(Buffer.concat([qrCodeBytes(url, { moduleSize: 6, errorCorrection: 'M' }), hex('0a')]));
    expect(items[0]).toMatchObject({ kind: 'qr', payload: url, model: 2, moduleSize: 6, errorCorrection: 'M' });
    expect(items.filter((i) => i.kind === 'unknown')).toEqual([]);
  });

  it('turns a QR store length shorter than the data into visible unknown bytes', () => {
    // What node-thermal-printer's printQR does with a non-ASCII URL: length from characters, data in UTF-8.
    const url = 'https://a.cn/大厅';
    const data = Buffer.from(url, 'utf8');
    const wrongLength = url.length + 3;
    const bytes = Buffer.concat([hex('1d286b'), Buffer.from([wrongLength, 0, 0x31, 0x50, 0x30]), data, hex('1d286b 0300 3151 30')]);
    const items = decodeEscPos(bytes);
    expect(items.some((i) => i.kind === 'unknown')).toBe(true);
  });

  it('decodes cuts and status requests, and splits tickets at each cut', () => {
    const items = decodeEscPos(hex('100401 41 0a 1b6404 1d5601 1b40 42 0a 1d5642 03 100404'));
    expect(items.filter((i) => i.kind === 'status-request').map((i) => i.kind === 'status-request' && i.n)).toEqual([1, 4]);
    const tickets = splitTickets(items);
    expect(tickets).toHaveLength(2);
    expect(tickets[0]).toMatchObject({ cut: { partial: true }, lines: [{ text: 'A' }] });
    expect(tickets[1]).toMatchObject({ cut: { partial: true }, lines: [{ text: 'B' }] });
  });

  it('reports unknown commands with their offset rather than dropping them', () => {
    const items = decodeEscPos(hex('41 1b7a 42 0d 1d4c 0a'));
    expect(items.filter((i) => i.kind === 'unknown').map((i) => i.kind === 'unknown' && [i.offset, i.bytes.toString('hex')])).toEqual([
      [1, '1b7a'],
      [4, '0d'],
      [5, '1d4c'],
    ]);
  });

  it('gives the same result whatever the chunking, even mid-character and mid-command', () => {
    const bytes = Buffer.concat([
      hex('1b40 1b520f 1c26 1b6101 1d2111'),
      gb18030('㐀家村政务服务中心'),
      hex('0a'),
      qrCodeBytes('https://hall.example.cn/t/1', { moduleSize: 6, errorCorrection: 'M' }),
      hex('1b6404 1d5601 1b40'),
    ]);
    const whole = decodeEscPos(bytes);
    const decoder = new EscPosDecoder();
    const pieces: EscPosItem[] = [];
    for (let i = 0; i < bytes.length; i += 1) pieces.push(...decoder.push(bytes.subarray(i, i + 1)));
    pieces.push(...decoder.end());
    expect(pieces).toEqual(whole);
    expect(texts(whole)).toEqual(['㐀家村政务服务中心']);
  });

  it('reports a command cut off by the end of the data', () => {
    const items = decodeEscPos(hex('41 1d286b 0400 3141'));
    expect(items.at(-1)).toMatchObject({ kind: 'unknown', offset: 1, reason: 'incomplete command at end of data' });
  });
});
